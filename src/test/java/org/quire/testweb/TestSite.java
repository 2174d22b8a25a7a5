package org.quire.testweb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny web site on one loopback address for crawl tests: fixed responses per path, and a record of every
 * request it saw (path, start and end times, headers, how many were in flight at once). Bind several on
 * 127.0.0.2, 127.0.0.3, ... to get distinct hosts.
 */
public final class TestSite implements AutoCloseable {

    /** A canned response. */
    public record Response(int status, Map<String, String> headers, byte[] body, long delayMillis) {
        public static Response html(String html) {
            return new Response(200, Map.of("Content-Type", "text/html; charset=utf-8"),
                    html.getBytes(StandardCharsets.UTF_8), 0);
        }

        public static Response text(int status, String text) {
            return new Response(status, Map.of("Content-Type", "text/plain"), text.getBytes(StandardCharsets.UTF_8), 0);
        }

        public static Response redirect(int status, String location) {
            return new Response(status, Map.of("Location", location, "Content-Type", "text/html"), new byte[0], 0);
        }

        public Response delayed(long millis) {
            return new Response(status, headers, body, millis);
        }

        /** This response with one more header (e.g. an ETag, to be answered with 304 when it matches). */
        public Response withHeader(String name, String value) {
            Map<String, String> h = new java.util.LinkedHashMap<>(headers);
            h.put(name, value);
            return new Response(status, h, body, delayMillis);
        }
    }

    /** One request as the server saw it: {@code endNanos} is when it began to send its response. */
    public record Seen(String path, long startNanos, long endNanos, String userAgent, int inFlightAtStart) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final Map<String, Response> routes = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile int maxInFlight;
    private final List<String> notModified = new CopyOnWriteArrayList<>();

    private TestSite(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    public static TestSite start(String address) throws IOException {
        return new TestSite(HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 64));
    }

    public TestSite route(String pathAndQuery, Response r) {
        routes.put(pathAndQuery, r);
        return this;
    }

    public String url(String path) {
        InetSocketAddress a = server.getAddress();
        return "http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + path;
    }

    public List<Seen> requests() {
        return new ArrayList<>(seen);
    }

    public List<String> paths() {
        return seen.stream().map(Seen::path).toList();
    }

    /**
     * The paths answered with 304 Not Modified: a route whose headers carry an {@code ETag} answers a request
     * whose If-None-Match names that tag with a bodiless 304 (with the ETag).
     */
    public List<String> notModifiedPaths() {
        return new ArrayList<>(notModified);
    }

    /** The most requests this site ever had in flight at once. */
    public int maxInFlight() {
        return maxInFlight;
    }

    private void handle(HttpExchange ex) throws IOException {
        long start = System.nanoTime();
        long responding = start;
        int now = inFlight.incrementAndGet();
        synchronized (this) {
            maxInFlight = Math.max(maxInFlight, now);
        }
        String key = ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        try (ex) {
            Response r = routes.get(key);
            if (r == null) {
                r = new Response(404, Map.of("Content-Type", "text/html"), "<h1>not found</h1>".getBytes(), 0);
            }
            if (r.delayMillis() > 0) {
                Thread.sleep(r.delayMillis());
            }
            String etag = r.headers().get("ETag");
            if (etag != null && etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.add(key);
                r = new Response(304, Map.of("ETag", etag), new byte[0], 0);
            }
            r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            // The client cannot have its response before this moment, so gaps measured from here to the next
            // request's start are never longer than the gap the crawler really left (a thread descheduled
            // after writing must not make a polite crawler look impolite).
            responding = System.nanoTime();
            ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
            if (r.body().length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(r.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
            seen.add(new Seen(key, start, responding, ex.getRequestHeaders().getFirst("User-Agent"), now));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
