package org.quire.recrawl;

import java.time.Instant;

/**
 * A full {@code response} record of an earlier capture that later captures refer to.
 *
 * @param targetUri the record's WARC-Target-URI
 * @param warcPath  the WARC file, relative to the crawl's folder ({@code archive/<crawl>/}), e.g.
 *                  {@code 20261126T184400Z/warc/quire-....warc.gz}
 * @param offset    byte offset of the record's gzip member in that file
 * @param recordId  the record's WARC-Record-ID, with angle brackets
 * @param date      when the capture was fetched (its WARC-Date)
 */
public record StoredRecord(String targetUri, String warcPath, long offset, String recordId, Instant date) {
}
