package org.quire.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.Fault;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {

    private static WireMockServer server;
    private static HttpFetcher fetcher;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().dynamicHttpsPort()
                .gzipDisabled(true).useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.BODY_FILE));
        server.start();
        fetcher = new HttpFetcher(TestSettings.fetch(true));
    }

    @AfterAll
    static void stop() {
        fetcher.close();
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Test
    void recordsTheRequestHeadAsSentAndTheResponseAsReceived() {
        server.stubFor(get(urlEqualTo("/page?q=1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withHeader("X-Second", "b").withBody("<p>hello</p>")));

        FetchResult r = fetcher.fetch(url("/page?q=1"), List.of(new HttpHeader("If-None-Match", "\"abc\"")));

        assertNull(r.error(), r.errorMessage());
        assertEquals(200, r.status());
        assertEquals("OK", r.reason());
        assertEquals("HTTP/1.1", r.protocol());
        assertEquals("127.0.0.1", r.ipAddress());
        assertEquals("<p>hello</p>", new String(r.body(), StandardCharsets.UTF_8));
        assertNull(r.truncated());
        assertEquals("text/html", r.mimeType());

        String head = r.requestHead();
        assertTrue(head.startsWith("GET /page?q=1 HTTP/1.1\r\n"), head);
        assertTrue(head.endsWith("\r\n\r\n"), head);
        assertTrue(head.contains("\r\nHost: 127.0.0.1:" + server.port() + "\r\n"), head);
        assertTrue(head.contains("\r\nConnection: Keep-Alive\r\n"), head);
        assertTrue(head.contains("\r\nUser-Agent: " + TestSettings.USER_AGENT + "\r\n"), head);
        assertTrue(head.contains("\r\nAccept-Encoding: gzip, deflate, br, zstd\r\n"), head);
        assertTrue(head.contains("\r\nIf-None-Match: \"abc\"\r\n"), head);

        // The server saw what the head says was sent.
        server.verify(getRequestedFor(urlEqualTo("/page?q=1"))
                .withHeader("User-Agent", equalTo(TestSettings.USER_AGENT))
                .withHeader("Accept-Encoding", equalTo("gzip, deflate, br, zstd"))
                .withHeader("If-None-Match", equalTo("\"abc\"")));

        List<String> names = r.headers().stream().map(HttpHeader::name).toList();
        assertTrue(names.indexOf("Content-Type") < names.indexOf("X-Second"), names.toString());
    }

    @Test
    void keepsAGzipBodyEncodedAsReceived() throws IOException {
        byte[] plain = "<html>compressed page</html>".repeat(50).getBytes(StandardCharsets.UTF_8);
        byte[] gz = gzip(plain);
        server.stubFor(get(urlEqualTo("/gz")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Encoding", "gzip").withBody(gz)));

        FetchResult r = fetcher.fetch(url("/gz"), List.of());

        assertEquals(200, r.status());
        assertEquals("gzip", r.header("Content-Encoding"));
        assertArrayEquals(gz, r.body());
        assertEquals(String.valueOf(gz.length), r.header("Content-Length"));
    }

    @Test
    void dropsOnlyTheChunkedTransferEncodingHeader() throws Exception {
        String response = "HTTP/1.1 200 OK\r\nX-First: 1\r\nTransfer-Encoding: chunked\r\nx-lower: kept\r\n"
                + "Set-Cookie: a=1\r\nSet-Cookie: b=2\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
        try (RawServer raw = new RawServer(response.getBytes(StandardCharsets.ISO_8859_1))) {
            FetchResult r = fetcher.fetch(raw.url(), List.of());
            assertNull(r.error(), r.errorMessage());
            assertEquals("hello world", new String(r.body(), StandardCharsets.US_ASCII));
            assertEquals(List.of(new HttpHeader("X-First", "1"), new HttpHeader("x-lower", "kept"),
                    new HttpHeader("Set-Cookie", "a=1"), new HttpHeader("Set-Cookie", "b=2")), r.headers());
            assertNull(r.truncated());
        }
    }

    @Test
    void aBodyOfUnannouncedLengthArrivesWholePastTheFirstBuffer() throws Exception {
        // chunked, so no Content-Length suggests a size: the body buffer must grow as the bytes come
        String part = "0123456789abcdef".repeat(1500); // 24 000 bytes
        String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(part.length()) + "\r\n" + part + "\r\n"
                + Integer.toHexString(part.length()) + "\r\n" + part + "\r\n0\r\n\r\n";
        try (RawServer raw = new RawServer(response.getBytes(StandardCharsets.ISO_8859_1))) {
            FetchResult r = fetcher.fetch(raw.url(), List.of());
            assertNull(r.truncated());
            assertEquals(part + part, new String(r.body(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void cutsTheBodyAtTheSizeLimit() {
        byte[] big = new byte[200_000];
        Arrays.fill(big, (byte) 'x');
        server.stubFor(get(urlEqualTo("/big")).willReturn(aResponse().withStatus(200).withBody(big)));
        server.stubFor(get(urlEqualTo("/exact")).willReturn(aResponse().withStatus(200)
                .withBody(Arrays.copyOf(big, 1000))));
        try (HttpFetcher small = new HttpFetcher(TestSettings.fetch(true, Duration.ofSeconds(5), 1000))) {
            FetchResult r = small.fetch(url("/big"), List.of());
            assertEquals(200, r.status());
            assertEquals(1000, r.body().length);
            assertEquals("length", r.truncated());

            FetchResult exact = small.fetch(url("/exact"), List.of());
            assertEquals(1000, exact.body().length);
            assertNull(exact.truncated());
        }
    }

    @Test
    void cutsTheBodyAtTheFetchDeadline() {
        byte[] body = new byte[4000];
        Arrays.fill(body, (byte) 'y');
        server.stubFor(get(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withBody(body)
                .withChunkedDribbleDelay(20, 6000)));
        try (HttpFetcher f = new HttpFetcher(TestSettings.fetch(true, Duration.ofSeconds(1), 1_000_000))) {
            FetchResult r = f.fetch(url("/slow"), List.of());
            assertEquals(200, r.status());
            assertNull(r.error());
            assertEquals("time", r.truncated());
            assertTrue(r.body().length < body.length, "only part of the body: " + r.body().length);
        }
    }

    @Test
    void keepsWhatArrivedWhenTheConnectionDropsMidBody() throws Exception {
        String response = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + "z".repeat(100);
        try (RawServer raw = new RawServer(response.getBytes(StandardCharsets.ISO_8859_1))) {
            FetchResult r = fetcher.fetch(raw.url(), List.of());
            assertEquals(200, r.status());
            assertEquals("disconnect", r.truncated());
            assertEquals("z".repeat(100), new String(r.body(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aHugeContentLengthDoesNotReserveMemory() throws Exception {
        // Claims a terabyte; the fetcher must read incrementally (the test JVM has 1 GiB).
        String response = "HTTP/1.1 200 OK\r\nContent-Length: 1000000000000\r\n\r\n" + "a".repeat(3000);
        try (RawServer raw = new RawServer(response.getBytes(StandardCharsets.ISO_8859_1));
             HttpFetcher small = new HttpFetcher(TestSettings.fetch(true, Duration.ofSeconds(5), 2000))) {
            FetchResult r = small.fetch(raw.url(), List.of());
            assertEquals(200, r.status());
            assertEquals(2000, r.body().length);
            assertEquals("length", r.truncated());
            assertEquals("1000000000000", r.header("Content-Length"));
        }
    }

    @Test
    void mapsFailuresToErrorKinds() throws Exception {
        server.stubFor(get(urlEqualTo("/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        server.stubFor(get(urlEqualTo("/empty")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        server.stubFor(get(urlEqualTo("/garbage")).willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
        server.stubFor(get(urlEqualTo("/stall")).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));

        assertFailure(ErrorKind.RESET, fetcher.fetch(url("/reset"), List.of()));
        assertFailure(ErrorKind.RESET, fetcher.fetch(url("/empty"), List.of()));
        assertFailure(ErrorKind.PROTOCOL, fetcher.fetch(url("/garbage"), List.of()));
        try (HttpFetcher impatient = new HttpFetcher(
                TestSettings.fetch(true, Duration.ofMillis(300), Duration.ofSeconds(5), 1000))) {
            assertFailure(ErrorKind.TIMEOUT, impatient.fetch(url("/stall"), List.of()));
        }

        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        assertFailure(ErrorKind.CONNECT, fetcher.fetch(URI.create("http://127.0.0.1:" + closedPort + "/"), List.of()));

        // WireMock's self-signed certificate is not trusted.
        FetchResult tls = fetcher.fetch(URI.create("https://127.0.0.1:" + server.httpsPort() + "/"), List.of());
        assertFailure(ErrorKind.TLS, tls);

        try (RawServer raw = new RawServer("HTTP/1.1 abc nonsense\r\n\r\n".getBytes(StandardCharsets.US_ASCII))) {
            assertFailure(ErrorKind.PROTOCOL, fetcher.fetch(raw.url(), List.of()));
        }

        assertFailure(ErrorKind.BAD_URL, fetcher.fetch(URI.create("ftp://127.0.0.1/file"), List.of()));
        assertFailure(ErrorKind.BAD_URL, fetcher.fetch(URI.create("/relative"), List.of()));
    }

    @Test
    void unresolvableHostIsADnsError() {
        // A resolver that knows no names, so the test never queries real DNS.
        try (HttpFetcher f = new HttpFetcher(TestSettings.fetch(true), host -> {
            throw new java.net.UnknownHostException("no such host: " + host);
        })) {
            FetchResult r = f.fetch(URI.create("http://no-such-host.invalid/"), List.of());
            assertFailure(ErrorKind.DNS, r);
            assertTrue(r.errorMessage().contains("no-such-host.invalid"), r.errorMessage());
        }
    }

    @Test
    void refusesLoopbackByDefault() {
        server.stubFor(get(urlEqualTo("/secret")).willReturn(aResponse().withStatus(200).withBody("secret")));
        try (HttpFetcher strict = new HttpFetcher(TestSettings.fetch(false))) {
            FetchResult literal = strict.fetch(url("/secret"), List.of());
            assertFailure(ErrorKind.PRIVATE_ADDRESS, literal);
            assertTrue(literal.errorMessage().contains("127.0.0.1"), literal.errorMessage());

            FetchResult named = strict.fetch(URI.create("http://localhost:" + server.port() + "/secret"), List.of());
            assertFailure(ErrorKind.PRIVATE_ADDRESS, named);
            assertTrue(named.errorMessage().contains("localhost"), named.errorMessage());

            FetchResult v6 = strict.fetch(URI.create("http://[::1]:" + server.port() + "/secret"), List.of());
            assertFailure(ErrorKind.PRIVATE_ADDRESS, v6);
        }
        assertTrue(server.getAllServeEvents().isEmpty(), "no request reached the server");
    }

    @Test
    void doesNotFollowRedirects() {
        server.stubFor(get(urlEqualTo("/from")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", "/to")));
        FetchResult r = fetcher.fetch(url("/from"), List.of());
        assertEquals(301, r.status());
        assertTrue(r.isRedirect());
        assertEquals("/to", r.header("Location"));
        assertFalse(server.getAllServeEvents().stream().anyMatch(e -> e.getRequest().getUrl().equals("/to")));
    }

    private static void assertFailure(ErrorKind expected, FetchResult r) {
        assertEquals(expected, r.error(), () -> "got " + r.error() + ": " + r.errorMessage());
        assertEquals(0, r.status());
        assertTrue(r.errorMessage() != null && !r.errorMessage().isBlank() && !r.errorMessage().contains("\n"));
        assertFalse(r.hasResponse());
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
        }
        return bos.toByteArray();
    }

    /** A one-connection-at-a-time loopback server answering every request with fixed bytes, then closing. */
    static final class RawServer implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;

        RawServer(byte[] response) throws IOException {
            socket = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        readHead(s.getInputStream());
                        OutputStream out = s.getOutputStream();
                        out.write(response);
                        out.flush();
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "raw-server");
            thread.setDaemon(true);
            thread.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/raw");
        }

        private static void readHead(InputStream in) throws IOException {
            int state = 0;
            int c;
            while ((c = in.read()) != -1) {
                state = (c == '\r' && (state == 0 || state == 2)) ? state + 1
                        : (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
                if (state == 4) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
