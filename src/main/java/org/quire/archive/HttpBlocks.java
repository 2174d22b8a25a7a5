package org.quire.archive;

import org.quire.fetch.FetchResult;
import org.quire.fetch.HttpHeader;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Rebuilds the HTTP message blocks of a capture from a {@link FetchResult}: the request head as sent, and the
 * response as received (status line, headers in order, empty line, body still content-encoded). The transfer
 * framing is never written: a {@code Transfer-Encoding: chunked} header is dropped since the body is unchunked.
 */
final class HttpBlocks {

    private static final Pattern HTTP_VERSION = Pattern.compile("HTTP/\\d\\.\\d");

    private HttpBlocks() {
    }

    /** The request head bytes, ending with an empty line, or null when the result has none. */
    static byte[] request(FetchResult r) {
        String head = r.requestHead();
        if (head == null || head.isBlank()) {
            return null;
        }
        String normalised = head.replace("\r\n", "\n").replace("\n", "\r\n");
        while (!normalised.endsWith("\r\n\r\n")) {
            normalised = normalised + "\r\n";
        }
        return bytes(normalised);
    }

    /** The response head: status line, headers as received (less chunked framing), empty line. */
    static byte[] responseHead(FetchResult r) {
        StringBuilder sb = new StringBuilder(256);
        String protocol = r.protocol();
        // The block must parse as HTTP/1.x; an HTTP/2 exchange is recorded the customary way, as HTTP/1.1.
        if (protocol == null || !HTTP_VERSION.matcher(protocol).matches()) {
            protocol = "HTTP/1.1";
        }
        sb.append(protocol).append(' ').append(r.status()).append(' ')
                .append(oneLine(r.reason() == null ? "" : r.reason())).append("\r\n");
        for (HttpHeader h : r.headers()) {
            if (h.name().equalsIgnoreCase("Transfer-Encoding")
                    && h.value() != null && h.value().toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
                continue;
            }
            sb.append(oneLine(h.name())).append(": ").append(oneLine(h.value() == null ? "" : h.value()))
                    .append("\r\n");
        }
        sb.append("\r\n");
        return bytes(sb.toString());
    }

    /** The whole response block: head then body, in one array. */
    static byte[] response(FetchResult r) {
        byte[] head = responseHead(r);
        byte[] body = r.body();
        byte[] block = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, block, head.length, body.length);
        return block;
    }

    private static String oneLine(String s) {
        return s.indexOf('\r') < 0 && s.indexOf('\n') < 0 ? s : s.replaceAll("[\\r\\n]+", " ");
    }

    /** Header text as bytes: ISO-8859-1 where it fits (as on the wire), UTF-8 for anything beyond. */
    private static byte[] bytes(String s) {
        boolean latin1 = true;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                latin1 = false;
                break;
            }
        }
        return s.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }
}
