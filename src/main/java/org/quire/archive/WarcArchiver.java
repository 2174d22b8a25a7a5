package org.quire.archive;

import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
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
import java.util.concurrent.locks.ReentrantLock;

/**
 * The only writer of a crawl's WARC files (WARC 1.1, one gzip member per record, via jwarc). Each capture becomes
 * a {@code request} and a {@code response} record; pages may add a {@code metadata} record with their outlinks.
 * A file is written as {@code <name>.open}, renamed to {@code <name>} when closed, and a new one is begun (with
 * its own {@code warcinfo} record) once the current one has passed the size limit. Thread-safe: one lock owns
 * the current file, so the records of one capture are always adjacent.
 */
public final class WarcArchiver implements AutoCloseable {

    private final WarcFileSeries files;
    private final ReentrantLock lock = new ReentrantLock();

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
     * {@link #archive(FetchResult)} for a caller that has already computed the SHA-1 payload digest of
     * {@code r.body()} (it is not computed twice).
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

        lock.lock();
        try {
            FastGzipWarcWriter writer = files.writer();
            WarcResponse.Builder rb = new WarcResponse.Builder(target)
                    .version(MessageVersion.WARC_1_1)
                    .recordId(responseId)
                    .date(date)
                    .warcinfoId(files.warcinfoId())
                    .blockDigest(Sha1.of(responseBlock))
                    .payloadDigest(payloadDigest)
                    .body(MediaType.HTTP_RESPONSE, responseBlock);
            if (r.ipAddress() != null && !r.ipAddress().isBlank()) {
                rb.setHeader("WARC-IP-Address", r.ipAddress());
            }
            if (r.truncated() != null && !r.truncated().isBlank()) {
                rb.truncated(truncation(r.truncated()));
            }
            WarcResponse response = rb.build();

            long offset = writer.position();
            writer.write(response);
            long length = writer.position() - offset;

            writeRequest(writer, r, requestBlock, date, responseId);
            return new RecordLocation(files.currentName(), offset, "<" + urn(responseId) + ">", payloadDigest.toString(),
                    length);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes a {@code revisit} record (plus the request record) for a capture whose payload is already archived:
     * its block is the response head only. For {@link RevisitProfile#IDENTICAL_PAYLOAD_DIGEST} the payload
     * digest is that of {@code r}'s body (equal to the original's); for
     * {@link RevisitProfile#SERVER_NOT_MODIFIED} ({@code r} is the 304) no payload digest is written.
     *
     * @param refersToRecordId  the original response record's id, with or without angle brackets, or null
     * @param refersToTargetUri the original capture's URL
     * @param refersToDate      the original capture's WARC-Date
     * @return where the revisit record landed, or null when {@code r} has no response
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
        WarcDigest payloadDigest = profile == RevisitProfile.IDENTICAL_PAYLOAD_DIGEST ? Sha1.of(r.body()) : null;
        lock.lock();
        try {
            FastGzipWarcWriter writer = files.writer();
            WarcRevisit.Builder vb = new WarcRevisit.Builder(r.url(), profile.uri())
                    .version(MessageVersion.WARC_1_1)
                    .recordId(revisitId)
                    .date(date)
                    .warcinfoId(files.warcinfoId())
                    .blockDigest(Sha1.of(head))
                    .body(MediaType.HTTP_RESPONSE, head);
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
            long offset = writer.position();
            writer.write(vb.build());
            long length = writer.position() - offset;
            writeRequest(writer, r, requestBlock, date, revisitId);
            return new RecordLocation(files.currentName(), offset, "<" + urn(revisitId) + ">",
                    payloadDigest == null ? null : payloadDigest.toString(), length);
        } finally {
            lock.unlock();
        }
    }

    /** The request record of a capture, concurrent to its response or revisit record (caller holds the lock). */
    private void writeRequest(FastGzipWarcWriter writer, FetchResult r, byte[] requestBlock, Instant date,
                              UUID concurrentTo)
            throws IOException {
        if (requestBlock == null) {
            return;
        }
        WarcRequest.Builder qb = new WarcRequest.Builder(r.url())
                .version(MessageVersion.WARC_1_1)
                .date(date)
                .warcinfoId(files.warcinfoId())
                .concurrentTo(urn(concurrentTo))
                .blockDigest(Sha1.of(requestBlock))
                .body(MediaType.HTTP_REQUEST, requestBlock);
        if (r.ipAddress() != null && !r.ipAddress().isBlank()) {
            qb.setHeader("WARC-IP-Address", r.ipAddress());
        }
        writer.write(qb.build());
    }

    /**
     * Writes a {@code metadata} record ({@code application/warc-fields}, one {@code outlink: URL} line per link)
     * about a capture, next to its response record.
     *
     * @param target                the page's URL
     * @param concurrentToRecordId  the page's response record id, with or without angle brackets
     * @param outlinks              the links found on the page, absolute
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
        lock.lock();
        try {
            FastGzipWarcWriter writer = files.sameFileWriter();
            WarcMetadata.Builder mb = new WarcMetadata.Builder()
                    .version(MessageVersion.WARC_1_1)
                    .targetURI(target)
                    .date(warcDate(Instant.now()))
                    .warcinfoId(files.warcinfoId())
                    .blockDigest(Sha1.of(block))
                    .body(MediaType.WARC_FIELDS, block);
            if (concurrentToRecordId != null && !concurrentToRecordId.isBlank()) {
                mb.concurrentTo(URI.create(stripBrackets(concurrentToRecordId)));
            }
            writer.write(mb.build());
        } finally {
            lock.unlock();
        }
    }

    /** Final names of the files closed so far (not counting the one open now). */
    public List<Path> closedFiles() {
        lock.lock();
        try {
            return files.closedFiles();
        } finally {
            lock.unlock();
        }
    }

    /** Compressed bytes written to all files so far, warcinfo records included. */
    public long bytesWritten() {
        lock.lock();
        try {
            return files.bytesWritten();
        } finally {
            lock.unlock();
        }
    }

    /** Closes the open file, if any, and renames it to its final name. Further writes fail. Idempotent. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            files.close();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the open file, if any, without renaming it: it stays {@code <name>.open}, so nothing half-done looks
     * complete; a resume repairs and renames it. Used when the crawl stops on an I/O failure. Further writes fail.
     */
    public void closeUnfinished() {
        lock.lock();
        try {
            files.closeUnfinished();
        } finally {
            lock.unlock();
        }
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
