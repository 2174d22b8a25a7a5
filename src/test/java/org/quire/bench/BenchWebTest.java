package org.quire.bench;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench web: pages on loopback hosts, robots.txt, counters, and its small HTTP/1.1 server's behaviour. */
class BenchWebTest {

    /** One host of three 2 KB pages, no delays. */
    private static final BenchWeb.Layout ONE_SMALL_HOST =
            new BenchWeb.Layout(1, 3, 2 * 1024, Duration.ZERO, Duration.ZERO, 0);

    /** A raw connection to the web's first host, reads timing out after 5 s. */
    private static Socket connect(BenchWeb web) throws java.io.IOException {
        Socket s = new Socket("127.0.1.1", URI.create(web.seeds().get(0)).getPort());
        s.setSoTimeout(5000);
        return s;
    }

    @Test
    void servesSizedLinkedPagesAndRobotsPerHostAndRecordsRequests() throws Exception {
        var layout = new BenchWeb.Layout(2, 5, 10 * 1024, Duration.ofSeconds(1), Duration.ofSeconds(3), 2);
        try (BenchWeb web = BenchWeb.start(layout)) {
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

    @Test
    void theWarmUpReadsEveryHostsPagesAndAResetForgetsThem() throws Exception {
        var layout = new BenchWeb.Layout(2, 5, 2 * 1024, Duration.ZERO, Duration.ZERO, 0);
        try (BenchWeb web = BenchWeb.start(layout)) {
            assertEquals(10, WebWarmUp.run(web, 100), "at most each host's 5 pages");
            assertEquals(10, web.pagesServed());
            web.reset();
            assertEquals(0, web.pagesServed());
            assertEquals(0, PolitenessAudit.audit(web.hostTimes()).requests(), "no warm-up request is audited");
        }
    }

    @Test
    void keepsConnectionsOpenAnswersPipelinedAndHeadRequestsAndClosesWhenAsked() throws Exception {
        try (BenchWeb web = BenchWeb.start(ONE_SMALL_HOST); Socket s = connect(web)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /article/1.html?x=1 HTTP/1.1\r\nHost: a\r\n\r\n"
                    + "HEAD /article/2.html HTTP/1.1\r\nHost: a\r\n\r\n"
                    + "GET /robots.txt HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);  // ends at close
            String[] parts = all.split("HTTP/1.1 200 OK\r\n", -1);
            assertEquals(4, parts.length, all);
            assertTrue(parts[1].contains("</html>"), "the GET has its body");
            int length = Integer.parseInt(parts[2].replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
            assertTrue(length > 1024 && parts[2].endsWith("\r\n\r\n"), "the HEAD has the length, not the body");
            assertTrue(parts[3].endsWith("Disallow: /private/\n"), parts[3]);
            assertEquals(1, web.pagesServed(), "a HEAD is not a page served");
            assertEquals(2, web.otherServed());
        }
    }

    @Test
    void answersMalformedRequestsWith400AndClosesTheConnection() throws Exception {
        try (BenchWeb web = BenchWeb.start(ONE_SMALL_HOST); Socket s = connect(web)) {
            s.getOutputStream().write("POST /article/1.html HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"
                    .getBytes(StandardCharsets.US_ASCII));
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(all.startsWith("HTTP/1.1 400 "), all);
            assertEquals(0, web.pagesServed());
        }
    }

    @Test
    void answersRequestAfterRequestOnOneConnectionAsAKeepAliveClientSendsThem() throws Exception {
        try (BenchWeb web = BenchWeb.start(ONE_SMALL_HOST); Socket s = connect(web)) {
            var in = new java.io.DataInputStream(s.getInputStream());
            for (int i = 0; i < 5; i++) {
                s.getOutputStream().write(("GET /article/" + (1 + i % 2) + ".html HTTP/1.1\r\nHost: a\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    head.append((char) in.readUnsignedByte());
                }
                assertTrue(head.toString().startsWith("HTTP/1.1 200 OK"), head.toString());
                int length = Integer.parseInt(head.toString().replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
                in.readFully(new byte[length]);
            }
            assertEquals(5, web.pagesServed());
        }
    }

    @Test
    void countsARequestSentWhileAnotherToTheSameHostIsStillBeingAnswered() throws Exception {
        var layout = new BenchWeb.Layout(1, 3, 4 << 20, Duration.ZERO, Duration.ZERO, 0);  // 4 MB pages
        try (BenchWeb web = BenchWeb.start(layout);
             Socket slow = connect(web);
             Socket quick = connect(web)) {
            slow.getOutputStream().write("GET /article/1.html HTTP/1.1\r\nHost: a\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));  // never read: the 4 MB answer stays in flight
            Thread.sleep(200);
            quick.getOutputStream().write("GET /robots.txt HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            quick.getInputStream().readAllBytes();
            assertEquals(1, web.hostTimes().get(0).overlaps());
        }
    }

    @Test
    void countsAPipelinedRequestAsAnOverlapAndIgnoresEmptyLinesBeforeARequest() throws Exception {
        try (BenchWeb web = BenchWeb.start(ONE_SMALL_HOST); Socket s = connect(web)) {
            s.getOutputStream().write(("\r\nGET /article/1.html HTTP/1.1\r\nHost: a\r\n\r\n"
                    + "GET /article/2.html HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertEquals(3, all.split("HTTP/1.1 200 OK", -1).length, all);
            assertEquals(2, web.pagesServed());
            assertEquals(1, web.hostTimes().get(0).overlaps());
        }
    }
}
