package org.quire.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Asks the bench web for its pages over plain keep-alive connections before the first measured run, so that the
 * web's own code is compiled by then: otherwise the first crawler run (always quire's) shares the two cores with
 * the web's JIT warm-up, which later runs and wget do not pay for (its CPU per page was 0.14-0.15 ms in first
 * runs against 0.07 in later ones). The web's counters are reset by each run, so none of this is counted.
 */
final class WebWarmUp {

    private WebWarmUp() {
    }

    /**
     * Requests up to {@code pagesPerHost} pages of every host, one connection per host, pipelining nothing.
     *
     * @return the responses read
     */
    static int run(BenchWeb web, int pagesPerHost) throws IOException {
        int n = Math.min(pagesPerHost, web.layout().pagesPerHost());
        int read = 0;
        List<String> seeds = web.seeds();
        for (String seed : seeds) {
            URI base = URI.create(seed);
            try (Socket s = new Socket(base.getHost(), base.getPort())) {
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                InputStream in = new BufferedInputStream(s.getInputStream());
                for (int p = 0; p < n; p++) {
                    out.write(("GET " + NewsPages.path(p) + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    readResponse(in);
                    read++;
                }
            }
        }
        return read;
    }

    /** Reads one response (head, then Content-Length bytes of body). */
    private static void readResponse(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        long length = -1;
        boolean firstLine = true;
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("the bench web closed the connection mid-response");
            }
            if (c != '\n') {
                if (c != '\r') {
                    line.append((char) c);
                }
                continue;
            }
            if (line.length() == 0) {
                break; // end of the head
            }
            String h = line.toString().toLowerCase(Locale.ROOT);
            if (firstLine && !h.startsWith("http/1.1 200")) {
                throw new IOException("the bench web answered " + line + " while warming up");
            }
            firstLine = false;
            if (h.startsWith("content-length:")) {
                length = Long.parseLong(h.substring("content-length:".length()).trim());
            }
            line.setLength(0);
        }
        if (length < 0) {
            throw new IOException("the bench web sent no Content-Length while warming up");
        }
        in.skipNBytes(length);
    }
}
