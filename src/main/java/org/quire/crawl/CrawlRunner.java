package org.quire.crawl;

import org.quire.config.Settings;
import org.quire.output.CrawlSummary;
import org.quire.recrawl.LatestPointer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Creates the job folder for a crawl, runs it, and prints its summary. */
public final class CrawlRunner {

    private final Path archiveRoot;
    private final PrintStream console;

    public CrawlRunner(Path archiveRoot, PrintStream console) {
        this.archiveRoot = archiveRoot;
        this.console = console;
    }

    /** Runs one crawl named {@code name} over {@code seeds} with {@code settings}; returns its summary. */
    public CrawlSummary run(String name, List<String> seeds, Settings settings) throws IOException {
        Instant started = Instant.now();
        JobFolder folder = JobFolder.create(archiveRoot, name, started);
        console.println("quire: crawl '" + name + "': " + seeds.size() + " seed(s) into " + folder.root());
        CrawlSummary summary = new Crawler(new CrawlJob(name, seeds, settings, folder, started), console).run();
        LatestPointer.update(folder.crawlDir(), folder.root());
        console.println(summary.toHumanText());
        return summary;
    }
}
