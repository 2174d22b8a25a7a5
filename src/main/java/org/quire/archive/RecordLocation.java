package org.quire.archive;

/**
 * Where the response (or revisit) record of one capture landed.
 *
 * @param warcFile      file name of the WARC file as it will be once closed (no {@code .open} suffix)
 * @param offset        byte offset of the record's gzip member in that file
 * @param recordId      the record's WARC-Record-ID, e.g. {@code <urn:uuid:...>}
 * @param payloadDigest the WARC-Payload-Digest, e.g. {@code sha1:...}, or null when no payload
 * @param length        compressed length of the record's gzip member in bytes
 */
public record RecordLocation(String warcFile, long offset, String recordId, String payloadDigest, long length) {
}
