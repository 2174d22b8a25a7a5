package org.quire.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RobotsFetcherTest {

    private static WireMockServer origin;
    private static WireMockServer other;
    private static HttpFetcher http;
    private static RobotsFetcher robots;

    @BeforeAll
    static void start() {
        origin = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().gzipDisabled(true));
        other = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().gzipDisabled(true));
        origin.start();
        other.start();
        http = new HttpFetcher(TestSettings.fetch(true));
        robots = new RobotsFetcher(http, TestSettings.fetch(true), TestSettings.robots());
    }

    @AfterAll
    static void stop() {
        http.close();
        origin.stop();
        other.stop();
    }

    @BeforeEach
    void reset() {
        origin.resetAll();
        other.resetAll();
    }

    private static URI page(String path) {
        return URI.create("http://127.0.0.1:" + origin.port() + path);
    }

    @Test
    void parsesA200RobotsTxtOfTheOrigin() {
        origin.stubFor(get(urlEqualTo("/robots.txt")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain")
                .withBody("User-agent: *\nDisallow: /private/\nCrawl-delay: 2\n")));

        RobotsOutcome out = robots.fetch(page("/some/page?x=1"));

        assertEquals(page("/robots.txt"), out.robotsUrl());
        assertEquals(1, out.hops().size());
        assertEquals(200, out.last().status());
        assertTrue(out.rules().isAllowed(page("/public")));
        assertFalse(out.rules().isAllowed(page("/private/secret")));
        assertEquals(Duration.ofSeconds(2), out.rules().crawlDelay());
        assertFalse(out.rules().isTemporaryDisallowAll());
    }

    @Test
    void decodesAGzippedRobotsTxt() throws Exception {
        byte[] gz = ContentDecoderTest.gzip("User-agent: quire\nDisallow: /no\n".getBytes(StandardCharsets.UTF_8));
        origin.stubFor(get(urlEqualTo("/robots.txt")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Encoding", "gzip").withBody(gz)));
        RobotsOutcome out = robots.fetch(page("/"));
        assertFalse(out.rules().isAllowed(page("/no/x")));
        assertTrue(out.rules().isAllowed(page("/yes")));
    }

    @Test
    void clientErrorsMeanAllowAll() {
        for (int status : new int[] {404, 401, 403, 410}) {
            origin.stubFor(get(urlEqualTo("/robots.txt")).willReturn(aResponse().withStatus(status)));
            RobotsOutcome out = robots.fetch(page("/"));
            assertTrue(out.rules().isAllowed(page("/anything")), "status " + status);
            assertFalse(out.rules().isTemporaryDisallowAll());
        }
    }

    @Test
    void serverErrorsAndOverloadMeanTemporaryDisallowAll() {
        for (int status : new int[] {503, 500, 429}) {
            origin.stubFor(get(urlEqualTo("/robots.txt")).willReturn(aResponse().withStatus(status)));
            RobotsOutcome out = robots.fetch(page("/"));
            assertFalse(out.rules().isAllowed(page("/anything")), "status " + status);
            assertTrue(out.rules().isTemporaryDisallowAll(), "status " + status);
            assertEquals(status, out.last().status());
        }
    }

    @Test
    void networkFailuresMeanTemporaryDisallowAll() throws Exception {
        origin.stubFor(get(urlEqualTo("/robots.txt")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        RobotsOutcome reset = robots.fetch(page("/"));
        assertTrue(reset.rules().isTemporaryDisallowAll());
        assertEquals(ErrorKind.RESET, reset.last().error());

        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        RobotsOutcome refused = robots.fetch(URI.create("http://127.0.0.1:" + closedPort + "/page"));
        assertTrue(refused.rules().isTemporaryDisallowAll());
        assertEquals(ErrorKind.CONNECT, refused.last().error());
    }

    @Test
    void followsRedirectsToAnotherOriginAndReturnsEveryHop() {
        String target = "http://127.0.0.1:" + other.port() + "/robots-real.txt";
        origin.stubFor(get(urlEqualTo("/robots.txt")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", "/robots-moved.txt")));
        origin.stubFor(get(urlEqualTo("/robots-moved.txt")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", target)));
        other.stubFor(get(urlEqualTo("/robots-real.txt")).willReturn(aResponse().withStatus(200)
                .withBody("User-agent: *\nDisallow: /blocked\n")));

        RobotsOutcome out = robots.fetch(page("/"));

        assertEquals(3, out.hops().size());
        assertEquals(301, out.hops().get(0).status());
        assertEquals(page("/robots-moved.txt"), out.hops().get(1).url());
        assertEquals(URI.create(target), out.hops().get(2).url());
        assertEquals(200, out.last().status());
        assertFalse(out.rules().isAllowed(page("/blocked/x")));
        assertTrue(out.rules().isAllowed(page("/open")));
    }

    @Test
    void moreThanFiveRedirectsMeansAllowAll() {
        origin.stubFor(get(urlEqualTo("/robots.txt")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/r1")));
        for (int i = 1; i <= 10; i++) {
            origin.stubFor(get(urlEqualTo("/r" + i)).willReturn(aResponse().withStatus(302)
                    .withHeader("Location", "/r" + (i + 1))));
        }
        RobotsOutcome out = robots.fetch(page("/"));
        assertEquals(1 + RobotsFetcher.MAX_REDIRECTS, out.hops().size());
        assertTrue(out.rules().isAllowed(page("/anything")));
        assertFalse(out.rules().isTemporaryDisallowAll());
        assertNull(out.last().error());

        // Exactly five redirects are still followed.
        origin.stubFor(get(urlEqualTo("/r5")).willReturn(aResponse().withStatus(200)
                .withBody("User-agent: *\nDisallow: /\n")));
        RobotsOutcome five = robots.fetch(page("/"));
        assertEquals(6, five.hops().size());
        assertFalse(five.rules().isAllowed(page("/anything")));
    }
}
