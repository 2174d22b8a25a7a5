package org.quire.crawl;

import org.quire.archive.CrawlLog;
import org.quire.archive.CrawlLogEntry;
import org.quire.archive.NativeDeflate;
import org.quire.archive.NativeSha1;
import org.quire.archive.WarcArchiver;
import org.quire.archive.WarcinfoFields;
import org.quire.output.SummaryCollector;
import org.quire.cli.Version;
import org.quire.config.Settings;
import org.quire.extract.ExtractOptions;
import org.quire.extract.ExtractionWarmUp;
import org.quire.extract.HtmlExtractor;
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
import org.quire.output.WetWriter;
import org.quire.recrawl.CaptureArchiver;
import org.quire.recrawl.CaptureIndex;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
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
    private volatile boolean stopRequested;

    public Crawler(CrawlJob job, PrintStream console) {
        this(job, console, Clock.systemUTC());
    }

    Crawler(CrawlJob job, PrintStream console, Clock clock) {
        this.job = job;
        this.console = console;
        this.clock = clock;
    }

    /**
     * Asks the crawl to stop: no further URL is handed out, fetches in flight finish (waited for at most
     * {@link #stopBound}), files are closed whole and {@link #run} returns the summary so far. The job stays
     * resumable. Safe to call from any thread, any number of times.
     */
    public void requestStop() {
        stopRequested = true;
    }

    /** Whether {@link #requestStop} was called. */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** How long a stop waits for fetches in flight: the fetch timeout, at most 30 s. */
    public static Duration stopBound(Settings s) {
        Duration t = s.fetch().fetchTimeout();
        Duration cap = Duration.ofSeconds(30);
        return t == null || t.isZero() || t.isNegative() || t.compareTo(cap) > 0 ? cap : t;
    }

    /**
     * Runs the crawl; returns its summary (also written to summary.json). When the job folder already has a
     * state.db, the job is resumed: it is repaired first ({@link JobRepair}) and goes on where it stopped.
     * On an archive I/O failure the open WARC file is left {@code .open}, no summary is written, and the
     * failure is thrown: the job can be resumed once the cause is fixed.
     */
    public CrawlSummary run() throws IOException {
        Settings s = job.settings();
        JobFolder folder = job.folder();
        NativeSha1.preload();
        NativeDeflate.preload();
        boolean resuming = Files.exists(folder.stateDb());
        Instant started = resuming ? job.startedAt() : clock.instant();
        AtomicReference<IOException> fatal = new AtomicReference<>();
        WarcinfoFields info = new WarcinfoFields("quire/" + Version.get(), hostname(), s.archive().operator(),
                s.fetch().contact(), s.robots().obey() ? "obey" : "ignore", job.name(), s.fetch().userAgent());
        if (resuming) {
            JobRepair.cutTornLines(folder);
        }

        try (SqliteFrontier frontier = SqliteFrontier.open(folder.stateDb());
             HttpFetcher fetcher = new HttpFetcher(s.fetch());
             CrawlLog log = new CrawlLog(folder.crawlLog());
             PagesJsonlWriter pagesOut = new PagesJsonlWriter(folder.pagesJsonl());
             CaptureIndex captureIndex = CaptureIndex.open(folder.captureDb())) {
            WarcArchiver warc = new WarcArchiver(folder.warcDir(), job.name(), job.startedAt(),
                    s.archive().warcMaxSize(), info);
            WetWriter wet = new WetWriter(folder.warcDir(), job.name(), job.startedAt(), s.archive().warcMaxSize(),
                    info);
            boolean whole = false;
            CrawlEvents events = new CrawlEvents(log, new SummaryCollector());
            try {
                ScopeRules scope = new ScopeRules(s.crawl(), job.seeds());
                TextFileWriter textOut = new TextFileWriter(folder.textDir());
                PageProcessor pages = new PageProcessor(s, new HtmlExtractor(ExtractOptions.from(s)), warc, pagesOut,
                        textOut, frontier, scope, events);
                pages.writeWetTo(wet);
                UrlProcessor processor = new UrlProcessor(s, frontier, fetcher,
                        new RobotsFetcher(fetcher, s.fetch(), s.robots()), new RobotsCache(s.robots()),
                        new PolitenessPolicy(s.politeness()), warc, events, scope, pages, clock);
                pages.logRejectionsWith(processor);
                CaptureArchiver captures = new CaptureArchiver(captureIndex, warc, folder.crawlDir(),
                        folder.root().getFileName().toString());
                processor.archiveCapturesWith(captures);

                if (resuming) {
                    JobRepair.Report report = new JobRepair(folder, frontier, events, pages, processor).run();
                    processor.countEarlierFetches(report.earlierFetches());
                    console.println("quire: resumed " + folder.root() + ": " + frontier.countDone() + " URL(s) done, "
                            + frontier.stats().queued() + " queued" + (report.capturesRecovered() > 0
                            ? ", " + report.capturesRecovered() + " capture(s) recovered from the WARC files" : "")
                            + (report.bytesCut() > 0 ? ", " + report.bytesCut() + " torn byte(s) cut" : ""));
                } else {
                    addSeeds(frontier, scope, events);
                    RecrawlSeeds.add(frontier, scope, captures, job.seeds());
                }
                frontier.flush();

                try (ProgressReporter progress = new ProgressReporter(() -> progressLine(frontier, events, started),
                        console, ProgressReporter.isTerminal(), Duration.ofSeconds(10))) {
                    ExtractionWarmUp.shared().stop(); // the fetch threads run the extractor from their first page on
                    List<Thread> workers = new ArrayList<>();
                    int threads = Math.max(1, s.fetch().threads());
                    for (int i = 0; i < threads; i++) {
                        Thread t = new Thread(() -> work(frontier, processor, fatal), "fetch-" + i);
                        workers.add(t);
                        t.start();
                    }
                    joinAll(workers, stopBound(s));
                }
                whole = fatal.get() == null;
            } finally {
                wet.close(); // derived text, complete record by record; a resume starts a new WET file
                if (whole) {
                    warc.close();
                } else {
                    warc.closeUnfinished();
                }
            }
            ExtractionWarmUp.shared().awaitStopped(); // gone for good once a crawl has run, pages or not
            frontier.flush();
            if (fatal.get() != null) {
                throw fatal.get();
            }
            CrawlSummary summary = events.summary().summarize(job.name(), folder.root().toString(), started,
                    clock.instant(), warcFileNames(folder), warcBytes(folder));
            SummaryWriter.write(summary, folder.summaryJson());
            return summary;
        } catch (org.quire.frontier.FrontierException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Waits for the fetch threads; once a stop is asked for, waits at most {@code bound} more. */
    private void joinAll(List<Thread> workers, Duration bound) {
        long deadline = Long.MAX_VALUE;
        for (Thread t : workers) {
            while (t.isAlive()) {
                if (stopRequested && deadline == Long.MAX_VALUE) {
                    deadline = System.nanoTime() + bound.toNanos();
                }
                if (System.nanoTime() > deadline) {
                    return; // fetches still in flight: their files stay consistent, a resume repairs the rest
                }
                try {
                    t.join(100);
                } catch (InterruptedException e) {
                    stopRequested = true;
                }
            }
        }
    }

    private static List<String> warcFileNames(JobFolder folder) throws IOException {
        try (Stream<Path> st = Files.list(folder.warcDir())) {
            return st.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".warc.gz")).sorted().toList();
        }
    }

    private static long warcBytes(JobFolder folder) throws IOException {
        long sum = 0;
        for (String n : warcFileNames(folder)) {
            sum += Files.size(folder.warcDir().resolve(n));
        }
        return sum;
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

    private void work(Frontier frontier, UrlProcessor processor, AtomicReference<IOException> fatal) {
        try {
            while (fatal.get() == null && !stopRequested && !processor.budgetSpent()) {
                Optional<CrawlUrl> next = frontier.next(Duration.ofMillis(250));
                if (next.isEmpty()) {
                    if (frontier.isExhausted()) {
                        return;
                    }
                    continue;
                }
                if (fatal.get() != null || stopRequested) {
                    postponeQuietly(frontier, next.get()); // stopping: hand it back untouched
                    return;
                }
                try {
                    processor.process(next.get());
                } catch (IOException e) {
                    fatal.compareAndSet(null, new IOException("writing job " + job.folder().root() + " failed: "
                            + IoFailures.describe(e), e));
                    postponeQuietly(frontier, next.get());
                } catch (org.quire.frontier.FrontierException e) {
                    fatal.compareAndSet(null, new IOException("the crawl state database failed: " + e.getMessage(), e));
                    return;
                } catch (RuntimeException e) {
                    if (e instanceof IllegalStateException && (fatal.get() != null || stopRequested)) {
                        return; // an output was closed under us while stopping
                    }
                    try {
                        processor.failUnexpectedly(next.get(), e);
                    } catch (IOException io) {
                        fatal.compareAndSet(null, new IOException("writing job " + job.folder().root()
                                + " failed: " + IoFailures.describe(io), io));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void postponeQuietly(Frontier frontier, CrawlUrl url) {
        try {
            frontier.postpone(url, Instant.now(), Instant.now(), false);
        } catch (RuntimeException e) {
            // the state database failed too; the URL is requeued when the job is resumed
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
