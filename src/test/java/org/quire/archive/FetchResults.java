package org.quire.archive;

import org.quire.fetch.FetchResult;
import org.quire.fetch.HttpHeader;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Hand-built fetch results for archive tests. */
final class FetchResults {

    static final Instant T0 = Instant.parse("2026-11-20T10:15:30.123Z");

    private FetchResults() {
    }

    static String requestHead(URI url) {
        return "GET " + url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery())
                + " HTTP/1.1\r\nHost: " + url.getAuthority() + "\r\nUser-Agent: quire-test/1.0\r\n"
                + "Accept-Encoding: gzip\r\n\r\n";
    }

    static FetchResult ok(String url, String contentType, byte[] body, List<HttpHeader> extraHeaders,
                          String truncated) {
        URI u = URI.create(url);
        List<HttpHeader> headers = new java.util.ArrayList<>();
        headers.add(new HttpHeader("Content-Type", contentType));
        headers.addAll(extraHeaders);
        return new FetchResult(u, T0, Duration.ofMillis(42), "127.0.0.1", requestHead(u), 200, "OK", "HTTP/1.1",
                headers, body, truncated, null, null);
    }

    static FetchResult html(String url, String html) {
        return ok(url, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), List.of(), null);
    }
}
