package org.quire.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bench web: many hosts on distinct loopback addresses (127.0.1.1, 127.0.1.2, ...; all on one port), each
 * serving {@link NewsPages} (all rendered into memory when the web starts, unless the web is larger than 256 MB: then
 * each is generated when asked for) and a robots.txt that disallows {@code /private/} and, on hosts given a
 * Crawl-delay, asks for it. Every request's arrival time is recorded per host, and a request that arrives while
 * another to the same host is being answered is counted as an overlap (see {@link PolitenessAudit}).
 */
public final class BenchWeb implements AutoCloseable {

    /** Layout of the web: host count, pages per host, page size, and which hosts ask for a Crawl-delay. */
    public record Layout(int hosts, int pagesPerHost, int pageBytes, Duration minDelay, Duration crawlDelay,
                         int crawlDelayEvery) {
        /** The delay a polite crawler must keep on host {@code i} (0-based). */
        public Duration delayOf(int i) {
            boolean cd = crawlDelayEvery > 0 && !crawlDelay.isZero() && i % crawlDelayEvery == crawlDelayEvery - 1;
            return cd && crawlDelay.compareTo(minDelay) > 0 ? crawlDelay : minDelay;
        }

        boolean hasCrawlDelay(int i) {
            return crawlDelayEvery > 0 && !crawlDelay.isZero() && i % crawlDelayEvery == crawlDelayEvery - 1;
        }
    }

    private final class Host {
        final int index;
        final String address;
        final long delayNanos;
        final byte[][] pages;
        final byte[] robots;
        final List<Long> arrivals = new ArrayList<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();
        HttpServer server;

        Host(int index, String address) {
            this.index = index;
            this.address = address;
            this.delayNanos = layout.delayOf(index).toNanos();
            this.pages = new byte[cachePages ? layout.pagesPerHost() : 0][];
            String r = "User-agent: *\nDisallow: /private/\n"
                    + (layout.hasCrawlDelay(index) ? "Crawl-delay: " + layout.crawlDelay().toSeconds() + "\n" : "");
            this.robots = r.getBytes(StandardCharsets.US_ASCII);
        }

        synchronized byte[] page(int n) {
            if (cachePages && pages[n] != null) {
                return pages[n];
            }
            int other = (index + 1) % layout.hosts();
            byte[] html = newsPages.page(index, n, other == index ? null : baseUrl(other));
            if (cachePages) {
                pages[n] = html;
            }
            return html;
        }
    }

    /** Pages are kept in memory after their first request unless the whole web is larger than this. */
    static final long MAX_CACHED_BYTES = 256L << 20;

    private final Layout layout;
    private final NewsPages newsPages;
    private final boolean cachePages;
    private final List<Host> hosts = new ArrayList<>();
    private final ExecutorService pool;
    private final AtomicLong pagesServed = new AtomicLong();
    private final AtomicLong bytesServed = new AtomicLong();
    private final AtomicLong otherServed = new AtomicLong();
    private final AtomicLong firstArrival = new AtomicLong(Long.MAX_VALUE);
    private int port;

