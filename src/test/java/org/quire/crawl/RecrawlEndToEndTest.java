package org.quire.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRevisit;
import org.quire.config.Settings;
import org.quire.output.CrawlSummary;
import org.quire.recrawl.LatestPointer;
import org.quire.testweb.TestSite;
import org.quire.testweb.TestSite.Response;
import org.quire.testweb.WarcCheck;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quire.crawl.CrawlEndToEndTest.page;
import static org.quire.crawl.CrawlEndToEndTest.pages;

/** Second and later runs of a crawl over a local site: only what changed is archived in full. */
class RecrawlEndToEndTest {

    @TempDir
    Path tmp;

    Path archive() {
        return tmp.resolve("archive");
    }

    Path run(String name, List<String> seeds) throws Exception {
        Settings s = CrawlEndToEndTest.settings();
        CrawlSummary summary = new CrawlRunner(archive(), new PrintStream(new ByteArrayOutputStream()))
                .run(name, seeds, s);
        return Path.of(summary.jobFolder());
    }

    /** Every record of a job's WARC files, re-read with jwarc (digests checked by WarcCheck). */
    static List<WarcRecord> records(Path job) throws Exception {
        WarcCheck.readAll(job.resolve("warc"));
        List<WarcRecord> out = new ArrayList<>();
        for (Path f : WarcCheck.warcFiles(job.resolve("warc"))) {
            try (WarcReader r = new WarcReader(f)) {
                for (Optional<WarcRecord> n = r.next(); n.isPresent(); n = r.next()) {
                    WarcRecord rec = n.get();
                    if (rec instanceof WarcRevisit v) {
                        v.http(); // parsed (and kept) while the reader is at this record
                    } else {
                        rec.body().consume();
                    }
                    out.add(rec);
                }
            }
        }
        return out;
    }

    static Map<String, WarcRecord> byTarget(List<WarcRecord> recs, String type) {
        Map<String, WarcRecord> m = new HashMap<>();
        for (WarcRecord r : recs) {
            if (r.type().equals(type)) {
                m.put(r.headers().first("WARC-Target-URI").orElseThrow(), r);
            }
        }
        return m;
    }

    static Map<String, JsonNode> pagesByUrl(Path job) throws Exception {
        return pages(job).stream().collect(Collectors.toMap(p -> p.get("url").asText(), p -> p));
    }

    @Test
    void unchangedSiteIsArchivedAsRevisitsOnlyAndChangedPagesInFull() throws Exception {
        try (TestSite site = TestSite.start("127.0.0.1")) {
            site.route("/robots.txt", Response.text(200, "User-agent: *\nAllow: /\n"))
                    .route("/", Response.html(page("Front", "/a", "/b")))
                    .route("/a", Response.html(page("Alpha")))
                    .route("/b", Response.html(page("Beta")));
            Path first = run("news", List.of(site.url("/")));
            Map<String, WarcRecord> firstResponses = byTarget(records(first), "response");
            assertEquals(4, firstResponses.size(), firstResponses.keySet().toString());
            assertTrue(pages(first).stream().allMatch(p -> p.get("change").asText().equals("new")));

            Path second = run("news", List.of(site.url("/")));
            List<WarcRecord> recs = records(second);
            assertTrue(byTarget(recs, "response").isEmpty(), "no second full copy of an unchanged payload");
            Map<String, WarcRecord> revisits = byTarget(recs, "revisit");
            assertEquals(firstResponses.keySet(), revisits.keySet());
            for (WarcRecord r : revisits.values()) {
                WarcRevisit v = (WarcRevisit) r;
                assertEquals(WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1, v.profile());
                WarcRecord original = firstResponses.get(v.target());
                assertEquals("<" + original.id() + ">", r.headers().first("WARC-Refers-To").orElseThrow());
                assertEquals(v.target(), r.headers().first("WARC-Refers-To-Target-URI").orElseThrow());
                assertEquals(original.headers().first("WARC-Date").orElseThrow(),
                        r.headers().first("WARC-Refers-To-Date").orElseThrow());
                assertEquals(original.headers().first("WARC-Payload-Digest"),
                        r.headers().first("WARC-Payload-Digest"));
            }
            Map<String, JsonNode> pages = pagesByUrl(second);
            assertEquals(3, pages.size());
            for (JsonNode p : pages.values()) {
                assertEquals("unchanged", p.get("change").asText());
                assertTrue(p.get("text").asText().contains("body of the page"), "text of unchanged pages is given");
            }
            assertEquals(second.getFileName(), LatestPointer.resolve(archive().resolve("news")).orElseThrow()
                    .getFileName());
            assertEquals(second.toRealPath(), archive().resolve("news/latest").toRealPath());

            // A changed page and a new one: archived in full; the rest stays revisits.
            site.route("/a", Response.html(page("Alpha, updated", "/c")))
                    .route("/c", Response.html(page("Gamma")));
            Path third = run("news", List.of(site.url("/")));
            List<WarcRecord> thirdRecs = records(third);
            assertEquals(java.util.Set.of(site.url("/a"), site.url("/c")), byTarget(thirdRecs, "response").keySet());
            assertEquals(java.util.Set.of(site.url("/"), site.url("/b"), site.url("/robots.txt")),
                    byTarget(thirdRecs, "revisit").keySet());
            Map<String, JsonNode> marks = pagesByUrl(third);
            assertEquals("changed", marks.get(site.url("/a")).get("change").asText());
            assertEquals("new", marks.get(site.url("/c")).get("change").asText());
            assertEquals("unchanged", marks.get(site.url("/b")).get("change").asText());
            assertTrue(Files.exists(archive().resolve("news/captures.db")));
        }
    }

