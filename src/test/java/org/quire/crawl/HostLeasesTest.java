package org.quire.crawl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.config.Settings;
import org.quire.testweb.TestSite;
import org.quire.testweb.TestSite.Response;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quire.crawl.CrawlEndToEndTest.page;

/** Two crawls running side by side in one process share a host politely. */
class HostLeasesTest {

    @TempDir
    Path tmp;

    @Test
    void aCrawlIsNotTurnedAwayByItsOwnLeaseButAnotherCrawlIs() {
        HostLeases leases = new HostLeases();
        Object crawlA = new Object();
        Object crawlB = new Object();
        assertTrue(leases.tryAcquire("h.test", crawlA));
        // the frontier handed the host's next URL to another thread of A before the first gave the lease back
        assertTrue(leases.tryAcquire("h.test", crawlA));
        assertFalse(leases.tryAcquire("h.test", crawlB));
        assertTrue(leases.tryAcquire("other.test", crawlB));
        leases.release("h.test", crawlA);
        assertFalse(leases.tryAcquire("h.test", crawlB), "still held by A's second holder");
        leases.release("h.test", crawlB); // not B's to give back: changes nothing
        assertFalse(leases.tryAcquire("h.test", crawlB));
        leases.release("h.test", crawlA);
        assertTrue(leases.tryAcquire("h.test", crawlB), "free once A's last holder gave it back");
        assertFalse(leases.tryAcquire("h.test", crawlA));
    }

    @Test
    void crawlsSideBySideKeepOneRequestInFlightPerHost() throws Exception {
        try (TestSite site = TestSite.start("127.0.0.1")) {
            site.route("/robots.txt", Response.text(200, "User-agent: *\nAllow: /\n").delayed(100));
            for (String p : List.of("/", "/a", "/b", "/c")) {
                site.route(p, Response.html(page("Page " + p, "/a", "/b", "/c")).delayed(100));
            }
            Settings s = CrawlEndToEndTest.settings();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<org.quire.output.CrawlSummary>> runs = List.of("one", "two").stream().map(name -> pool.submit(() ->
                        new CrawlRunner(tmp.resolve("archive"), new PrintStream(new ByteArrayOutputStream()))
                                .run(name, List.of(site.url("/")), s))).toList();
                for (Future<org.quire.output.CrawlSummary> f : runs) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(10, site.requests().size(), "both crawls fetched robots.txt and all four pages");
            assertEquals(1, site.maxInFlight(), "one request in flight across both crawls");
        }
    }
}