    private BenchWeb(Layout layout, int serverThreads) {
        this.layout = layout;
        this.newsPages = new NewsPages(layout.pagesPerHost(), layout.pageBytes());
        this.cachePages = (long) layout.hosts() * layout.pagesPerHost() * layout.pageBytes() <= MAX_CACHED_BYTES;
        this.pool = Executors.newFixedThreadPool(serverThreads, r -> {
            Thread t = new Thread(r, "bench-web");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the web: binds every host's address on one free port. */
    public static BenchWeb start(Layout layout, int serverThreads) throws IOException {
        // Without TCP_NODELAY the split last byte below would wait for the client's delayed ACK (~40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        BenchWeb web = new BenchWeb(layout, serverThreads);
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                web.bindAll();
                web.renderAll();
                return web;
            } catch (BindException e) {
                last = e;
                web.stopServers();
            }
        }
        web.close();
        throw last;
    }

    private void bindAll() throws IOException {
        hosts.clear();
        port = 0;
        for (int i = 0; i < layout.hosts(); i++) {
            Host h = new Host(i, address(i));
            h.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(h.address), port), 256);
            hosts.add(h);
            if (port == 0) {
                port = h.server.getAddress().getPort();
            }
            h.server.createContext("/", ex -> handle(h, ex));
            h.server.setExecutor(pool);
        }
        hosts.forEach(h -> h.server.start());
    }

    /**
     * Renders every page before any crawler runs, when the web is kept in memory: otherwise the first run's crawler
     * would share the CPU with page generation that later runs (and wget, which runs after it) do not pay for.
     */
    private void renderAll() {
        if (!cachePages) {
            return;
        }
        for (Host h : hosts) {
            for (int n = 0; n < layout.pagesPerHost(); n++) {
                h.page(n);
            }
        }
    }

    /** Host {@code i}'s address: 127.0.1.1, ..., 127.0.1.254, 127.0.2.1, ... */
    static String address(int i) {
        return "127.0." + (1 + i / 254) + "." + (1 + i % 254);
    }

    public String baseUrl(int host) {
        return "http://" + address(host) + ":" + port + "/";
    }

    /** One seed per host: its front page. */
    public List<String> seeds() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < layout.hosts(); i++) {
            out.add(baseUrl(i));
        }
        return out;
    }

    /** The host addresses (for wget's --domains). */
    public List<String> addresses() {
        return hosts.stream().map(h -> h.address).toList();
    }

    public Layout layout() {
        return layout;
    }

    /** Forgets every recorded request and counter (between runs). */
    public void reset() {
        for (Host h : hosts) {
            synchronized (h.arrivals) {
                h.arrivals.clear();
            }
            h.overlaps.set(0);
        }
        pagesServed.set(0);
        bytesServed.set(0);
        otherServed.set(0);
        firstArrival.set(Long.MAX_VALUE);
    }

    /** {@link System#nanoTime()} of the first request since the last reset, or Long.MAX_VALUE. */
    public long firstArrivalNanos() {
        return firstArrival.get();
    }

    /** HTML pages (status 200, robots.txt not counted) served since the last reset. */
    public long pagesServed() {
        return pagesServed.get();
    }

    /** Body bytes of those pages. */
    public long bytesServed() {
        return bytesServed.get();
    }

    /** Other requests (robots.txt, 404s) since the last reset. */
    public long otherServed() {
        return otherServed.get();
    }

    /** Every host's request times since the last reset. */
    public List<PolitenessAudit.HostTimes> hostTimes() {
        List<PolitenessAudit.HostTimes> out = new ArrayList<>();
        for (Host h : hosts) {
            synchronized (h.arrivals) {
                out.add(new PolitenessAudit.HostTimes(h.address, h.delayNanos, h.arrivals, h.overlaps.get()));
            }
        }
        return out;
    }

    private void handle(Host h, HttpExchange ex) throws IOException {
        long arrival = System.nanoTime();
        firstArrival.accumulateAndGet(arrival, Math::min);
        if (h.inFlight.incrementAndGet() > 1) {
            h.overlaps.incrementAndGet();
        }
        synchronized (h.arrivals) {
            h.arrivals.add(arrival);
        }
        boolean released = false;
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            int n = newsPages.pageNumber(path);
            byte[] body;
            int status;
            String type;
            if (n >= 0) {
                body = h.page(n);
                status = 200;
                type = "text/html; charset=utf-8";
                pagesServed.incrementAndGet();
                bytesServed.addAndGet(body.length);
            } else if (path.equals("/robots.txt")) {
                body = h.robots;
                status = 200;
                type = "text/plain";
                otherServed.incrementAndGet();
            } else {
                body = "<html><body><h1>Not found</h1></body></html>".getBytes(StandardCharsets.US_ASCII);
                status = 404;
                type = "text/html";
                otherServed.incrementAndGet();
            }
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(status, body.length);
            OutputStream os = ex.getResponseBody();
            // The last byte goes out only after the request is no longer counted in flight: the client cannot
            // have the whole response (and start its next request) before that.
            os.write(body, 0, body.length - 1);
            h.inFlight.decrementAndGet();
            released = true;
            os.write(body, body.length - 1, 1);
            os.close();
        } finally {
            if (!released) {
                h.inFlight.decrementAndGet();
            }
        }
    }

    private void stopServers() {
        for (Host h : hosts) {
            if (h.server != null) {
                h.server.stop(0);
            }
        }
    }

    @Override
    public void close() {
        stopServers();
        pool.shutdownNow();
    }
}
