package org.quire.schedule;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.testweb.TestSite;
import org.quire.testweb.TestSite.Response;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scheduler over real crawls of a local site, with a clock the test drives. */
class SchedulerTest {

    @TempDir
    Path tmp;

    TestSite site;
    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    @BeforeEach
    void site() throws Exception {
        site = TestSite.start("127.0.0.1");
        site.route("/robots.txt", Response.text(200, "User-agent: *\nAllow: /\n"))
                .route("/", Response.html("<html><body><p>Front page with a <a href=\"/a\">link</a>.</p></body></html>"))
                .route("/a", Response.html("<html><body><p>Page a.</p></body></html>"));
        Files.createDirectories(tmp.resolve("seeds"));
        Files.writeString(tmp.resolve("seeds/news.txt"), site.url("/") + "\n");
    }

    @AfterEach
    void close() {
        site.close();
    }

    void config(String crawlsSection) throws Exception {
        Files.createDirectories(tmp.resolve("config"));
        Files.writeString(tmp.resolve("config/quire.yaml"), "fetch:\n  allow-private-addresses: true\n  threads: 2\n"
                + "politeness:\n  min-delay: 0s\n  delay-factor: 0\ncrawls:\n" + crawlsSection);
    }

    Scheduler scheduler(DrivenClock clock, RunHistory history) {
        ScheduleConfigSource source = new ScheduleConfigSource(tmp.resolve("config/quire.yaml"), true, List.of(),
                tmp.resolve("seeds"), log);
        source.load();
        return new Scheduler(clock, source, history,
                new RunnerLauncher(tmp.resolve("archive"), new PrintStream(new ByteArrayOutputStream())), log);
    }

    long jobs() throws Exception {
        Path dir = tmp.resolve("archive/news");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).count();
        }
    }

    String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void startsACrawlWhenItsSlotComesAndNotBefore() throws Exception {
        config("  news:\n    schedule: \"*/5 * * * *\"\n");
        DrivenClock clock = new DrivenClock("2026-03-01T10:02:00Z");
        try (RunHistory history = RunHistory.open(tmp.resolve("archive/schedule.db"))) {
            Scheduler s = scheduler(clock, history);
            assertEquals(List.of(), s.tick(), "first sight: waits for the next slot");
            clock.set("2026-03-01T10:04:59Z");
            assertEquals(List.of(), s.tick());
            clock.set("2026-03-01T10:05:00Z");
            assertEquals(List.of("news"), s.tick());
            assertTrue(s.awaitIdle(Duration.ofSeconds(30)));
            assertEquals(List.of(), s.tick(), "one run per slot");
            s.stop(Duration.ofSeconds(5));
            RunRecord last = history.lastRun("news").orElseThrow();
            assertEquals("ok", last.result());
            assertEquals(2, last.pages(), "/ and /a");
            assertEquals(1, jobs());
            assertTrue(site.paths().contains("/a"));
        }
    }

    @Test
    void aSlotThatComesWhileTheCrawlStillRunsIsSkippedAndLogged() throws Exception {
        site.route("/a", Response.html("<html><body><p>Slow page.</p></body></html>").delayed(1500));
        config("  news:\n    schedule: \"* * * * *\"\n");
        DrivenClock clock = new DrivenClock("2026-03-01T10:00:30Z");
        try (RunHistory history = RunHistory.open(tmp.resolve("archive/schedule.db"))) {
            Scheduler s = scheduler(clock, history);
            s.tick();
            clock.set("2026-03-01T10:01:00Z");
            assertEquals(List.of("news"), s.tick());
            clock.set("2026-03-01T10:02:00Z");
            assertEquals(List.of(), s.tick(), "still running");
            assertTrue(log().contains("news: skipped the run due at 2026-03-01T10:02:00Z: the previous run is still going"),
                    log());
            assertTrue(s.awaitIdle(Duration.ofSeconds(30)));
            s.stop(Duration.ofSeconds(5));
            assertEquals(1, jobs());
        }
    }

    @Test
    void editsAreReloadedAndABrokenEditKeepsTheLastGoodConfiguration() throws Exception {
        config("  news:\n    schedule: \"0 * * * *\"\n");
        DrivenClock clock = new DrivenClock("2026-03-01T10:00:30Z");
        try (RunHistory history = RunHistory.open(tmp.resolve("archive/schedule.db"))) {
            Scheduler s = scheduler(clock, history);
            s.tick();
            config("  news:\n    schedule: \"*/10 * * * *\"\n");
            clock.set("2026-03-01T10:05:00Z");
            assertEquals(List.of(), s.tick(), "a changed schedule waits for its next slot");
            assertTrue(log().contains("configuration reloaded"), log());
            clock.set("2026-03-01T10:10:00Z");
            assertEquals(List.of("news"), s.tick(), "the edited schedule is in force without a restart");
            assertTrue(s.awaitIdle(Duration.ofSeconds(30)));

            config("  news:\n    schedule: \"*/10 * * *\"\n");
            clock.set("2026-03-01T10:20:00Z");
            assertEquals(List.of("news"), s.tick(), "the last good schedule still runs");
            assertTrue(log().contains("quire.yaml:9: crawls.news.schedule: '*/10 * * *' is not a 5-field cron"
                    + " expression"), log());
            assertTrue(log().contains("keeping the last good configuration"), log());
            assertTrue(s.awaitIdle(Duration.ofSeconds(30)));

            // A new seed file and a section for it: picked up too.
            Files.writeString(tmp.resolve("seeds/blog.txt"), site.url("/a") + "\n");
            config("  news:\n    schedule: \"*/10 * * * *\"\n  blog:\n    schedule: \"*/10 * * * *\"\n");
            clock.set("2026-03-01T10:25:00Z");
            s.tick();
            clock.set("2026-03-01T10:30:00Z");
            assertEquals(List.of("blog", "news"), s.tick().stream().sorted().toList());
            assertTrue(s.awaitIdle(Duration.ofSeconds(30)));
            s.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void runsMissedWhileTheDaemonWasDownStartOnceAfterARestart() throws Exception {
        config("  news:\n    schedule: \"0 3 * * *\"\n");
        Path db = tmp.resolve("archive/schedule.db");
        try (RunHistory history = RunHistory.open(db)) {
            Scheduler s = scheduler(new DrivenClock("2026-03-01T02:00:00Z"), history);
            assertEquals(List.of(), s.tick());
            s.stop(Duration.ofSeconds(5));
        }
        // Down over three 03:00 slots; restarted at 05:00 on the third day.
        try (RunHistory history = RunHistory.open(db)) {
            DrivenClock clock = new DrivenClock("2026-03-03T05:00:00Z");
            Scheduler s = scheduler(clock, history);
            assertEquals(List.of("news"), s.tick(), "the missed run starts once");
            assertTrue(s.awaitIdle(Duration.ofSeconds(30)));
            clock.set("2026-03-03T05:01:00Z");
            assertEquals(List.of(), s.tick(), "not once per missed slot");
            s.stop(Duration.ofSeconds(5));
            assertEquals(1, jobs());
        }
        // Restarted again before the next slot: nothing was missed.
        try (RunHistory history = RunHistory.open(db)) {
            Scheduler s = scheduler(new DrivenClock("2026-03-03T06:00:00Z"), history);
            assertEquals(List.of(), s.tick());
            s.stop(Duration.ofSeconds(5));
            assertFalse(history.lastRun("news").isEmpty());
        }
    }
}
