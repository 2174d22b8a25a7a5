package org.quire.bench;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Smoke test of the bench web: a few pages on two loopback hosts, robots.txt, counters. */
class BenchWebTest {

    @Test
    void servesSizedLinkedPagesAndRobotsPerHostAndRecordsRequests() throws Exception {
        var layout = new BenchWeb.Layout(2, 5, 10 * 1024, Duration.ofSeconds(1), Duration.ofSeconds(3), 2);
        try (BenchWeb web = BenchWeb.start(layout, 2)) {
            HttpClient http = HttpClient.newHttpClient();
            String base1 = web.seeds().get(1);
            assertTrue(base1.startsWith("http://127.0.1.2:"), base1);
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(web.seeds().get(0) + "article/3.html")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().length() > 9 * 1024 && page.body().length() < 12 * 1024, "size " + page.body().length());
            assertTrue(page.body().contains("href=\"/article/") && page.body().contains(base1), "links");
            String robots = http.send(HttpRequest.newBuilder(URI.create(base1 + "robots.txt")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(robots.contains("Disallow: /private/") && robots.contains("Crawl-delay: 3"), robots);
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(base1 + "article/5.html")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(1, web.pagesServed());
            assertEquals(Duration.ofSeconds(3), layout.delayOf(1));
            assertEquals(Duration.ofSeconds(1), layout.delayOf(0));
            var audit = PolitenessAudit.audit(web.hostTimes());
            assertEquals(3, audit.requests());
            assertEquals(1, audit.gapViolations());   // robots.txt then a page on host 1 with no 3 s gap
        }
    }
}
