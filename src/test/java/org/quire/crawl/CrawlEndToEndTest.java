package org.quire.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.config.ConfigLoader;
import org.quire.config.Settings;
import org.quire.output.CrawlSummary;
import org.quire.testweb.TestSite;
import org.quire.testweb.TestSite.Response;
import org.quire.testweb.WarcCheck;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole crawls over real HTTP on loopback, checked from the server's side and from the files written. */
class CrawlEndToEndTest {

    @TempDir
    Path tmp;

    static Settings settings(String... sets) {
        List<String> all = new ArrayList<>(List.of("fetch.allow-private-addresses=true", "politeness.min-delay=0s",
                "politeness.delay-factor=0", "politeness.backoff=100ms", "fetch.threads=4"));
        all.addAll(List.of(sets));
        return ConfigLoader.load(Path.of("does-not-exist.yaml"), false, all).settingsFor("t");
    }

    CrawlSummary crawl(String name, List<String> seeds, Settings s) throws Exception {
        return new CrawlRunner(tmp.resolve("archive"), new PrintStream(new ByteArrayOutputStream())).run(name, seeds, s);
    }

    static Path onlyJob(Path archive, String crawl) throws Exception {
        try (Stream<Path> s = Files.list(archive.resolve(crawl))) {
            List<Path> jobs = s.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList();
            assertEquals(1, jobs.size());
            return jobs.get(0);
        }
    }

    static String page(String title, String... links) {
        StringBuilder sb = new StringBuilder("<html lang=\"en\"><head><title>" + title + "</title></head><body>"
                + "<nav><a href=\"/\">Home</a></nav><article><h1>" + title + "</h1><p>This is the body of the page called "
                + title + ", written with enough words to count as a real paragraph of main text.</p>");
        for (String l : links) {
            sb.append("<p><a href=\"").append(l).append("\">").append(l).append("</a></p>");
        }
        return sb.append("</article></body></html>").toString();
    }

