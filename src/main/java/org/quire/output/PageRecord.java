package org.quire.output;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.quire.archive.RecordLocation;
import org.quire.extract.ExtractedPage;
import org.quire.extract.PageMetadata;
import org.quire.fetch.FetchResult;

/**
 * One line of {@code pages.jsonl}: a page that was fetched, archived and extracted. Every key is always present
 * (null when unknown), so the file loads as a regular table ({@code pd.read_json(path, lines=True)}, DuckDB's
 * {@code read_json_auto}).
 *
 * @param url           the URL as first requested (before redirects)
 * @param finalUrl      the URL the page was finally fetched from
 * @param status        HTTP status code
 * @param fetchTime     when the fetch began, ISO 8601 UTC
 * @param contentType   the response media type, without parameters
 * @param text          the main text
 * @param warcFile      WARC file holding the response record
 * @param warcOffset    offset of the response record's gzip member in that file
 * @param warcRecordId  the response record's WARC-Record-ID
 * @param payloadDigest the response's WARC-Payload-Digest
 * @param depth         link hops from the seed
 * @param via           the page it was found on, or null for a seed
 * @param change        against the crawl's earlier runs: {@code new} (URL not captured before), {@code changed}
 *                      (payload differs from the last capture), {@code unchanged} (same payload, or a 304), or
 *                      null when not known (no capture index, e.g. {@code quire extract})
 */
@JsonPropertyOrder({"url", "final_url", "status", "fetch_time", "content_type", "title", "author", "published",
        "language", "site_name", "canonical_url", "description", "text", "warc_file", "warc_offset",
        "warc_record_id", "payload_digest", "depth", "via", "change"})
public record PageRecord(
        @JsonProperty("url") String url,
        @JsonProperty("final_url") String finalUrl,
        @JsonProperty("status") int status,
        @JsonProperty("fetch_time") String fetchTime,
        @JsonProperty("content_type") String contentType,
        @JsonProperty("title") String title,
        @JsonProperty("author") String author,
        @JsonProperty("published") String published,
        @JsonProperty("language") String language,
        @JsonProperty("site_name") String siteName,
        @JsonProperty("canonical_url") String canonicalUrl,
        @JsonProperty("description") String description,
        @JsonProperty("text") String text,
        @JsonProperty("warc_file") String warcFile,
        @JsonProperty("warc_offset") Long warcOffset,
        @JsonProperty("warc_record_id") String warcRecordId,
        @JsonProperty("payload_digest") String payloadDigest,
        @JsonProperty("depth") int depth,
        @JsonProperty("via") String via,
        @JsonProperty("change") String change) {

    /**
     * Assembles the line for a page.
     *
     * @param requestedUrl the URL first requested (the seed or link before any redirect)
     * @param result       the final fetch (after redirects)
     * @param page         what was extracted from it
     * @param location     where its response record landed, or null if not archived
     */
    public static PageRecord of(String requestedUrl, FetchResult result, ExtractedPage page,
                                RecordLocation location, int depth, String via) {
        return of(requestedUrl, result, page, location, depth, via, null);
    }

    /** As {@link #of(String, FetchResult, ExtractedPage, RecordLocation, int, String)}, with a change mark. */
    public static PageRecord of(String requestedUrl, FetchResult result, ExtractedPage page,
                                RecordLocation location, int depth, String via, String change) {
        PageMetadata m = page == null ? PageMetadata.EMPTY : page.metadata();
        String ct = result.mimeType();
        return new PageRecord(
                requestedUrl == null ? result.url().toString() : requestedUrl,
                result.url().toString(),
                result.status(),
                result.fetchedAt() == null ? null : result.fetchedAt().toString(),
                ct.isEmpty() ? null : ct,
                m.title(), m.author(), m.published(), m.language(), m.siteName(), m.canonicalUrl(),
                m.description(),
                page == null ? null : page.text(),
                location == null ? null : location.warcFile(),
                location == null ? null : location.offset(),
                location == null ? null : location.recordId(),
                location == null ? null : location.payloadDigest(),
                depth,
                via,
                change);
    }
}
