package org.quire.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.config.ConfigLoader;
import org.quire.config.InputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CronScheduleTest {

    @TempDir
    Path tmp;

    @Test
    void nextAndLatestSlotsOfAFiveFieldExpression() {
        CronSchedule s = CronSchedule.parse("*/15 * * * *", null);
        assertEquals(Optional.of(Instant.parse("2026-01-01T10:15:00Z")), s.nextAfter(Instant.parse("2026-01-01T10:00:00Z")));
        assertEquals(Optional.of(Instant.parse("2026-01-01T10:00:00Z")), s.latestAtOrBefore(Instant.parse("2026-01-01T10:00:00Z")));
        assertEquals(Optional.of(Instant.parse("2026-01-01T10:00:00Z")), s.latestAtOrBefore(Instant.parse("2026-01-01T10:14:59Z")));
    }

    @Test
    void nicknamesAndTimeZones() {
        CronSchedule daily = CronSchedule.parse("@daily", "Europe/Berlin");
        // midnight in Berlin is 23:00 UTC in winter
        assertEquals(Optional.of(Instant.parse("2026-01-01T23:00:00Z")), daily.nextAfter(Instant.parse("2026-01-01T12:00:00Z")));
        assertEquals(Optional.of(Instant.parse("2026-01-01T11:00:00Z")),
                CronSchedule.parse("@hourly", null).nextAfter(Instant.parse("2026-01-01T10:00:00Z")));
        // 2026-01-04 is a Sunday
        assertEquals(Optional.of(Instant.parse("2026-01-04T00:00:00Z")),
                CronSchedule.parse("@weekly", "UTC").nextAfter(Instant.parse("2026-01-01T10:00:00Z")));
        assertEquals("@daily (Europe/Berlin)", daily.toString());
    }

    @Test
    void badExpressionsAndZonesAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("0 3 * *", null))
                .getMessage().contains("5-field"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("61 3 * * *", null))
                .getMessage().startsWith("bad cron expression '61 3 * * *'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("@sometimes", null))
                .getMessage().startsWith("unknown schedule '@sometimes'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("@daily", "Mars/Base"))
                .getMessage().startsWith("unknown time zone 'Mars/Base'"));
    }

    @Test
    void configLoadNamesFileLineAndKeyOfABadScheduleOrZone() throws Exception {
        Path yaml = tmp.resolve("quire.yaml");
        Files.writeString(yaml, "crawls:\n  news:\n    schedule: \"0 25 * * *\"\n");
        InputException e = assertThrows(InputException.class, () -> ConfigLoader.load(yaml, true, List.of()));
        assertTrue(e.getMessage().startsWith(yaml + ":3: crawls.news.schedule: bad cron expression '0 25 * * *'"),
                e.getMessage());
        Files.writeString(yaml, "crawls:\n  news:\n    schedule: \"@daily\"\n    timezone: Nowhere/City\n");
        e = assertThrows(InputException.class, () -> ConfigLoader.load(yaml, true, List.of()));
        assertTrue(e.getMessage().startsWith(yaml + ":4: crawls.news.timezone: unknown time zone 'Nowhere/City'"),
                e.getMessage());
        e = assertThrows(InputException.class,
                () -> ConfigLoader.load(tmp.resolve("none.yaml"), false, List.of("crawls.news.schedule=every day")));
        assertTrue(e.getMessage().startsWith("--set crawls.news.schedule=every day: "), e.getMessage());
    }
}
