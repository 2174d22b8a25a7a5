package org.quire.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcConversion;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.Warcinfo;
import org.quire.output.TextFileWriter;
import org.quire.testweb.TestSite;
import org.quire.testweb.TestSite.Response;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A crawl writes a WET file next to its WARC files that jwarc reads back, one conversion record per page. */
class WetCrawlTest {

    @TempDir
    Path tmp;

    @Test
    void everyPageGetsAConversionRecordReferringToItsResponse() throws Exception {
        Path job;
        try (TestSite site = TestSite.start("127.0.0.1")) {
            site.route("/robots.txt", Response.text(200, "User-agent: *\nAllow: /\n"))
                    .route("/", Response.html(CrawlEndToEndTest.page("Front", "/a", "/b")))
                    .route("/a", Response.html(CrawlEndToEndTest.page("Alpha", "/b")))
                    .route("/b", Response.html(CrawlEndToEndTest.page("Beta – Grüße", "/")));
            new CrawlRunner(tmp.resolve("archive"), new PrintStream(new ByteArrayOutputStream()))
                    .run("wet", List.of(site.url("/")), CrawlEndToEndTest.settings());
            job = CrawlEndToEndTest.onlyJob(tmp.resolve("archive"), "wet");
        }
        List<Path> wets;
        try (Stream<Path> s = Files.list(job.resolve("warc"))) {
            List<Path> all = s.sorted().toList();
            assertTrue(all.stream().noneMatch(p -> p.toString().endsWith(".open")), all.toString());
            wets = all.stream().filter(p -> p.getFileName().toString().endsWith(".warc.wet.gz")).toList();
        }
        assertEquals(1, wets.size());
        assertTrue(wets.get(0).getFileName().toString().matches("wet-\\d{14}-00000-.+\\.warc\\.wet\\.gz"),
                wets.get(0).toString());

        List<WarcRecord> records = new ArrayList<>();
        Map<String, String> textByRefersTo = new HashMap<>();
        try (WarcReader reader = new WarcReader(wets.get(0))) {
            reader.calculateBlockDigest();
            for (WarcRecord r : reader) {
                records.add(r);
                if (r instanceof WarcConversion c) {
                    assertEquals("text/plain", c.contentType().base().toString());
                    assertTrue(c.blockDigest().isPresent());
                    String text = new String(c.body().stream().readAllBytes(), StandardCharsets.UTF_8);
                    assertTrue(c.blockDigest().get().equals(c.calculatedBlockDigest().orElseThrow()),
                            "block digest of " + c.target());
                    textByRefersTo.put("<" + c.refersTo().orElseThrow() + ">|" + c.target() + "|" + c.date(), text);
                }
            }
        }
        assertInstanceOf(Warcinfo.class, records.get(0));

        List<JsonNode> pages = CrawlEndToEndTest.pages(job);
        assertEquals(3, pages.size());
        assertEquals(pages.size(), records.size() - 1, "one conversion record per page");
        TextFileWriter texts = new TextFileWriter(job.resolve("text"));
        for (JsonNode p : pages) {
            String key = p.get("warc_record_id").asText() + "|" + p.get("final_url").asText() + "|"
                    + java.time.Instant.parse(p.get("fetch_time").asText()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            assertTrue(textByRefersTo.containsKey(key), key + " not in " + textByRefersTo.keySet());
            String fileText = Files.readString(texts.pathFor(p.get("final_url").asText()), StandardCharsets.UTF_8);
            assertEquals(fileText, textByRefersTo.get(key));
            assertTrue(fileText.contains("This is the body of the page"), fileText);
        }
    }
}
