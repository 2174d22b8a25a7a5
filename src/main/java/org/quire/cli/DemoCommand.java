package org.quire.cli;

import org.quire.config.ConfigLoader;
import org.quire.config.Settings;
import org.quire.crawl.CrawlRunner;
import org.quire.demo.DemoSite;
import org.quire.output.CrawlSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code quire demo}: crawls a small bundled news site on 127.0.0.1, offline, end to end. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start a small bundled news-like site on 127.0.0.1 (articles wrapped in menus, cookie "
                + "notices and 'Read also' boxes, a robots.txt that disallows /private/, a redirect, a broken link) "
                + "and crawl it end to end into the archive folder as crawl 'demo'. Needs no internet."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--archive", paramLabel = "DIR", description = "Where the job folder goes (default: ${DEFAULT-VALUE}).")
    Path archive = Path.of("archive");

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a setting (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        List<String> sets = new ArrayList<>(List.of("fetch.allow-private-addresses=true",
                "politeness.min-delay=50ms", "politeness.max-delay=1s", "crawl.max-depth=3"));
        sets.addAll(overrides);
        Settings settings = ConfigLoader.load(Path.of("config", "quire.yaml"), false, sets).settingsFor("demo");
        try (DemoSite site = DemoSite.start("127.0.0.1")) {
            System.out.println("quire: demo site serving at " + site.baseUrl());
            CrawlSummary summary = new CrawlRunner(archive, System.out).run("demo", List.of(site.baseUrl()), settings);
            System.out.println();
            System.out.println("Look inside " + summary.jobFolder() + ": warc/ (WARC 1.1), pages.jsonl, text/, "
                    + "crawl.log, summary.json.");
            return summary.pagesArchived() > 0 ? ExitCode.OK : ExitCode.FAILED;
        }
    }
}
