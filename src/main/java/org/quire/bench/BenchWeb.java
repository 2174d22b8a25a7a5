package org.quire.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bench web: many hosts on distinct loopback addresses (127.0.1.1, 127.0.1.2, ...; all on one port), each
 * serving {@link NewsPages} (all rendered into memory, status line and headers included, when the web starts, unless
 * the web is larger than 256 MB: then each is generated when asked for) and a robots.txt that disallows
 * {@code /private/} and, on hosts given a Crawl-delay, asks for it. Every request's arrival time is recorded per host,
 * and a request that arrives while another to the same host is being answered (on another connection, or pipelined
 * behind it on the same one) is counted as an overlap (see {@link PolitenessAudit}).
 *
 * <p>The server is a minimal HTTP/1.1 one (GET and HEAD, keep-alive, one thread per connection, each response one
 * prepared byte array): a benchmark's web should cost as little CPU as it can, since it shares the machine with the
 * crawler under test. {@link #cpuNanos()} says what it did cost.
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

    private static final byte[] NOT_FOUND = response(404, "Not Found", "text/html",
            "<html><body><h1>Not found</h1></body></html>".getBytes(StandardCharsets.US_ASCII));
    private static final byte[] BAD_REQUEST = response(400, "Bad Request", "text/plain",
            "bad request\n".getBytes(StandardCharsets.US_ASCII));

    /** Longest request head read; a longer one is answered 400 and the connection closed. */
    static final int MAX_HEAD_BYTES = 16 * 1024;

    private final class Host {
        final int index;
        final String address;
        final long delayNanos;
        final byte[][] pages;
        final byte[] robots;
        final List<Long> arrivals = new ArrayList<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();
        ServerSocket server;

        Host(int index, String address) {
            this.index = index;
            this.address = address;
            this.delayNanos = layout.delayOf(index).toNanos();
            this.pages = new byte[cachePages ? layout.pagesPerHost() : 0][];
            String r = "User-agent: *\nDisallow: /private/\n"
                    + (layout.hasCrawlDelay(index) ? "Crawl-delay: " + layout.crawlDelay().toSeconds() + "\n" : "");
            this.robots = response(200, "OK", "text/plain", r.getBytes(StandardCharsets.US_ASCII));
        }

        /** Page {@code n}'s whole response: status line, headers and body. */
        synchronized byte[] page(int n) {
            if (cachePages && pages[n] != null) {
                return pages[n];
            }
            int other = (index + 1) % layout.hosts();
            byte[] html = newsPages.page(index, n, other == index ? null : baseUrl(other));
            byte[] whole = response(200, "OK", "text/html; charset=utf-8", html);
            if (cachePages) {
                pages[n] = whole;
            }
            return whole;
        }
    }

    /** Pages are kept in memory after their first request unless the whole web is larger than this. */
    static final long MAX_CACHED_BYTES = 256L << 20;

    private final Layout layout;
    private final NewsPages newsPages;
    private final boolean cachePages;
    private final List<Host> hosts = new ArrayList<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong pagesServed = new AtomicLong();
    private final AtomicLong bytesServed = new AtomicLong();
    private final AtomicLong otherServed = new AtomicLong();
    private final AtomicLong firstArrival = new AtomicLong(Long.MAX_VALUE);
    private volatile boolean closed;
    private int port;

    private BenchWeb(Layout layout) {
        this.layout = layout;
        this.newsPages = new NewsPages(layout.pagesPerHost(), layout.pageBytes());
        this.cachePages = (long) layout.hosts() * layout.pagesPerHost() * layout.pageBytes() <= MAX_CACHED_BYTES;
    }

    /** Starts the web: binds every host's address on one free port. */
    public static BenchWeb start(Layout layout) throws IOException {
        BenchWeb web = new BenchWeb(layout);
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                web.bindAll();
                web.renderAll();
                web.acceptAll();
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
            h.server = new ServerSocket();
            hosts.add(h);
            h.server.bind(new InetSocketAddress(InetAddress.getByName(h.address), port), 256);
            if (port == 0) {
                port = h.server.getLocalPort();
            }
        }
    }

    private void acceptAll() {
        for (Host h : hosts) {
            daemon("bench-web-accept-" + h.index, () -> accept(h)).start();
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    private void accept(Host h) {
        while (!closed) {
            Socket s;
            try {
                s = h.server.accept();
            } catch (IOException e) {
                return;  // closed
            }
            connections.add(s);
            if (closed) {  // close() may have gone through the connections before this one was added
                connections.remove(s);
                try {
                    s.close();
                } catch (IOException e) {
                    // closing anyway
                }
                return;
            }
            daemon("bench-web-" + h.index, () -> serve(h, s)).start();
        }
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

    /** Other requests (robots.txt, 404s, HEAD requests) since the last reset. */
    public long otherServed() {
        return otherServed.get();
    }

    /**
     * CPU time (user + system) this JVM has used so far, or -1 where the platform does not say: the bench web is
     * nearly all this JVM does while a crawler runs, so the difference over a run is what serving it cost.
     */
    public static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
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

    /** Answers the requests of one connection until the client closes it (or asks to). */
    private void serve(Host h, Socket s) {
        try (s) {
            s.setTcpNoDelay(true);  // else the split last byte below waits for the client's delayed ACK (~40 ms)
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            RequestHeadReader reader = new RequestHeadReader(in, MAX_HEAD_BYTES);
            RequestHeadReader.Head head;
            while ((head = reader.next()) != null) {
                if (head.malformed()) {
                    out.write(BAD_REQUEST);
                    return;
                }
                answer(h, head, reader, out);
                if (!head.keepAlive()) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away (or the web is closing): nothing to answer
        } finally {
            connections.remove(s);
        }
    }

    private void answer(Host h, RequestHeadReader.Head head, RequestHeadReader reader, OutputStream out)
            throws IOException {
        long arrival = System.nanoTime();
        firstArrival.accumulateAndGet(arrival, Math::min);
        if (h.inFlight.incrementAndGet() > 1) {
            h.overlaps.incrementAndGet();
        }
        synchronized (h.arrivals) {
            h.arrivals.add(arrival);
        }
        boolean released = false;
        try {
            String path = head.path();
            int n = newsPages.pageNumber(path);
            byte[] whole;
            if (n >= 0) {
                whole = h.page(n);
                if (head.isHead()) {
                    otherServed.incrementAndGet();
                } else {
                    pagesServed.incrementAndGet();
                    bytesServed.addAndGet(whole.length - headLength(whole));
                }
            } else if (path.equals("/robots.txt")) {
                whole = h.robots;
                otherServed.incrementAndGet();
            } else {
                whole = NOT_FOUND;
                otherServed.incrementAndGet();
            }
            int length = head.isHead() ? headLength(whole) : whole.length;
            // The last byte goes out only after the request is no longer counted in flight: the client cannot
            // have the whole response (and start its next request) before that.
            out.write(whole, 0, length - 1);
            if (reader.hasMoreInput()) {
                h.overlaps.incrementAndGet();  // a pipelined request came in while this one was being answered
            }
            h.inFlight.decrementAndGet();
            released = true;
            out.write(whole, length - 1, 1);
        } finally {
            if (!released) {
                h.inFlight.decrementAndGet();
            }
        }
    }

    /** A whole response: status line, Content-Type, Content-Length, the blank line, the body. */
    static byte[] response(int status, String reason, String type, byte[] body) {
        byte[] head = ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + type + "\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] whole = new byte[head.length + body.length];
        System.arraycopy(head, 0, whole, 0, head.length);
        System.arraycopy(body, 0, whole, head.length, body.length);
        return whole;
    }

    /** Length of the status line and headers (up to and including the blank line) of a {@link #response}. */
    static int headLength(byte[] whole) {
        for (int i = 3; i < whole.length; i++) {
            if (whole[i] == '\n' && whole[i - 1] == '\r' && whole[i - 2] == '\n' && whole[i - 3] == '\r') {
                return i + 1;
            }
        }
        return whole.length;
    }

    private void stopServers() {
        for (Host h : hosts) {
            if (h.server != null) {
                try {
                    h.server.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        stopServers();
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
