package org.quire.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.config.ConfigLoader;
import org.quire.config.Settings;
import org.quire.testweb.TestSite;
import org.quire.testweb.WarcCheck;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daemon's way of running crawls: a stop leaves the job resumable, and the next run resumes it. */
class RunnerLauncherTest {

    @TempDir
    Path tmp;

    @Test
    void aStoppedRunIsResumedByTheNextRunAndEveryPageIsArchivedOnce() throws Exception {
        try (TestSite site = TestSite.start("127.0.0.40")) {
            site.route("/robots.txt", TestSite.Response.text(404, ""));
            int n = 30;
            for (int i = 0; i < n; i++) {
                String html = "<html><body><h1>Page " + i + "</h1><p>The text of page number " + i + " here.</p>"
                        + (i + 1 < n ? "<a href=\"/p/" + (i + 1) + "\">next</a>" : "") + "</body></html>";
                site.route("/p/" + i, TestSite.Response.html(html).delayed(30));
            }
            Settings settings = ConfigLoader.load(null, false, List.of("fetch.allow-private-addresses=true",
                    "politeness.min-delay=0s", "politeness.delay-factor=0", "crawl.max-depth=100")).settingsFor("daily");
            ScheduledCrawl crawl = new ScheduledCrawl("daily", CronSchedule.parse("@daily", "UTC"),
                    List.of(site.url("/p/0")), settings);
            Path archive = tmp.resolve("archive");
            RunnerLauncher launcher = new RunnerLauncher(archive, new PrintStream(new ByteArrayOutputStream()));

            AtomicReference<CrawlLauncher.Outcome> first = new AtomicReference<>();
            Thread run = new Thread(() -> {
                try {
                    first.set(launcher.run(crawl));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            run.start();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (site.paths().size() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            launcher.requestStop();
            run.join(30_000);
            assertFalse(run.isAlive(), "the run stopped within its bound");
            Path job = onlyJob(archive.resolve("daily"));
            assertTrue(Files.readString(job.resolve("job.json")).contains("\"stopped\""));
            assertTrue(first.get().pages() < n, "stopped before the end: " + first.get().pages());

            CrawlLauncher.Outcome second = launcher.run(crawl);
            assertEquals(job, onlyJob(archive.resolve("daily")), "the stopped job was resumed, not a new one begun");
            assertTrue(Files.readString(job.resolve("job.json")).contains("\"finished\""));
            Map<String, Integer> captures = new HashMap<>();
            for (WarcCheck.Rec r : WarcCheck.readAll(job.resolve("warc"))) {
                if (r.type().equals("response") && r.target().contains("/p/")) {
                    captures.merge(r.target(), 1, Integer::sum);
                }
            }
            assertEquals(n, captures.size(), "every page archived: " + captures.keySet());
            assertTrue(captures.values().stream().allMatch(c -> c == 1), "each once: " + captures);
            assertEquals(n, Files.readAllLines(job.resolve("pages.jsonl")).size());
            assertTrue(second.job().contains(job.getFileName().toString()));
        }
    }

    private static Path onlyJob(Path crawlDir) throws Exception {
        List<Path> jobs = new ArrayList<>();
        try (Stream<Path> s = Files.list(crawlDir)) {
            s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).forEach(jobs::add);
        }
        assertEquals(1, jobs.size(), jobs.toString());
        return jobs.get(0);
    }
}
