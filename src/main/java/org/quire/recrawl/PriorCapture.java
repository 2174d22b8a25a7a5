package org.quire.recrawl;

import java.time.Instant;

/**
 * The last capture of one URL in any earlier run (or earlier in this run) of a crawl.
 *
 * @param url           the URL
 * @param status        HTTP status of that capture (304 when it was not modified)
 * @param etag          its ETag response header, or null
 * @param lastModified  its Last-Modified response header, or null
 * @param payloadDigest the payload digest of the content it stands for ({@code sha1:...}), or null
 * @param fetchedAt     when it was fetched
 * @param depth         link hops from a seed when it was found
 * @param via           the page it was found on, or null for a seed
 * @param original      the full response record holding its content (itself, or the record a revisit refers to)
 */
public record PriorCapture(String url, int status, String etag, String lastModified, String payloadDigest,
                           Instant fetchedAt, int depth, String via, StoredRecord original) {
}
