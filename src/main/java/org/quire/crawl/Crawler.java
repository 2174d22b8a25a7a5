package org.quire.crawl;

import org.quire.archive.CrawlLog;
import org.quire.archive.CrawlLogEntry;
import org.quire.archive.WarcArchiver;
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
        CrawlStats stats = new CrawlStats();
        Instant started = clock.instant();
        AtomicReference<IOException> fatal = new AtomicReference<>();

        try (Frontier frontier = SqliteFrontier.open(folder.stateDb());
             HttpFetcher fetcher = new HttpFetcher(s.fetch());
             WarcArchiver warc = WarcArchiver.create(folder.warcDir(), job.name(), started, s, hostname(),
                     Version.get());
             CrawlLog log = new CrawlLog(folder.crawlLog());
             PagesJsonlWriter pagesOut = new PagesJsonlWriter(folder.pagesJsonl())) {

            ScopeRules scope = new ScopeRules(s.crawl(), job.seeds());
            TextFileWriter textOut = new TextFileWriter(folder.textDir());
            PageProcessor pages = new PageProcessor(s, new HtmlExtractor(), warc, pagesOut, textOut, frontier,
                    scope, stats);
            UrlProcessor processor = new UrlProcessor(s, frontier, fetcher, new RobotsFetcher(fetcher, s),
                    new RobotsCache(s.robots()), new PolitenessPolicy(s.politeness()), warc, log, scope, pages,
                    stats, clock);
            pages.logRejectionsWith(processor);

            addSeeds(frontier, scope, log);

            try (ProgressReporter progress = new ProgressReporter(() -> progressLine(frontier, stats, started),
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
            Instant finished = clock.instant();
            CrawlSummary summary = summarize(stats, frontier.stats(), started, finished, fatal.get());
            SummaryWriter.write(folder.summaryJson(), summary);
            if (fatal.get() != null) {
                throw fatal.get();
            }
            return summary;
        }
    }

    private void addSeeds(Frontier frontier, ScopeRules scope, CrawlLog log) {
        List<Candidate> seeds = new ArrayList<>();
        for (String seed : job.seeds()) {
            ScopeDecision d = scope.decide(seed, 0);
            if (d.accepted()) {
                seeds.add(Candidate.seed(seed));
            } else {
                log.log(new CrawlLogEntry(clock.instant(), d.rejection().code(), -1, seed, "", null, null, 0, null,
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

    private static String progressLine(Frontier frontier, CrawlStats stats, Instant started) {
        FrontierStats f = frontier.stats();
        double secs = Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0);
        return String.format("quire: %d fetched, %d pages, %d queued, %d in flight, %.1f pages/s, %d errors",
                stats.fetches.sum(), stats.pages.sum(), f.queued(), f.inFlight(), stats.pages.sum() / secs,
                stats.errors.sum());
    }

    private CrawlSummary summarize(CrawlStats stats, FrontierStats f, Instant started, Instant finished,
                                   IOException fatal) {
        double secs = Math.max(0.001, Duration.between(started, finished).toMillis() / 1000.0);
        return new CrawlSummary(job.name(), job.folder().root().toString(), started.toString(), finished.toString(),
                secs, stats.fetches.sum(), stats.pages.sum(), stats.records.sum(), stats.bytes.sum(),
                stats.byStatus(), stats.robotsBlocked.sum(), stats.byError(), stats.pages.sum() / secs,
                f.queued(), fatal == null ? null : fatal.getMessage());
    }

    static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
