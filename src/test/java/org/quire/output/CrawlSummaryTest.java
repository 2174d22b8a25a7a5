package org.quire.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.archive.CrawlLogEntry;
import org.quire.fetch.ErrorKind;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class CrawlSummaryTest {

    @TempDir
    Path tmp;

    private static CrawlLogEntry entry(String status, long size) {
        return new CrawlLogEntry(Instant.EPOCH, status, size, "http://127.0.0.1/", "", null, null, 1, null, null);
    }

    private static CrawlSummary sample() {
        SummaryCollector c = new SummaryCollector();
        for (int i = 0; i < 8; i++) {
            c.record(entry("200", 1000));
            c.pageArchived();
        }
        c.record(entry("404", 200));
        c.pageArchived();
        c.record(entry("robots-denied", -1));
        c.record(entry("robots-denied", -1));
        c.record(entry(ErrorKind.TIMEOUT.code(), -1));
        c.record(entry(ErrorKind.DNS.code(), -1));
        c.record(entry(ErrorKind.TIMEOUT.code(), -1));
        c.record(entry(ErrorKind.OUT_OF_SCOPE.code(), -1));
        return c.summarize("news", "/jobs/news/2026", Instant.parse("2026-11-20T10:00:00Z"),
                Instant.parse("2026-11-20T10:01:30Z"), List.of("news-20261120100000-00000-h.warc.gz"), 5000);
    }

    @Test
    void collectorCountsStatusesRobotsAndErrors() {
        CrawlSummary s = sample();
        assertEquals(15, s.urlsAttempted());
        assertEquals(9, s.pagesArchived());
        assertEquals(8200, s.bytesDownloaded());
        assertEquals(Map.of("200", 8L, "404", 1L), s.byStatus());
        assertEquals(2, s.robotsBlocked());
        assertEquals(Map.of("timeout", 2L, "dns", 1L), s.errorsByKind());
        assertEquals(Map.of("out-of-scope", 1L), s.refusedByKind(), "a scope decision is not an error");
        assertEquals(90.0, s.durationSeconds());
        assertEquals(0.1, s.pagesPerSecond());
    }

    @Test
    void summaryJsonRoundTripsWithSnakeCaseKeysAndIsoTimes() throws Exception {
        Path file = tmp.resolve("job/summary.json");
        CrawlSummary s = sample();
        SummaryWriter.write(s, file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals("news", json.get("crawl_name").asText());
        assertEquals("2026-11-20T10:00:00Z", json.get("started").asText());
        assertEquals(8, json.get("by_status").get("200").asInt());
        assertEquals(2, json.get("errors_by_kind").get("timeout").asInt());
        assertEquals(2, json.get("robots_blocked").asInt());
        assertEquals(s, SummaryWriter.read(file));
    }

    @Test
    void humanTextNamesTheNumbersAPersonLooksFor() {
        String text = sample().toHumanText();
        assertTrue(text.contains("Pages archived: 9 (0.10 pages/s)"), text);
        assertTrue(text.contains("8.0 KiB downloaded"), text);
        assertTrue(text.contains("By status: 200=8 404=1"), text);
        assertTrue(text.contains("Robots-blocked: 2"), text);
        assertTrue(text.contains("Errors: dns=1 timeout=2"), text);
        assertTrue(text.contains("Not followed: out-of-scope=1"), text);
        assertTrue(text.contains("finished in 1m 30s"), text);
        assertTrue(text.lines().count() <= 9, text);
    }
}
