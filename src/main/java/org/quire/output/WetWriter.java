package org.quire.output;

import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcConversion;
import org.netpreserve.jwarc.WarcDigest;
import org.quire.archive.ByteArrayChannel;
import org.quire.archive.GzipMemberEncoder;
import org.quire.archive.Sha1;
import org.quire.archive.WarcFileNames;
import org.quire.archive.WarcFileSeries;
import org.quire.archive.WarcinfoFields;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes the plain text of a crawl's pages as a WET file, the way Common Crawl publishes extracted text, so that
 * existing WET tooling reads quire's output: a {@code warcinfo} record first, then per page one {@code conversion}
 * record ({@code text/plain; charset=utf-8}, SHA-1 block digest) whose {@code WARC-Refers-To} is the page's
 * {@code response} record and whose {@code WARC-Date} is that capture's date. One gzip member per record.
 * Files are named like the crawl's WARC files with the suffix {@code .warc.wet.gz}
 * ({@code <crawl>-<yyyyMMddHHmmss>-<serial>-<host>.warc.wet.gz}), written as {@code <name>.open} and renamed when
 * closed; past {@code maxFileSize} a new file is begun. Thread-safe.
 */
public final class WetWriter implements AutoCloseable {

    /** File name suffix of WET files. */
    public static final String SUFFIX = ".warc.wet.gz";
    private static final MediaType PLAIN_TEXT = MediaType.parse("text/plain; charset=utf-8");

    private final WarcFileNames names;
    private final WarcFileSeries files;

    /**
     * @param dir          where the files go (the job's {@code warc/} folder); created if missing
     * @param crawlName    first part of the file names
     * @param jobTimestamp when the job began (second part of the file names)
     * @param maxFileSize  a file is closed and a new one begun once it has grown past this many bytes (0: never)
     * @param info         what each file's warcinfo record says
     */
    public WetWriter(Path dir, String crawlName, Instant jobTimestamp, long maxFileSize, WarcinfoFields info)
            throws IOException {
        this.names = new WarcFileNames(crawlName, jobTimestamp, info.hostname());
        this.files = new WarcFileSeries(dir, this::name, maxFileSize, info, "WET");
    }

    /** The final file name for a serial number: the WARC name with {@link #SUFFIX}. */
    String name(int serial) {
        String warc = names.name(serial);
        return warc.substring(0, warc.length() - ".warc.gz".length()) + SUFFIX;
    }

    /**
     * Writes the conversion record of one page.
     *
     * @param targetUri        the page's URL (WARC-Target-URI)
     * @param captureDate      the WARC-Date of the page's response record
     * @param responseRecordId the response record's id, with or without angle brackets (may be null)
     * @param text             the page's plain text
     */
    public void write(URI targetUri, Instant captureDate, String responseRecordId, String text) throws IOException {
        writeUtf8(targetUri, captureDate, responseRecordId, (text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #write}, with the text already encoded as UTF-8 (the caller keeps the array unchanged). */
    public void writeUtf8(URI targetUri, Instant captureDate, String responseRecordId, byte[] block) throws IOException {
        WarcDigest digest = Sha1.of(block);
        files.append(false, warcinfo -> new byte[][] {
            encode(targetUri, captureDate, responseRecordId, block, digest, warcinfo)});
    }

    /** The conversion record's gzip member, encoded by the calling thread. */
    private static byte[] encode(URI targetUri, Instant captureDate, String responseRecordId, byte[] block,
                                 WarcDigest digest, URI warcinfoId) throws IOException {
        WarcConversion.Builder b = new WarcConversion.Builder()
                .version(MessageVersion.WARC_1_1)
                .date(millis(captureDate))
                .warcinfoId(warcinfoId)
                .blockDigest(digest)
                .body(PLAIN_TEXT, new ByteArrayChannel(block), block.length);
        b.setHeader("WARC-Target-URI", targetUri.toString());
        if (responseRecordId != null && !responseRecordId.isBlank()) {
            b.refersTo(URI.create(stripBrackets(responseRecordId)));
        }
        return GzipMemberEncoder.forThisThread().encode(b.build());
    }

    /** Final paths of the files closed so far. */
    public List<Path> closedFiles() {
        return files.closedFiles();
    }

    /** Closes the open file, if any, renaming it to its final name. Idempotent. */
    @Override
    public void close() throws IOException {
        files.close();
    }

    private static Instant millis(Instant t) {
        return (t == null ? Instant.now() : t).truncatedTo(ChronoUnit.MILLIS);
    }

    private static String stripBrackets(String id) {
        String s = id.strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }
}
