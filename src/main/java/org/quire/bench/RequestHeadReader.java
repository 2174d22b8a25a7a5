package org.quire.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads HTTP/1.x request heads, one after another, from a connection's input (for {@link BenchWeb}): the request
 * line's method and path (query and fragment cut off) and whether the connection stays open afterwards. Bytes read
 * past one head (a pipelined next request) are kept for the next call. Request bodies are not expected (the bench web
 * answers GET and HEAD only); a head with one, a head longer than the limit or one that is not HTTP/1.x is malformed.
 * Not thread-safe: one reader per connection.
 */
final class RequestHeadReader {

    /** One request head; {@code malformed} ones carry nothing else. */
    record Head(String method, String path, boolean keepAlive, boolean malformed) {
        boolean isHead() {
            return "HEAD".equals(method);
        }

        static final Head MALFORMED = new Head("", "", false, true);
    }

    private final InputStream in;
    private final int maxHeadBytes;
    private byte[] buf = new byte[4096];
    private int start;
    private int end;

    RequestHeadReader(InputStream in, int maxHeadBytes) {
        this.in = in;
        this.maxHeadBytes = maxHeadBytes;
    }

    /** The next request head, or null when the client closed the connection between requests. */
    Head next() throws IOException {
        while (true) {  // empty lines before a request line are ignored (RFC 9112, section 2.2)
            while (start < end && (buf[start] == '\r' || buf[start] == '\n')) {
                start++;
            }
            if (start < end) {
                break;
            }
            if (!fill()) {
                return null;
            }
        }
        int scanned = 0;  // bytes after start already searched for the blank line (the buffer may move under them)
        while (true) {
            int blank = blankLine(start + Math.max(0, scanned - 3));
            if (blank >= 0) {
                Head head = parse(start, blank);
                start = blank;
                return head;
            }
            scanned = end - start;
            if (scanned >= maxHeadBytes) {
                return Head.MALFORMED;
            }
            if (!fill()) {
                return end == start ? null : Head.MALFORMED;
            }
        }
    }

    /** Whether bytes of a further request have arrived (read already, or waiting in the socket). */
    boolean hasMoreInput() throws IOException {
        for (int i = start; i < end; i++) {
            if (buf[i] != '\r' && buf[i] != '\n') {
                return true;
            }
        }
        return in.available() > 0;
    }

    /** Index just past the first CRLF CRLF (or LF LF) at or after {@code from}, or -1. */
    private int blankLine(int from) {
        for (int i = Math.max(from, start + 1); i < end; i++) {
            if (buf[i] == '\n' && (buf[i - 1] == '\n' || (i - start >= 3 && buf[i - 1] == '\r'
                    && buf[i - 2] == '\n' && buf[i - 3] == '\r'))) {
                return i + 1;
            }
        }
        return -1;
    }

    private boolean fill() throws IOException {
        if (start > 0 && start == end) {
            start = end = 0;
        }
        if (end == buf.length) {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            } else {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            return false;
        }
        end += n;
        return true;
    }

    private Head parse(int from, int to) {
        String text = new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r?\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            return Head.MALFORMED;
        }
        String method = requestLine[0];
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Head.MALFORMED;
        }
        boolean keepAlive = !requestLine[2].equals("HTTP/1.0");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            if (name.equals("connection")) {
                keepAlive = value.contains("keep-alive") || (keepAlive && !value.contains("close"));
            } else if ((name.equals("content-length") && !value.equals("0")) || name.equals("transfer-encoding")) {
                return Head.MALFORMED;
            }
        }
        String target = requestLine[1];
        int cut = target.length();
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '?' || c == '#') {
                cut = i;
                break;
            }
        }
        return new Head(method, target.substring(0, cut), keepAlive, false);
    }
}
