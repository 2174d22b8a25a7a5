package org.quire.crawl;

import org.quire.config.Settings;
import org.quire.output.CrawlSummary;
import org.quire.recrawl.LatestPointer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs crawl jobs for the command line: takes the crawl's lock, creates (or reopens) the job folder with its
 * job.json, runs the {@link Crawler} with a shutdown hook that stops it gracefully on Ctrl-C / SIGTERM, and prints
 * its summary.
 */
public final class CrawlRunner {

    private final Path archiveRoot;
    private final PrintStream console;
    private final java.util.Set<Crawler> active = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public CrawlRunner(Path archiveRoot, PrintStream console) {
        this.archiveRoot = archiveRoot;
        this.console = console;
    }

    /** Runs a new job of crawl {@code name} over {@code seeds} with {@code settings}; returns its summary. */
    public CrawlSummary run(String name, List<String> seeds, Settings settings) throws IOException {
        return run(name, seeds, settings, Map.of());
    }

    /**
     * As {@link #run(String, List, Settings)}, recording {@code settingTexts} (every setting key and its value
     * text, see {@link JobManifest#settingTexts}) in job.json so that a resume uses exactly these settings.
     */
    public CrawlSummary run(String name, List<String> seeds, Settings settings, Map<String, String> settingTexts)
            throws IOException {
        try (CrawlLock lock = CrawlLock.acquire(archiveRoot, name)) {
            Instant started = Instant.now();
            JobFolder folder = JobFolder.create(archiveRoot, name, started);
            JobManifest manifest = new JobManifest(name, seeds, settingTexts, started.toString(), JobManifest.RUNNING);
            manifest.write(folder.jobJson());
            console.println("quire: crawl '" + name + "': " + seeds.size() + " seed(s) into " + folder.root());
            return execute(new CrawlJob(name, seeds, settings, folder, started), manifest);
        }
    }

    /**
     * Resumes the job in {@code jobRoot} with the settings in its job.json ({@code fallback} when it has none).
     *
     * @throws IOException when the folder is not a job folder, or its crawl is running
     */
    public CrawlSummary resume(Path jobRoot, Settings fallback) throws IOException {
        JobFolder folder = JobFolder.open(jobRoot);
        JobManifest manifest = JobManifest.read(folder.jobJson());
        Path archive = folder.root().toAbsolutePath().normalize().getParent().getParent();
        try (CrawlLock lock = CrawlLock.acquire(archive, manifest.crawl())) {
            if (manifest.finished()) {
                console.println("quire: job " + folder.root() + " already ran to its end; going on with what is queued");
            }
            console.println("quire: resuming crawl '" + manifest.crawl() + "' in " + folder.root());
            Settings settings = manifest.resolveSettings(fallback);
            return execute(new CrawlJob(manifest.crawl(), manifest.seeds(), settings, folder, manifest.started()),
                    manifest);
        }
    }

    /**
     * Asks every crawl this runner is running to stop gracefully (as Ctrl-C does): no new fetches, in-flight ones
     * finish within a bound, files are closed and the job is marked stopped, ready to resume.
     */
    public void requestStop() {
        active.forEach(Crawler::requestStop);
    }

    private CrawlSummary execute(CrawlJob job, JobManifest manifest) throws IOException {
        Crawler crawler = new Crawler(job, console);
        active.add(crawler);
        CountDownLatch finished = new CountDownLatch(1);
        Duration bound = Crawler.stopBound(job.settings()).plusSeconds(10);
        Thread hook = new Thread(() -> {
            crawler.requestStop();
            try {
                finished.await(bound.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "quire-stop");
        boolean hooked = addHook(hook);
        try {
            CrawlSummary summary = crawler.run();
            LatestPointer.update(job.folder().crawlDir(), job.folder().root());
            if (crawler.stopRequested()) {
                manifest.withState(JobManifest.STOPPED).write(job.folder().jobJson());
                console.println(summary.toHumanText());
                console.println("quire: stopped; resume with: quire crawl " + job.name());
            } else {
                manifest.withState(JobManifest.FINISHED).write(job.folder().jobJson());
                console.println(summary.toHumanText());
            }
            return summary;
        } finally {
            if (hooked) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // shutting down: the hook is running and waits for us
                }
            }
            finished.countDown();
            active.remove(crawler);
        }
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