    @Test
    void notModifiedAnswersBecomeRevisitsWithTheEarlierText() throws Exception {
        try (TestSite site = TestSite.start("127.0.0.1")) {
            site.route("/robots.txt", Response.text(200, "User-agent: *\nAllow: /\n"))
                    .route("/", Response.html(page("Front", "/a")).withHeader("ETag", "\"front-1\""))
                    .route("/a", Response.html(page("Alpha")).withHeader("ETag", "\"a-1\""));
            Path first = run("blog", List.of(site.url("/")));
            assertTrue(site.notModifiedPaths().isEmpty());
            Map<String, JsonNode> before = pagesByUrl(first);
            Map<String, WarcRecord> originals = byTarget(records(first), "response");

            Path second = run("blog", List.of(site.url("/")));
            assertEquals(List.of("/", "/a"), site.notModifiedPaths().stream().sorted().toList(),
                    "the second run asked with If-None-Match");
            List<WarcRecord> recs = records(second);
            Map<String, WarcRecord> revisits = byTarget(recs, "revisit");
            for (String path : List.of("/", "/a")) {
                WarcRevisit v = (WarcRevisit) revisits.get(site.url(path));
                assertEquals(WarcRevisit.SERVER_NOT_MODIFIED_1_1, v.profile(), path);
                assertEquals(304, v.http().status());
                assertFalse(v.headers().first("WARC-Payload-Digest").isPresent());
                assertEquals("<" + originals.get(site.url(path)).id() + ">",
                        v.headers().first("WARC-Refers-To").orElseThrow());
            }
            Map<String, JsonNode> after = pagesByUrl(second);
            assertEquals(before.keySet(), after.keySet(), "links of a 304 page are still followed");
            for (String url : after.keySet()) {
                JsonNode p = after.get(url);
                assertEquals(304, p.get("status").asInt());
                assertEquals("unchanged", p.get("change").asText());
                assertEquals(before.get(url).get("text").asText(), p.get("text").asText(),
                        "text read back from the earlier capture");
                assertEquals(before.get(url).get("payload_digest").asText(), p.get("payload_digest").asText());
                assertEquals(revisits.get(url).id().toString(), p.get("warc_record_id").asText()
                        .replaceAll("[<>]", ""));
            }

            // The page changes: the server's tag changes, the full page is archived again.
            site.route("/a", Response.html(page("Alpha two")).withHeader("ETag", "\"a-2\""));
            Path third = run("blog", List.of(site.url("/")));
            assertTrue(byTarget(records(third), "response").containsKey(site.url("/a")));
            assertEquals("changed", pagesByUrl(third).get(site.url("/a")).get("change").asText());
            assertNull(byTarget(records(third), "response").get(site.url("/")));
        }
    }

    @Test
    void aLaterRunRevisitsPagesNoLongerLinkedButNotSitesThatWentAway() throws Exception {
        try (TestSite site = TestSite.start("127.0.0.1")) {
            TestSite other = TestSite.start("127.0.0.1");
            other.route("/robots.txt", Response.text(200, "User-agent: *\nAllow: /\n"))
                    .route("/x", Response.html(page("Elsewhere")));
            site.route("/robots.txt", Response.text(200, "User-agent: *\nAllow: /\n"))
                    .route("/", Response.html(page("Front", "/old", other.url("/x"))))
                    .route("/old", Response.html(page("Old")));
            Path first = run("mag", List.of(site.url("/")));
            assertTrue(pagesByUrl(first).containsKey(other.url("/x")), "the other port is in host scope");
            other.close();
            site.route("/", Response.html(page("Front, no links")));
            Path second = run("mag", List.of(site.url("/")));
            Map<String, JsonNode> pages = pagesByUrl(second);
            assertEquals(java.util.Set.of(site.url("/"), site.url("/old")), pages.keySet());
            assertEquals("unchanged", pages.get(site.url("/old")).get("change").asText());
            assertEquals(1, pages.get(site.url("/old")).get("depth").asInt(), "keeps the depth it was found at");
        }
    }
}
