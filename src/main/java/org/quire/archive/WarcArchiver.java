package org.quire.archive;

import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.quire.fetch.FetchResult;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The only writer of a crawl's WARC files (WARC 1.1, one gzip member per record, via jwarc). Each capture becomes
 * a {@code request} and a {@code response} record; pages may add a {@code metadata} record with their outlinks.
 * A file is written as {@code <name>.open}, renamed to {@code <name>} when closed, and a new one is begun (with
 * its own {@code warcinfo} record) once the current one has passed the size limit. Thread-safe: digests and
 * gzip compression are done by the calling thread; the file series' lock is held only to append the finished
 * bytes, and the records of one capture are always adjacent.
 */
public final class WarcArchiver implements AutoCloseable {

    private final WarcFileSeries files;

    /**
     * @param warcDir      where the files go; created if missing
     * @param crawlName    first part of the file names
     * @param jobTimestamp when the job began (second part of the file names)
     * @param maxFileSize  a file is closed and a new one begun once it has grown past this many bytes
     *                     (0 or less: never)
     * @param info         what each file's warcinfo record says
     * @throws IOException when the directory cannot be created or written, naming it
     */
    public WarcArchiver(Path warcDir, String crawlName, Instant jobTimestamp, long maxFileSize, WarcinfoFields info)
            throws IOException {
        WarcFileNames names = new WarcFileNames(crawlName, jobTimestamp, info.hostname());
        this.files = new WarcFileSeries(warcDir, names::name, maxFileSize, info, "WARC");
        Path dir = warcDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new IOException("the WARC directory is not a writable directory: " + dir);
        }
    }

    /**
     * Writes the request and response records of one exchange that got a response (any status).
     *
     * @return where the response record landed, or null when {@code r} has no response (nothing is written:
     *         failures go to crawl.log only)
     */
    public RecordLocation archive(FetchResult r) throws IOException {
        return r.status() <= 0 ? null : archive(r, Sha1.of(r.body()));
    }

    /**
     * As {@link #archive(FetchResult)}, with the payload digest already computed (it is the SHA-1 of the body as
     * received).
     */
    public RecordLocation archive(FetchResult r, WarcDigest payloadDigest) throws IOException {
        if (r.status() <= 0) {
            return null;
        }
        Instant date = warcDate(r.fetchedAt());
        URI target = r.url();
        UUID responseId = UUID.randomUUID();
        byte[] requestBlock = HttpBlocks.request(r);
        byte[] responseBlock = HttpBlocks.response(r);
        WarcDigest responseDigest = Sha1.of(responseBlock);
        WarcDigest requestDigest = requestBlock == null ? null : Sha1.of(requestBlock);
        WarcFileSeries.Appended a = files.append(false, warcinfo -> {
            WarcResponse.Builder rb = new WarcResponse.Builder(target)
                    .version(MessageVersion.WARC_1_1)
                    .recordId(responseId)
                    .date(date)
                    .warcinfoId(warcinfo)
                    .blockDigest(responseDigest)
                    .payloadDigest(payloadDigest)
                    .body(MediaType.HTTP_RESPONSE, new ByteArrayChannel(responseBlock), responseBlock.length);
            if (r.ipAddress() != null && !r.ipAddress().isBlank()) {
                rb.setHeader("WARC-IP-Address", r.ipAddress());
            }
            if (r.truncated() != null && !r.truncated().isBlank()) {
                rb.truncated(truncation(r.truncated()));
            }
            return withRequest(rb.build(), r, requestBlock, requestDigest, date, responseId, warcinfo);
        });
        return new RecordLocation(a.file(), a.offset(), "<" + urn(responseId) + ">", payloadDigest.toString(),
                a.length());
    }

    /**
     * Writes a {@code revisit} record (and the request record) for an exchange whose content was archived before:
     * the response head only, no payload.
     *
     * @param refersToRecordId  the record holding the content (with or without angle brackets), or null
     * @param refersToTargetUri that record's target URI, or null
     * @param refersToDate      that record's date, or null
     * @return where the revisit record landed (its payload digest is set for identical-payload-digest revisits)
     */
    public RecordLocation archiveRevisit(FetchResult r, RevisitProfile profile, String refersToRecordId,
                                         URI refersToTargetUri, Instant refersToDate) throws IOException {
        if (r.status() <= 0) {
            return null;
        }
        Instant date = warcDate(r.fetchedAt());
        UUID revisitId = UUID.randomUUID();
        byte[] requestBlock = HttpBlocks.request(r);
        byte[] head = HttpBlocks.responseHead(r);
        WarcDigest headDigest = Sha1.of(head);
        WarcDigest requestDigest = requestBlock == null ? null : Sha1.of(requestBlock);
        WarcDigest payloadDigest = profile == RevisitProfile.IDENTICAL_PAYLOAD_DIGEST ? Sha1.of(r.body()) : null;
        WarcFileSeries.Appended a = files.append(false, warcinfo -> {
            WarcRevisit.Builder vb = new WarcRevisit.Builder(r.url(), profile.uri())
                    .version(MessageVersion.WARC_1_1)
                    .recordId(revisitId)
                    .date(date)
                    .warcinfoId(warcinfo)
                    .blockDigest(headDigest)
                    .body(MediaType.HTTP_RESPONSE, new ByteArrayChannel(head), head.length);
            if (payloadDigest != null) {
                vb.payloadDigest(payloadDigest);
            }
            if (refersToRecordId != null && !refersToRecordId.isBlank()) {
                vb.setHeader("WARC-Refers-To", "<" + stripBrackets(refersToRecordId) + ">");
            }
            if (refersToTargetUri != null) {
                vb.setHeader("WARC-Refers-To-Target-URI", refersToTargetUri.toString());
            }
            if (refersToDate != null) {
                vb.setHeader("WARC-Refers-To-Date", warcDate(refersToDate).toString());
            }
            if (r.ipAddress() != null && !r.ipAddress().isBlank()) {
                vb.setHeader("WARC-IP-Address", r.ipAddress());
            }
            return withRequest(vb.build(), r, requestBlock, requestDigest, date, revisitId, warcinfo);
        });
        return new RecordLocation(a.file(), a.offset(), "<" + urn(revisitId) + ">",
                payloadDigest == null ? null : payloadDigest.toString(), a.length());
    }

    /** The response (or revisit) record's gzip member, then its request record's, if there is one. */
    private static byte[][] withRequest(WarcRecord response, FetchResult r, byte[] requestBlock,
                                        WarcDigest requestDigest, Instant date, UUID concurrentTo, URI warcinfo)
            throws IOException {
        GzipMemberEncoder encoder = GzipMemberEncoder.forThisThread();
        byte[] first = encoder.encode(response);
        if (requestBlock == null) {
            return new byte[][] {first};
        }
        WarcRequest.Builder qb = new WarcRequest.Builder(r.url())
                .version(MessageVersion.WARC_1_1)
                .date(date)
                .warcinfoId(warcinfo)
                .concurrentTo(urn(concurrentTo))
                .blockDigest(requestDigest)
                .body(MediaType.HTTP_REQUEST, new ByteArrayChannel(requestBlock), requestBlock.length);
        if (r.ipAddress() != null && !r.ipAddress().isBlank()) {
            qb.setHeader("WARC-IP-Address", r.ipAddress());
        }
        return new byte[][] {first, encoder.encode(qb.build())};
    }

    /**
     * Writes a {@code metadata} record with the page's outlinks ({@code outlink: <url>} lines, WARC fields),
     * concurrent to its response record, in the same file as that record.
     */
    public void archiveMetadata(URI target, String concurrentToRecordId, List<String> outlinks) throws IOException {
        StringBuilder fields = new StringBuilder();
        for (String link : outlinks) {
            if (link == null || link.isBlank() || link.indexOf('\r') >= 0 || link.indexOf('\n') >= 0) {
                continue;
            }
            fields.append("outlink: ").append(link.strip()).append("\r\n");
        }
        byte[] block = fields.toString().getBytes(StandardCharsets.UTF_8);
        WarcDigest digest = Sha1.of(block);
        Instant date = warcDate(Instant.now());
        files.append(true, warcinfo -> {
            WarcMetadata.Builder mb = new WarcMetadata.Builder()
                    .version(MessageVersion.WARC_1_1)
                    .targetURI(target)
                    .date(date)
                    .warcinfoId(warcinfo)
                    .blockDigest(digest)
                    .body(MediaType.WARC_FIELDS, new ByteArrayChannel(block), block.length);
            if (concurrentToRecordId != null && !concurrentToRecordId.isBlank()) {
                mb.concurrentTo(URI.create(stripBrackets(concurrentToRecordId)));
            }
            return new byte[][] {GzipMemberEncoder.forThisThread().encode(mb.build())};
        });
    }

    /** Final names of the files closed so far (not counting the one open now). */
    public List<Path> closedFiles() {
        return files.closedFiles();
    }

    /** Compressed bytes written to all files so far, warcinfo records included. */
    public long bytesWritten() {
        return files.bytesWritten();
    }

    /** Closes the open file, if any, and renames it to its final name. Further writes fail. Idempotent. */
    @Override
    public void close() throws IOException {
        files.close();
    }

    /**
     * Closes the open file, if any, without renaming it: it stays {@code <name>.open}, so nothing half-done looks
     * complete; a resume repairs and renames it. Used when the crawl stops on an I/O failure. Further writes fail.
     */
    public void closeUnfinished() {
        files.closeUnfinished();
    }

    // --- helpers ---

    private static Instant warcDate(Instant t) {
        return (t == null ? Instant.now() : t).truncatedTo(ChronoUnit.MILLIS);
    }

    private static URI urn(UUID id) {
        return URI.create("urn:uuid:" + id);
    }

    private static String stripBrackets(String id) {
        String s = id.strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static WarcTruncationReason truncation(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "length" -> WarcTruncationReason.LENGTH;
            case "time" -> WarcTruncationReason.TIME;
            case "disconnect" -> WarcTruncationReason.DISCONNECT;
            default -> WarcTruncationReason.UNSPECIFIED;
        };
    }
}
