package org.quire.crawl;

import org.quire.archive.CrawlLog;
import org.quire.archive.CrawlLogEntry;
import org.quire.archive.WarcArchiver;
import org.quire.archive.WarcinfoFields;
import org.quire.output.SummaryCollector;
import org.quire.cli.Version;
import org.quire.config.Settings;
import org.quire.extract.HtmlExtractor;
import org.quire.fetch.ErrorKind;
import org.quire.fetch.HttpFetcher;
import org.quire.fetch.PolitenessPolicy;
import org.quire.fetch.RobotsCache;
import org.quire.fetch.RobotsFetcher;
import org.quire.frontier.Candidate;
import org.quire.frontier.CrawlUrl;
import org.quire.frontier.Frontier;
import org.quire.frontier.FrontierStats;
import org.quire.frontier.SqliteFrontier;
import org.quire.output.CrawlSummary;
import org.quire.output.PagesJsonlWriter;
import org.quire.output.SummaryWriter;
import org.quire.output.TextFileWriter;
import org.quire.recrawl.CaptureArchiver;
import org.quire.recrawl.CaptureIndex;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one crawl job to its end: seeds into the frontier, a fixed pool of fetch threads taking ready URLs, every
 * exchange archived, pages extracted, and a summary written and returned. The crawl ends when the frontier is
 * exhausted or {@code crawl.max-pages} is reached; an archive I/O failure (disk full, folder gone) stops it.
 */
public final class Crawler {

    private final CrawlJob job;
    private final PrintStream console;
    private final Clock clock;

    public Crawler(CrawlJob job, PrintStream console) {
        this(job, console, Clock.systemUTC());
    }

    Crawler(CrawlJob job, PrintStream console, Clock clock) {
        this.job = job;
        this.console = console;
        this.clock = clock;
    }

    /** Runs the crawl; returns its summary (also written to summary.json). */
    public CrawlSummary run() throws IOException {
        Settings s = job.settings();
        JobFolder folder = job.folder();
        Instant started = clock.instant();
        AtomicReference<IOException> fatal = new AtomicReference<>();
        WarcinfoFields info = new WarcinfoFields("quire/" + Version.get(), hostname(), s.archive().operator(),
                s.fetch().contact(), s.robots().obey() ? "obey" : "ignore", job.name(), s.fetch().userAgent());

        try (Frontier frontier = SqliteFrontier.open(folder.stateDb());
             HttpFetcher fetcher = new HttpFetcher(s.fetch());
             WarcArchiver warc = new WarcArchiver(folder.warcDir(), job.name(), started, s.archive().warcMaxSize(), info);
             CrawlLog log = new CrawlLog(folder.crawlLog());
             PagesJsonlWriter pagesOut = new PagesJsonlWriter(folder.pagesJsonl());
             CaptureIndex captureIndex = CaptureIndex.open(folder.captureDb())) {

            CrawlEvents events = new CrawlEvents(log, new SummaryCollector());
            ScopeRules scope = new ScopeRules(s.crawl(), job.seeds());
            TextFileWriter textOut = new TextFileWriter(folder.textDir());
            PageProcessor pages = new PageProcessor(s, new HtmlExtractor(), warc, pagesOut, textOut, frontier,
                    scope, events);
            UrlProcessor processor = new UrlProcessor(s, frontier, fetcher,
                    new RobotsFetcher(fetcher, s.fetch(), s.robots()), new RobotsCache(s.robots()),
                    new PolitenessPolicy(s.politeness()), warc, events, scope, pages, clock);
            pages.logRejectionsWith(processor);
            CaptureArchiver captures = new CaptureArchiver(captureIndex, warc, folder.crawlDir(), folder.root().getFileName().toString());
            processor.archiveCapturesWith(captures);

            addSeeds(frontier, scope, events);
            RecrawlSeeds.add(frontier, scope, captures, job.seeds());

            try (ProgressReporter progress = new ProgressReporter(() -> progressLine(frontier, events, started),
                    console, ProgressReporter.isTerminal(), Duration.ofSeconds(10))) {
                List<Thread> workers = new ArrayList<>();
                int threads = Math.max(1, s.fetch().threads());
                for (int i = 0; i < threads; i++) {
                    Thread t = new Thread(() -> work(frontier, processor, fatal), "fetch-" + i);
                    workers.add(t);
                    t.start();
                }
                for (Thread t : workers) {
                    join(t);
                }
            }
            frontier.flush();
            warc.close();
            CrawlSummary summary = events.summary().summarize(job.name(), folder.root().toString(), started,
                    clock.instant(), warc.closedFiles().stream().map(p -> p.getFileName().toString()).toList(),
                    warc.bytesWritten());
            SummaryWriter.write(summary, folder.summaryJson());
            if (fatal.get() != null) {
                throw fatal.get();
            }
            return summary;
        }
    }

    private void addSeeds(Frontier frontier, ScopeRules scope, CrawlEvents events) throws IOException {
        List<Candidate> seeds = new ArrayList<>();
        for (String seed : job.seeds()) {
            ScopeDecision d = scope.decide(seed, 0);
            if (d.accepted()) {
                seeds.add(Candidate.seed(seed));
            } else {
                events.record(CrawlLogEntry.refused(clock.instant(), seed, d.rejection(), "", null,
                        "seed-" + d.reason()));
            }
        }
        frontier.add(seeds);
    }

    private static void work(Frontier frontier, UrlProcessor processor, AtomicReference<IOException> fatal) {
        try {
            while (fatal.get() == null && !processor.budgetSpent()) {
                Optional<CrawlUrl> next = frontier.next(Duration.ofMillis(250));
                if (next.isEmpty()) {
                    if (frontier.isExhausted()) {
                        return;
                    }
                    continue;
                }
                try {
                    processor.process(next.get());
                } catch (IOException e) {
                    fatal.compareAndSet(null, e);
                    frontier.postpone(next.get(), Instant.now(), Instant.now(), false);
                } catch (RuntimeException e) {
                    frontier.complete(next.get(), ErrorKind.BAD_CONTENT.code(), Instant.now());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String progressLine(Frontier frontier, CrawlEvents events, Instant started) {
        FrontierStats f = frontier.stats();
        double secs = Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0);
        long pages = events.pages.sum();
        return String.format("quire: %d fetched, %d pages, %d queued, %d in flight, %.1f pages/s, %d errors",
                events.fetches.sum(), pages, f.queued(), f.inFlight(), pages / secs, events.errors.sum());
    }

    static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
