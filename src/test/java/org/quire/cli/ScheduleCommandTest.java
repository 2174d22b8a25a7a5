package org.quire.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quire.testweb.ConsoleCapture;
import org.junit.jupiter.api.io.TempDir;
import org.quire.schedule.RunHistory;


import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScheduleCommandTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void listShowsScheduleLastRunAndNextRun() throws Exception {
        Files.createDirectories(tmp.resolve("seeds"));
        Files.writeString(tmp.resolve("seeds/news.txt"), "https://example.org/\n");
        Files.writeString(tmp.resolve("seeds/blog.txt"), "https://example.org/blog/\n");
        Files.writeString(tmp.resolve("quire.yaml"), "crawls:\n  news:\n    schedule: \"@daily\"\n"
                + "    timezone: Europe/Berlin\n  blog:\n    schedule: \"30 */6 * * *\"\n");
        try (RunHistory h = RunHistory.open(tmp.resolve("archive/schedule.db"))) {
            long id = h.started("news", Instant.parse("2026-03-01T23:00:00Z"));
            h.finished(id, Duration.ofSeconds(245), "ok", 12, "archive/news/20260301T230000Z");
        }
        int code = Main.run("schedule", "--list", "--config", tmp.resolve("quire.yaml").toString(),
                "--seeds", tmp.resolve("seeds").toString(), "--archive", tmp.resolve("archive").toString());
        assertEquals(ExitCode.OK, code, console.err());
        List<String> lines = console.out().lines().toList();
        assertEquals(3, lines.size(), console.out());
        assertTrue(lines.get(0).matches("CRAWL +SCHEDULE +LAST RUN +NEXT RUN"), lines.get(0));
        assertTrue(lines.get(1).matches("blog +30 \\*/6 \\* \\* \\* +never +\\d{4}-\\d\\d-\\d\\d \\d\\d:30 \\+00:00"),
                lines.get(1));
        assertTrue(lines.get(2).matches("news +@daily \\(Europe/Berlin\\) +2026-03-02 00:00 \\+01:00 ok, 12 pages, 4m05s"
                + " +\\d{4}-\\d\\d-\\d\\d 00:00 \\+0[12]:00"), lines.get(2));
    }

    @Test
    void aBadScheduleStopsTheDaemonBeforeItStarts() throws Exception {
        Files.createDirectories(tmp.resolve("seeds"));
        Files.writeString(tmp.resolve("seeds/news.txt"), "https://example.org/\n");
        Files.writeString(tmp.resolve("quire.yaml"), "crawls:\n  news:\n    schedule: \"0 3 * * 8\"\n");
        int code = Main.run("schedule", "--config", tmp.resolve("quire.yaml").toString(),
                "--seeds", tmp.resolve("seeds").toString(), "--archive", tmp.resolve("archive").toString());
        assertEquals(ExitCode.BAD_INPUT, code);
        assertTrue(console.err().startsWith("quire: " + tmp.resolve("quire.yaml") + ":3: crawls.news.schedule: "
                + "bad cron expression '0 3 * * 8'"), console.err());
    }
}