    static List<JsonNode> pages(Path job) throws Exception {
        ObjectMapper om = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(job.resolve("pages.jsonl"))) {
            out.add(om.readTree(line));
        }
        return out;
    }

    @Test
    void archivesEveryExchangeAndPagesPointAtRecordsThatExist() throws Exception {
        try (TestSite site = TestSite.start("127.0.0.1")) {
            site.route("/robots.txt", Response.text(200, "User-agent: *\nDisallow: /private/\n"))
                    .route("/", Response.html(page("Front", "/a", "/b", "/private/x", "/missing")))
                    .route("/a", Response.html(page("Alpha", "/b", "/private/x")))
                    .route("/b", Response.html(page("Beta", "/")))
                    .route("/private/x", Response.html(page("Secret")));
            CrawlSummary summary = crawl("site", List.of(site.url("/")), settings());
            Path job = onlyJob(tmp.resolve("archive"), "site");

            assertEquals("/robots.txt", site.paths().get(0), "robots.txt is the first request to a host");
            assertFalse(site.paths().contains("/private/x"), "a disallowed path is never requested");
            assertEquals(3, summary.pagesArchived());

            List<WarcCheck.Rec> recs = WarcCheck.readAll(job.resolve("warc"));
            assertEquals("warcinfo", recs.get(0).type());
            Map<String, WarcCheck.Rec> byId = recs.stream().collect(Collectors.toMap(WarcCheck.Rec::id, r -> r));
            List<WarcCheck.Rec> responses = recs.stream().filter(r -> r.type().equals("response")).toList();
            // robots.txt, /, /a, /b, /missing (404): five exchanges, each a request and a response record
            assertEquals(5, responses.size());
            assertEquals(5, recs.stream().filter(r -> r.type().equals("request")).count());
            for (WarcCheck.Rec resp : responses) {
                assertTrue(recs.stream().anyMatch(r -> r.type().equals("request") && r.target().equals(resp.target())
                        && (r.concurrentTo().contains(resp.id()) || resp.concurrentTo().contains(r.id()))),
                        "request paired with response for " + resp.target());
            }
            for (JsonNode p : pages(job)) {
                WarcCheck.Rec r = byId.get(p.get("warc_record_id").asText());
                assertTrue(r != null, "pages.jsonl points at a record that exists: " + p);
                assertEquals(p.get("warc_file").asText(), r.file());
                assertEquals(p.get("warc_offset").asLong(), r.offset());
                assertEquals(p.get("final_url").asText(), r.target());
                assertEquals(r.payloadDigest(), p.get("payload_digest").asText());
            }
            String log = Files.readString(job.resolve("crawl.log"));
            // found on / and on /a, refused as soon as it was first found, logged once (with where it was found)
            List<String> denied = log.lines().filter(l -> l.contains("/private/x")).toList();
            assertEquals(1, denied.size(), log);
            assertTrue(denied.get(0).contains(" robots-denied ") && denied.get(0).contains(" L " + site.url("/") + " "),
                    denied.get(0));
            assertEquals(1, summary.robotsBlocked());
            List<String> lines = log.lines().toList();
            assertTrue(lines.indexOf(denied.get(0)) < lines.indexOf(lines.stream()
                    .filter(l -> l.contains(" 200 ") && l.contains(site.url("/a") + " ")).findFirst().orElseThrow()),
                    "refused when found on /, not after waiting its turn in the queue behind /a: " + log);
            assertTrue(log.lines().anyMatch(l -> l.contains(" 404 ") && l.contains("/missing")), log);
            try (Stream<Path> texts = Files.walk(job.resolve("text")).filter(Files::isRegularFile)) {
                assertEquals(3, texts.count());
            }
            assertTrue(Files.exists(job.resolve("summary.json")));
        }
    }

    @Test
    void oneRequestPerHostAndTheGapIsKeptWhileHostsRunInParallel() throws Exception {
        List<TestSite> sites = new ArrayList<>();
        try {
            for (int h = 2; h <= 4; h++) {
                TestSite s = TestSite.start("127.0.0." + h);
                s.route("/robots.txt", Response.text(404, "none"));
                s.route("/", Response.html(page("Home", "/1", "/2", "/3", "/4")));
                for (int i = 1; i <= 4; i++) {
                    s.route("/" + i, Response.html(page("Page " + i, "/")).delayed(20));
                }
                sites.add(s);
            }
            long gapMs = 250;
            crawl("polite", sites.stream().map(s -> s.url("/")).toList(),
                    settings("politeness.min-delay=" + gapMs + "ms", "fetch.threads=8"));
            for (TestSite s : sites) {
                List<TestSite.Seen> seen = s.requests();
                assertEquals(6, seen.size(), "robots.txt + 5 pages: " + s.paths());
                assertEquals(1, s.maxInFlight(), "never two requests in flight to one host");
                List<TestSite.Seen> sorted = seen.stream().sorted((a, b) -> Long.compare(a.startNanos(), b.startNanos())).toList();
                for (int i = 1; i < sorted.size(); i++) {
                    long gap = (sorted.get(i).startNanos() - sorted.get(i - 1).endNanos()) / 1_000_000;
                    assertTrue(gap >= gapMs - 10, "gap " + gap + " ms between requests to one host is below " + gapMs);
                }
                assertTrue(seen.stream().allMatch(x -> x.userAgent() != null && x.userAgent().startsWith("quire")),
                        "an honest User-Agent");
            }
            // The hosts were crawled side by side: each host's first page came before any host's last one.
            long lastFirst = sites.stream().mapToLong(s -> s.requests().get(0).startNanos()).max().orElseThrow();
            long firstLast = sites.stream().mapToLong(s -> s.requests().get(s.requests().size() - 1).startNanos()).min().orElseThrow();
            assertTrue(lastFirst < firstLast, "hosts are fetched in parallel");
        } finally {
            sites.forEach(TestSite::close);
        }
    }

    @Test
    void crawlDelayFromRobotsWidensTheGap() throws Exception {
        try (TestSite site = TestSite.start("127.0.0.5")) {
            site.route("/robots.txt", Response.text(200, "User-agent: *\nCrawl-delay: 1\n"))
                    .route("/", Response.html(page("Home", "/1")))
                    .route("/1", Response.html(page("One")));
            crawl("delay", List.of(site.url("/")), settings());
            List<TestSite.Seen> seen = site.requests();
            assertEquals(3, seen.size());
            for (int i = 1; i < seen.size(); i++) {
                long gap = (seen.get(i).startNanos() - seen.get(i - 1).endNanos()) / 1_000_000;
                assertTrue(gap >= 990, "Crawl-delay: 1 honoured, gap was " + gap + " ms");
            }
        }
    }

    @Test
    void redirectsAreFollowedHopByHopAndEachHopIsArchived() throws Exception {
        try (TestSite site = TestSite.start("127.0.0.6")) {
            site.route("/robots.txt", Response.text(200, "User-agent: *\nAllow: /\n"))
                    .route("/old", Response.redirect(301, "/older"))
                    .route("/older", Response.redirect(302, site.url("/new")))
                    .route("/new", Response.html(page("New home")));
            crawl("redir", List.of(site.url("/old")), settings());
            Path job = onlyJob(tmp.resolve("archive"), "redir");
            List<String> targets = WarcCheck.readAll(job.resolve("warc")).stream()
                    .filter(r -> r.type().equals("response")).map(WarcCheck.Rec::target).toList();
            // each hop in order; afterwards the new page's own links (its "Home" link to /) are crawled too
            assertEquals(List.of(site.url("/robots.txt"), site.url("/old"), site.url("/older"), site.url("/new")),
                    targets.subList(0, 4));
            JsonNode newPage = pages(job).stream().filter(p -> p.get("final_url").asText().equals(site.url("/new")))
                    .findFirst().orElseThrow();
            assertEquals(site.url("/older"), newPage.get("url").asText(), "url is where the redirect came from");
            String log = Files.readString(job.resolve("crawl.log"));
            assertTrue(log.lines().anyMatch(l -> l.contains(site.url("/new")) && l.contains(" RR ")), log);
        }
    }

    @Test
    void scopeDepthAndTrapsLimitWhatIsFetched() throws Exception {
        try (TestSite site = TestSite.start("127.0.0.7"); TestSite other = TestSite.start("127.0.0.8")) {
            other.route("/robots.txt", Response.text(404, ""));
            other.route("/", Response.html(page("Elsewhere")));
            site.route("/robots.txt", Response.text(404, ""))
                    .route("/", Response.html(page("Home", other.url("/"), "/d1", "/a/a/a/a/a/x")))
                    .route("/d1", Response.html(page("Depth 1", "/d2")))
                    .route("/d2", Response.html(page("Depth 2", "/d3")))
                    .route("/d3", Response.html(page("Depth 3")))
                    .route("/a/a/a/a/a/x", Response.html(page("Trap")));
            crawl("scope", List.of(site.url("/")), settings("crawl.max-depth=2"));
            assertTrue(other.paths().isEmpty(), "another host is out of scope by default");
            assertTrue(site.paths().containsAll(List.of("/", "/d1", "/d2")));
            assertFalse(site.paths().contains("/d3"), "beyond crawl.max-depth");
            assertFalse(site.paths().contains("/a/a/a/a/a/x"), "repeated path segments are a trap");
            String log = Files.readString(onlyJob(tmp.resolve("archive"), "scope").resolve("crawl.log"));
            assertTrue(log.lines().anyMatch(l -> l.contains("out-of-scope") && l.contains(other.url("/"))), log);
            assertTrue(log.lines().anyMatch(l -> l.contains("trap") && l.contains("/a/a/a/a/a/x")), log);

            crawl("any", List.of(site.url("/")), settings("crawl.scope=any", "crawl.max-depth=1"));
            assertEquals(List.of("/robots.txt", "/"), other.paths(), "scope any follows links to other hosts");
        }
    }

    @Test
    void maxPagesStopsTheCrawl() throws Exception {
        try (TestSite site = TestSite.start("127.0.0.9")) {
            site.route("/robots.txt", Response.text(404, ""));
            List<String> links = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                links.add("/p" + i);
                site.route("/p" + i, Response.html(page("P" + i)));
            }
            site.route("/", Response.html(page("Home", links.toArray(String[]::new))));
            CrawlSummary summary = crawl("limit", List.of(site.url("/")), settings("crawl.max-pages=5"));
            assertEquals(5, site.paths().stream().filter(p -> !p.equals("/robots.txt")).count());
            assertEquals(5, summary.pagesArchived());
        }
    }

    @Test
    void robotsUnavailableMeansNothingElseIsFetched() throws Exception {
        try (TestSite site = TestSite.start("127.0.0.10")) {
            site.route("/robots.txt", Response.text(503, "busy"))
                    .route("/", Response.html(page("Home")));
            crawl("robots503", List.of(site.url("/")),
                    settings("robots.retry-after=200ms", "fetch.max-retries=1"));
            assertFalse(site.paths().contains("/"), "a 503 robots.txt disallows the whole host for now");
            assertTrue(site.paths().stream().filter(p -> p.equals("/robots.txt")).count() >= 2,
                    "robots.txt is tried again later: " + site.paths());
            String log = Files.readString(onlyJob(tmp.resolve("archive"), "robots503").resolve("crawl.log"));
            assertTrue(log.contains("robots-unavailable"), log);
        }
    }
}
