package org.quire.fetch;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one HTTP exchange produced, exactly as it went over the wire (less the transfer framing), ready to be
 * archived. Immutable; the body is the payload as received, still in its Content-Encoding.
 *
 * @param url          the URL requested
 * @param fetchedAt    when the request started
 * @param elapsed      from request start to the last body byte (or the failure)
 * @param ipAddress    the address connected to, or null if none was
 * @param requestHead  the request line and headers as sent, CRLF-separated, ending with an empty line
 * @param status       HTTP status code, or 0 when no response head arrived ({@code error} then says why)
 * @param reason       the reason phrase of the status line
 * @param protocol     e.g. {@code HTTP/1.1}
 * @param headers      response headers as received, in order, with {@code Transfer-Encoding: chunked} dropped
 *                     (the framing is removed) and nothing else changed
 * @param body         payload bytes as received (still content-encoded), cut at the size limit
 * @param truncated    null, or why the body was cut: {@code length}, {@code time} or {@code disconnect}
 *                     (the values of WARC-Truncated)
 * @param error        null when a response was received; otherwise why not
 * @param errorMessage a one-line human explanation when {@code error} is set
 */
public record FetchResult(
        URI url,
        Instant fetchedAt,
        Duration elapsed,
        String ipAddress,
        String requestHead,
        int status,
        String reason,
        String protocol,
        List<HttpHeader> headers,
        byte[] body,
        String truncated,
        ErrorKind error,
        String errorMessage) {

    public FetchResult {
        headers = headers == null ? List.of() : List.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** True when a response head was received (any status). */
    public boolean hasResponse() {
        return error == null || status > 0;
    }

    /** First header value with this name, case-insensitively, or null. */
    public String header(String name) {
        for (HttpHeader h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    /** The media type of the response without parameters, lower-case, or "" when absent. */
    public String mimeType() {
        String ct = header("Content-Type");
        if (ct == null) {
            return "";
        }
        int semi = ct.indexOf(';');
        return (semi >= 0 ? ct.substring(0, semi) : ct).trim().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isRedirect() {
        return (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
                && header("Location") != null;
    }

    /** The same exchange as if it had been made for {@code other} (a revisit's content read from its original). */
    public FetchResult withUrl(URI other) {
        return new FetchResult(other, fetchedAt, elapsed, ipAddress, requestHead, status, reason, protocol, headers,
                body, truncated, error, errorMessage);
    }

    /** A failed attempt: no response at all. */
    public static FetchResult failure(URI url, Instant fetchedAt, Duration elapsed, String ip, String requestHead,
                                      ErrorKind error, String message) {
        return new FetchResult(url, fetchedAt, elapsed, ip, requestHead, 0, "", "", List.of(), new byte[0],
                null, error, message);
    }
}
