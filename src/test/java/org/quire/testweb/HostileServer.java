package org.quire.testweb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw-socket HTTP server on one loopback address whose paths misbehave on purpose, at the byte level where
 * a normal server cannot: connection resets, empty replies, garbage, broken chunking, dribbling bodies, header
 * blocks that never end, lying Content-Length, early closes. Each request is answered on its own thread with
 * {@code Connection: close}. Records every request path and counts the bytes it sent per path.
 */
public final class HostileServer implements AutoCloseable {

    /** Writes a whole exchange's answer on the socket. */
    @FunctionalInterface
    public interface Behaviour {
        void answer(Socket s, OutputStream out) throws Exception;
    }

    private final ServerSocket server;
    private final Map<String, Behaviour> routes = new ConcurrentHashMap<>();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<long[]> times = new CopyOnWriteArrayList<>();
    private final List<String> timedPaths = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> sent = new ConcurrentHashMap<>();
    private final Thread acceptor;
    private volatile boolean closed;

    private HostileServer(ServerSocket server) {
        this.server = server;
        acceptor = new Thread(this::acceptLoop, "hostile-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static HostileServer start(String address) throws IOException {
        return new HostileServer(new ServerSocket(0, 50, InetAddress.getByName(address)));
    }

    public HostileServer route(String path, Behaviour b) {
        routes.put(path, b);
        return this;
    }

    public String url(String path) {
        return "http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort() + path;
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<String> paths() {
        return List.copyOf(seen);
    }

    public long count(String path) {
        return seen.stream().filter(path::equals).count();
    }

    /** When each request of this path arrived (System.nanoTime), in order. */
    public synchronized List<Long> arrivals(String path) {
        List<Long> out = new java.util.ArrayList<>();
        for (int i = 0; i < timedPaths.size(); i++) {
            if (timedPaths.get(i).equals(path)) {
                out.add(times.get(i)[0]);
            }
        }
        return out;
    }

    /** Bytes written to the socket for requests of this path, over all of them. */
    public long bytesSent(String path) {
        AtomicLong n = sent.get(path);
        return n == null ? 0 : n.get();
    }

    // --- ready-made answers ---

    public static Behaviour html(String html) {
        return raw("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                + html.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + html);
    }

    public static Behaviour raw(String bytes) {
        return (s, out) -> out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static Behaviour head(int status, String headers, byte[] body) {
        return (s, out) -> {
            out.write(("HTTP/1.1 " + status + " X\r\n" + headers + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
        };
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> handle(s), "hostile-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket s) {
        String path = "?";
        try (s) {
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            String head = readHead(in);
            String requestLine = head.lines().findFirst().orElse("");
            String[] parts = requestLine.split(" ");
            path = parts.length > 1 ? parts[1] : "?";
            seen.add(path);
            synchronized (this) {
                timedPaths.add(path);
                times.add(new long[]{System.nanoTime()});
            }
            Behaviour b = routes.get(path);
            AtomicLong counter = sent.computeIfAbsent(path, k -> new AtomicLong());
            OutputStream out = new CountingStream(s.getOutputStream(), counter);
            if (b == null) {
                raw("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").answer(s, out);
            } else {
                b.answer(s, out);
            }
            out.flush();
        } catch (Exception e) {
            // the client went away, or the behaviour ended the connection: both are the point
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4 && b.size() < 65536) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            b.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3))
                    ? state + 1 : 0;
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        private final AtomicLong counter;

        CountingStream(OutputStream out, AtomicLong counter) {
            this.out = out;
            this.counter = counter;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            counter.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            counter.addAndGet(len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
