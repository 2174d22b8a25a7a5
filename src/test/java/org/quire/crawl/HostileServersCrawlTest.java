package org.quire.crawl;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.config.ConfigLoader;
import org.quire.config.Settings;
import org.quire.testweb.HostileServer;
import org.quire.testweb.WarcCheck;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One crawl over servers that misbehave at the byte level. Each fault is logged in crawl.log with its reason,
 * retried a bounded number of times with a gap, and the crawl goes on: the good pages of every host are archived.
 */
class HostileServersCrawlTest {

    @TempDir
    Path tmp;

    final List<HostileServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(HostileServer::close);
    }

    HostileServer server(String address, String... links) throws Exception {
        HostileServer s = HostileServer.start(address);
        servers.add(s);
        StringBuilder html = new StringBuilder("<html><body><h1>Index</h1><p>Index page text.</p>");
        for (String l : links) {
            html.append("<a href=\"").append(l).append("\">").append(l).append("</a> ");
        }
        s.route("/", HostileServer.html(html.append("</body></html>").toString()));
        s.route("/ok", HostileServer.html("<html><body><h1>Fine</h1><p>A perfectly normal page.</p></body></html>"));
        if (!address.endsWith(".24") && !address.endsWith(".25")) {
            s.route("/robots.txt", HostileServer.raw("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 25\r\nConnection: close\r\n\r\nUser-agent: *\nDisallow:\n"));
        }
        return s;
    }

    @Test
    void theCrawlGoesOnPastEveryKindOfHostileServer() throws Exception {
        HostileServer faults = server("127.0.0.20", "/ok", "/reset", "/empty", "/garbage", "/badchunk",
                "/close-after-n", "/huge-length", "/wrong-type", "/gzip-bomb", "/redirect-loop", "/endless/0");
        faults.route("/reset", (s, out) -> {
            s.setSoLinger(true, 0); // close sends RST
            s.close();
        });
        faults.route("/empty", (s, out) -> s.close());
        byte[] junk = new byte[3000];
        new Random(7).nextBytes(junk);
        faults.route("/garbage", (s, out) -> out.write(junk));
        faults.route("/badchunk", HostileServer.raw("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\nnot a chunk size\r\n"));
        faults.route("/close-after-n", (s, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n"
                    + "<html><body><p>" + "x".repeat(80)).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.close();
        });
        faults.route("/huge-length", (s, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 10737418240\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] block = new byte[64 * 1024];
            for (long n = 0; n < 10L * 1024 * 1024 * 1024; n += block.length) {
                out.write(block); // until the client hangs up
            }
        });
        faults.route("/wrong-type", HostileServer.head(200, "Content-Type: image/png\r\nContent-Length: 47\r\n",
                "<html><body><p>I say I am a PNG.</p></body></html>".substring(0, 47).getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gz.write(zeros); // 64 MiB of zeros in about 64 KiB
            }
        }
        faults.route("/gzip-bomb", HostileServer.head(200, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n"
                + "Content-Length: " + bomb.size() + "\r\n", bomb.toByteArray()));
        faults.route("/redirect-loop", HostileServer.raw("HTTP/1.1 302 Found\r\nLocation: /redirect-loop\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n"));
        for (int i = 0; i < 30; i++) {
            faults.route("/endless/" + i, HostileServer.raw("HTTP/1.1 302 Found\r\nLocation: /endless/" + (i + 1)
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
        }

        HostileServer dribble = server("127.0.0.21", "/ok", "/dribble");
        dribble.route("/dribble", (s, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 100; i++) {
                out.write('x');
                out.flush();
                Thread.sleep(1000);
            }
        });
        HostileServer headers = server("127.0.0.22", "/ok", "/endless-headers");
        headers.route("/endless-headers", (s, out) -> {
            out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 100_000; i++) {
                out.write(("X-Filler-" + i + ": " + "y".repeat(100) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                Thread.sleep(i % 100 == 0 ? 20 : 0);
            }
        });
        HostileServer bigRobots = server("127.0.0.24", "/ok", "/private/secret");
        bigRobots.route("/robots.txt", (s, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 52428800\r\n\r\n"
                    + "User-agent: *\nDisallow: /private\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] comment = ("# " + "z".repeat(1021) + "\n").getBytes(StandardCharsets.ISO_8859_1);
            for (int n = 0; n < 50 * 1024; n++) {
                out.write(comment); // 50 MB of comments, until the client hangs up
            }
        });
        HostileServer junkRobots = server("127.0.0.25", "/ok");
        byte[] binary = new byte[4096];
        new Random(11).nextBytes(binary);
        junkRobots.route("/robots.txt", HostileServer.head(200, "Content-Type: text/plain\r\nContent-Length: "
                + binary.length + "\r\n", binary));

        List<String> seeds = new ArrayList<>();
        servers.forEach(s -> seeds.add(s.url("/")));
        seeds.add("https://127.0.0.20:" + faults.port() + "/tls"); // TLS to a plain-text port

        Settings settings = ConfigLoader.load(null, false, List.of(
                "fetch.allow-private-addresses=true", "politeness.min-delay=0s", "politeness.delay-factor=0",
                "politeness.backoff=300ms", "politeness.max-backoff=1s", "fetch.max-retries=1",
                "fetch.connect-timeout=1s", "fetch.read-timeout=1s", "fetch.fetch-timeout=2s",
                "fetch.max-body-size=1MB", "robots.retry-after=300ms", "fetch.threads=8")).settings();
        Path archive = tmp.resolve("archive");
        new CrawlRunner(archive, new PrintStream(new ByteArrayOutputStream())).run("hostile", seeds, settings);

        Path job;
        try (Stream<Path> s = Files.list(archive.resolve("hostile"))) {
            job = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        WarcCheck.readAll(job.resolve("warc")); // every record re-reads with its digests
        String pages = Files.readString(job.resolve("pages.jsonl"));
        for (HostileServer s : servers) {
            assertTrue(pages.contains("\"url\":\"" + s.url("/ok") + "\""), "the good page of each host: " + s.url("/ok"));
        }
        List<String> log = Files.readAllLines(job.resolve("crawl.log"));
        assertLogged(log, faults.url("/reset"), "reset");
        assertLogged(log, faults.url("/empty"), null);
        assertLogged(log, faults.url("/garbage"), null);
        assertLogged(log, faults.url("/badchunk"), null);
        assertLogged(log, faults.url("/close-after-n"), "truncated");
        assertLogged(log, faults.url("/huge-length"), "truncated-length");
        assertLogged(log, faults.url("/gzip-bomb"), "undecodable-content");
        assertLogged(log, faults.url("/redirect-loop"), null);
        assertLogged(log, dribble.url("/dribble"), "truncated-time");
        assertLogged(log, headers.url("/endless-headers"), null);
        assertLogged(log, "https://127.0.0.20:" + faults.port() + "/tls", "tls");
        assertLogged(log, bigRobots.url("/private/secret"), "robots-denied");
        assertTrue(log.stream().anyMatch(l -> l.contains(" " + faults.url("/wrong-type") + " ") && l.contains("image/png")));
        assertTrue(!pages.contains("/wrong-type"), "a body labelled image/png is archived but not read as a page");

        // retries are bounded (fetch.max-retries=1: at most 2 attempts) and spaced (politeness.backoff)
        for (String p : List.of("/reset", "/empty", "/garbage", "/badchunk")) {
            List<Long> at = faults.arrivals(p);
            assertTrue(at.size() >= 1 && at.size() <= 2, p + " attempts: " + at.size());
            if (at.size() == 2) {
                assertTrue(at.get(1) - at.get(0) >= 250_000_000L, p + " retried after the back-off");
            }
        }
        assertTrue(faults.count("/redirect-loop") <= 11, "a redirect loop is cut: " + faults.count("/redirect-loop"));
        long endless = faults.paths().stream().filter(p -> p.startsWith("/endless/")).count();
        assertTrue(endless <= UrlProcessor.MAX_REDIRECT_HOPS + 1, "endless redirects are cut: " + endless);
        assertTrue(faults.bytesSent("/huge-length") < 32L * 1024 * 1024, "10 GB not downloaded: "
                + faults.bytesSent("/huge-length"));
        assertTrue(bigRobots.bytesSent("/robots.txt") < 16L * 1024 * 1024, "a 50 MB robots.txt is not downloaded: "
                + bigRobots.bytesSent("/robots.txt"));
    }

    private static void assertLogged(List<String> log, String url, String reason) {
        List<String> lines = log.stream().filter(l -> l.split(" ")[3].equals(url)).toList();
        assertTrue(!lines.isEmpty(), "crawl.log has " + url + ":\n" + String.join("\n", log));
        for (String l : lines) {
            String[] c = l.split(" ");
            assertTrue(!c[1].equals("-"), "a status or error kind: " + l);
        }
        if (reason != null) {
            assertTrue(lines.stream().anyMatch(l -> l.contains(reason)), url + " logged with '" + reason + "': " + lines);
        }
    }
}
