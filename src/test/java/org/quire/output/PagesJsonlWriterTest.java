package org.quire.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.archive.RecordLocation;
import org.quire.extract.ExtractedPage;
import org.quire.extract.Link;
import org.quire.extract.PageMetadata;
import org.quire.fetch.FetchResult;
import org.quire.fetch.HttpHeader;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PagesJsonlWriterTest {

    @TempDir
    Path tmp;

    private static FetchResult fetch(String url) {
        return new FetchResult(URI.create(url), Instant.parse("2026-11-20T10:15:30.123Z"), Duration.ofMillis(40),
                "127.0.0.1", "GET / HTTP/1.1\r\n\r\n", 200, "OK", "HTTP/1.1",
                List.of(new HttpHeader("Content-Type", "text/html; charset=UTF-8")),
                "<html/>".getBytes(StandardCharsets.UTF_8), null, null, null);
    }

    private static PageRecord sample() {
        PageMetadata meta = new PageMetadata("Café \"quotes\"", "A. Author, B. Author", "2026-11-20", "fr",
                "Le Site", "http://127.0.0.1/canon", null);
        ExtractedPage page = new ExtractedPage("Première ligne 😀\n\nSecond paragraph with \u2028 separator\tand tab",
                "# md", meta, List.of(new Link("http://127.0.0.1/b", 'L', "b")));
        RecordLocation loc = new RecordLocation("news-20261120100000-00000-h.warc.gz", 1234L,
                "<urn:uuid:0b1c2d3e-0000-4000-8000-000000000001>", "sha1:ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 555L);
        return PageRecord.of("http://127.0.0.1/start", fetch("http://127.0.0.1/final"), page, loc, 2,
                "http://127.0.0.1/");
    }

    @Test
    void writesOneSnakeCaseObjectPerLineThatRoundTrips() throws Exception {
        Path file = tmp.resolve("pages.jsonl");
        PageRecord a = sample();
        PageRecord b = PageRecord.of(null, fetch("http://127.0.0.1/x"), null, null, 0, null);
        try (PagesJsonlWriter w = new PagesJsonlWriter(file)) {
            w.write(a);
            w.write(b);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        // characters beyond the BMP are written as themselves (4 UTF-8 bytes), not as escaped surrogate halves
        assertTrue(lines.get(0).contains("Première ligne 😀"), lines.get(0));
        ObjectMapper m = new ObjectMapper();
        JsonNode first = m.readTree(lines.get(0));
        List<String> keys = new ArrayList<>();
        Iterator<String> it = first.fieldNames();
        it.forEachRemaining(keys::add);
        assertEquals(List.of("url", "final_url", "status", "fetch_time", "content_type", "title", "author",
                "published", "language", "site_name", "canonical_url", "description", "text", "warc_file",
                "warc_offset", "warc_record_id", "payload_digest", "depth", "via", "change"), keys);
        assertEquals("http://127.0.0.1/start", first.get("url").asText());
        assertEquals("http://127.0.0.1/final", first.get("final_url").asText());
        assertEquals("2026-11-20T10:15:30.123Z", first.get("fetch_time").asText());
        assertEquals("text/html", first.get("content_type").asText());
        assertEquals(1234L, first.get("warc_offset").asLong());
        assertTrue(first.get("description").isNull(), "unknown fields are present as null");
        assertTrue(lines.get(0).contains("Café"), "UTF-8, not \\u escapes: " + lines.get(0));

        assertEquals(a, m.readValue(lines.get(0), PageRecord.class));
        PageRecord back = m.readValue(lines.get(1), PageRecord.class);
        assertEquals(b, back);
        assertEquals("http://127.0.0.1/x", back.url());
        assertNull(back.warcOffset());

        JsonNode second = m.readTree(lines.get(1));
        assertEquals(keys.size(), second.size(), "every line has every column");
    }

    @Test
    void concurrentWritersProduceWholeLines() throws Exception {
        Path file = tmp.resolve("out/pages.jsonl");
        try (PagesJsonlWriter w = new PagesJsonlWriter(file)) {
            List<Thread> ts = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread th = new Thread(() -> {
                    for (int i = 0; i < 100; i++) {
                        try {
                            w.write(sample());
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
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(400, lines.size());
        ObjectMapper m = new ObjectMapper();
        for (String line : lines) {
            assertEquals(sample(), m.readValue(line, PageRecord.class));
        }
    }
}
