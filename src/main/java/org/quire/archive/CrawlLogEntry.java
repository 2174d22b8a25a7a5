package org.quire.archive;

import org.quire.fetch.ErrorKind;
import org.quire.fetch.FetchResult;

import java.time.Instant;

/**
 * One line of crawl.log: one fetch attempt, or one URL refused before fetching (robots, scope, ...).
 *
 * @param time          when the attempt began
 * @param status        the HTTP status code as text, or an {@link ErrorKind#code()} such as {@code robots-denied}
 * @param size          body bytes received, or -1 when none
 * @param url           the URL
 * @param discoveryPath Heritrix-style hop letters from the seed ("" or null for a seed)
 * @param via           the URL it was found on, or null
 * @param mime          the response media type, or null
 * @param durationMs    how long the attempt took, or -1 when not fetched
 * @param digest        the payload digest ({@code sha1:...}), or null
 * @param note          an annotation, e.g. the error message or {@code truncated:length}, or null
 */
public record CrawlLogEntry(Instant time, String status, long size, String url, String discoveryPath, String via,
                            String mime, long durationMs, String digest, String note) {

    /**
     * The entry for a fetch attempt: the status or error kind, size, MIME type, duration and, when the
     * response was archived, its payload digest.
     */
    public static CrawlLogEntry of(FetchResult r, String discoveryPath, String via, String payloadDigest) {
        boolean response = r.status() > 0;
        String status = response ? Integer.toString(r.status())
                : (r.error() == null ? "-" : r.error().code());
        String note;
        if (r.truncated() != null && !r.truncated().isBlank()) {
            note = "truncated:" + r.truncated();
        } else if (r.error() != null) {
            note = r.errorMessage() == null || r.errorMessage().isBlank() ? r.error().code() : r.errorMessage();
        } else {
            note = null;
        }
        return new CrawlLogEntry(r.fetchedAt(), status, response ? r.body().length : -1, r.url().toString(),
                discoveryPath, via, response ? r.mimeType() : null,
                r.elapsed() == null ? -1 : r.elapsed().toMillis(), payloadDigest, note);
    }

    /** The entry for a URL refused without a fetch (robots-denied, out-of-scope, too-deep, ...). */
    public static CrawlLogEntry refused(Instant time, String url, ErrorKind kind, String discoveryPath, String via,
                                        String note) {
        return new CrawlLogEntry(time, kind.code(), -1, url, discoveryPath, via, null, -1, null, note);
    }
}
