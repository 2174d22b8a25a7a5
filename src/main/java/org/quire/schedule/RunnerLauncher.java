package org.quire.schedule;

import org.quire.crawl.CrawlRunner;
import org.quire.output.CrawlSummary;

import java.io.PrintStream;
import java.nio.file.Path;

/** Runs scheduled crawls the way {@code quire crawl NAME} does: a new job folder under the archive each time. */
public final class RunnerLauncher implements CrawlLauncher {

    private final Path archive;
    private final PrintStream console;

    public RunnerLauncher(Path archive, PrintStream console) {
        this.archive = archive;
        this.console = console;
    }

    @Override
    public Outcome run(ScheduledCrawl crawl) throws Exception {
        CrawlSummary s = new CrawlRunner(archive, console).run(crawl.name(), crawl.seeds(), crawl.settings());
        return new Outcome(s.pagesArchived(), s.jobFolder());
    }
}
