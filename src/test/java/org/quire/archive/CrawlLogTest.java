package org.quire.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.fetch.ErrorKind;
import org.quire.fetch.FetchResult;
import org.quire.fetch.HttpHeader;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CrawlLogTest {

    @TempDir
    Path tmp;

    @Test
    void timesAreWrittenAsTheIsoPatternWouldWriteThem() {
        java.time.format.DateTimeFormatter iso = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);
        java.util.Random random = new java.util.Random(7);
        List<Instant> times = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2026-12-31T23:59:59.999Z"),
                Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("1969-12-31T23:59:59.5Z"),
                Instant.parse("2026-11-20T10:15:30.000000999Z")));
        Instant t = Instant.parse("2026-11-20T10:15:30Z");
        for (int i = 0; i < 2000; i++) { // many lines within one second, then the next, as a crawl logs them
            t = t.plusNanos(random.nextInt(3_000_000));
            times.add(t);
            times.add(Instant.ofEpochSecond(random.nextLong(253_402_300_800L), random.nextInt(1_000_000_000)));
        }
        for (Instant x : times) {
            assertEquals(iso.format(x), CrawlLog.formatTime(x), x.toString());
        }
    }

    @Test
    void writesOneHeritrixStyleLinePerAttempt() throws Exception {
        Path file = tmp.resolve("job/logs/crawl.log");
        FetchResult ok = FetchResults.html("http://127.0.0.1:8080/a", "<p>hello</p>");
        FetchResult failed = FetchResult.failure(URI.create("http://127.0.0.1:1/x"),
                Instant.parse("2026-11-20T10:15:31Z"), Duration.ofMillis(5), null, null, ErrorKind.CONNECT,
                "Connection refused (connect failed)");
        try (CrawlLog log = new CrawlLog(file)) {
            log.log(CrawlLogEntry.of(ok, "L", "http://127.0.0.1:8080/", "sha1:AAAA"));
            log.log(CrawlLogEntry.of(failed, "", null, null));
            log.log(CrawlLogEntry.refused(Instant.parse("2026-11-20T10:15:32.5Z"), "http://127.0.0.1/private",
                    ErrorKind.ROBOTS_DENIED, "LL", "http://127.0.0.1/a", null));
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(List.of(
                "2026-11-20T10:15:30.123Z 200 12 http://127.0.0.1:8080/a L http://127.0.0.1:8080/ text/html 42 "
                        + "sha1:AAAA -",
                "2026-11-20T10:15:31.000Z connect - http://127.0.0.1:1/x - - - 5 - "
                        + "Connection_refused_(connect_failed)",
                "2026-11-20T10:15:32.500Z robots-denied - http://127.0.0.1/private LL http://127.0.0.1/a - - - -"),
                lines);
        for (String line : lines) {
            assertEquals(10, line.split(" ").length, line);
        }
    }

    @Test
    void truncatedCaptureIsAnnotatedAndUrlsWithSpacesStayOneColumn() throws Exception {
        Path file = tmp.resolve("crawl.log");
        FetchResult cut = FetchResults.ok("http://127.0.0.1/big", "application/pdf", new byte[10],
                List.<HttpHeader>of(), "length");
        try (CrawlLog log = new CrawlLog(file)) {
            log.log(CrawlLogEntry.of(cut, "LE", "http://127.0.0.1/a page", "sha1:B"));
        }
        String line = Files.readAllLines(file).get(0);
        assertEquals("2026-11-20T10:15:30.123Z 200 10 http://127.0.0.1/big LE http://127.0.0.1/a%20page "
                + "application/pdf 42 sha1:B truncated:length", line);
    }

    @Test
    void loggedLinesAreVisibleAtOnceAndConcurrentLinesNeverInterleave() throws Exception {
        Path file = tmp.resolve("crawl.log");
        try (CrawlLog log = new CrawlLog(file)) {
            log.log(CrawlLogEntry.refused(Instant.EPOCH, "http://127.0.0.1/o", ErrorKind.OUT_OF_SCOPE, "", null,
                    null));
            assertEquals(1, Files.readAllLines(file).size(), "a logged line is in the file at once, before close");
            List<Thread> ts = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int tt = t;
                Thread th = new Thread(() -> {
                    for (int i = 0; i < 250; i++) {
                        try {
                            log.log(CrawlLogEntry.of(FetchResults.html("http://127.0.0.1/t" + tt + "/" + i, "x"),
                                    "L", null, null));
                        } catch (Exception e) {
                            throw new RuntimeException(e);
                        }
                    }
                });
                ts.add(th);
                th.start();
            }
            for (Thread th : ts) {
                th.join();
            }
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(1001, lines.size());
        for (String line : lines) {
            assertEquals(10, line.split(" ").length, line);
        }
    }

    @Test
    void reopeningAppends() throws Exception {
        Path file = tmp.resolve("crawl.log");
        for (int i = 0; i < 2; i++) {
            try (CrawlLog log = new CrawlLog(file)) {
                log.log(CrawlLogEntry.refused(Instant.EPOCH, "http://127.0.0.1/" + i, ErrorKind.TOO_DEEP, "", null,
                        null));
            }
        }
        assertEquals(2, Files.readAllLines(file).size());
    }
}
