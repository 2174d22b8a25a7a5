package org.quire.schedule;

import org.quire.crawl.CrawlRunner;
import org.quire.crawl.JobFolder;
import org.quire.output.CrawlSummary;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs scheduled crawls the way {@code quire crawl NAME} does: a new job folder under the archive each time, or
 * the crawl's unfinished job resumed.
 */
public final class RunnerLauncher implements CrawlLauncher {

    private final Path archive;
    private final CrawlRunner runner;

    public RunnerLauncher(Path archive, PrintStream console) {
        this.archive = archive;
        this.runner = new CrawlRunner(archive, console);
    }

    /** A job of the crawl left unfinished (stopped, killed) is resumed first, as {@code quire crawl NAME} does. */
    @Override
    public Outcome run(ScheduledCrawl crawl) throws Exception {
        Optional<JobFolder> unfinished = JobFolder.latestUnfinished(archive, crawl.name());
        CrawlSummary s = unfinished.isPresent()
                ? runner.resume(unfinished.get().root(), crawl.settings())
                : runner.run(crawl.name(), crawl.seeds(), crawl.settings());
        return new Outcome(s.pagesArchived(), s.jobFolder());
    }

    /** Every running crawl stops gracefully and is left ready to resume (its job.json says stopped). */
    @Override
    public void requestStop() {
        runner.requestStop();
    }
}
