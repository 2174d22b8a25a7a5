package org.quire.archive;

import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.quire.fetch.FetchResult;
import org.quire.fetch.HttpHeader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings a WARC file left behind by a crash back to a whole, closed file: reads its records member by member
 * ({@link GzipMembers}), cuts off a torn last record (or any trailing junk), forces the rest to disk and renames
 * {@code <name>.open} to {@code <name>}. Also lists what the file holds, so that a resume can tell which captures
 * are archived, and re-reads a response record as the {@link FetchResult} it was made from.
 */
public final class WarcFileRepair {

    /**
     * One record found in a file.
     *
     * @param type         WARC-Type
     * @param target       WARC-Target-URI, or null
     * @param recordId     WARC-Record-ID in angle brackets
     * @param offset       where its gzip member begins
     * @param length       its gzip member's length
     * @param httpStatus   the HTTP status of a response record, else 0
     * @param concurrentTo the WARC-Concurrent-To ids in angle brackets
     * @param payloadDigest WARC-Payload-Digest as written ({@code sha1:...}), or null
     */
    public record Found(String type, String target, String recordId, long offset, long length, int httpStatus,
                        List<String> concurrentTo, String payloadDigest) {

        /** Where this record is, as the archiver would have reported it. */
        public RecordLocation location(String warcFile) {
            return new RecordLocation(warcFile, offset, recordId, payloadDigest, length);
        }
    }

    /**
     * What a repair did.
     *
     * @param file     the file as it is now (renamed when it was {@code .open})
     * @param records  its whole records, in order
     * @param cutBytes how many bytes were cut off its end (0 when it was whole)
     */
    public record Result(Path file, List<Found> records, long cutBytes) {
    }

    private WarcFileRepair() {
    }

    /** Lists the whole records of a file without changing it. */
    public static List<Found> read(Path file) throws IOException {
        List<Found> out = new ArrayList<>();
        GzipMembers.scan(file, 0, (offset, length, data) -> describe(data, offset, length).ifPresent(out::add));
        return out;
    }

    /**
     * Repairs a file: cuts what follows its last whole record and, for a {@code .open} file, renames it to its
     * final name (an empty file is deleted instead). A file that is already whole is only renamed.
     */
    public static Result repair(Path file) throws IOException {
        List<Found> records = new ArrayList<>();
        long end;
        try {
            end = GzipMembers.scan(file, 0, (offset, length, data) -> {
                Optional<Found> f = describe(data, offset, length);
                if (f.isEmpty()) {
                    throw new TornRecord(offset);
                }
                records.add(f.get());
            });
        } catch (TornRecord t) {
            end = t.offset;
        }
        long size = Files.size(file);
        long cut = size - end;
        if (cut > 0) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(end);
                ch.force(true);
            }
        }
        String name = file.getFileName().toString();
        if (!name.endsWith(WarcFileNames.OPEN_SUFFIX)) {
            return new Result(file, records, cut);
        }
        if (end == 0) {
            Files.delete(file);
            return new Result(file, List.of(), cut);
        }
        Path target = file.resolveSibling(name.substring(0, name.length() - WarcFileNames.OPEN_SUFFIX.length()));
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(file, target);
        }
        return new Result(target, records, cut);
    }

    /** A gzip member that is whole but not a readable WARC record: the walk treats it as the torn end. */
    private static final class TornRecord extends IOException {
        final long offset;

        TornRecord(long offset) {
            super("unreadable record at " + offset);
            this.offset = offset;
        }
    }

    /** Re-reads the response record at {@code offset} of {@code file} as a fetch result (no request head). */
    public static FetchResult reread(Path file, long offset) throws IOException {
        FetchResult[] out = new FetchResult[1];
        try {
            GzipMembers.scan(file, offset, (o, length, data) -> {
                out[0] = toFetchResult(data);
                throw new Stop();
            });
        } catch (Stop stop) {
            // one member was enough
        }
        if (out[0] == null) {
            throw new IOException(file + ": no response record at offset " + offset);
        }
        return out[0];
    }

    private static final class Stop extends IOException {
    }

    private static FetchResult toFetchResult(byte[] data) throws IOException {
        try (WarcReader reader = new WarcReader(new ByteArrayInputStream(data))) {
            WarcRecord rec = reader.next().orElseThrow(() -> new IOException("no record"));
            if (!(rec instanceof WarcResponse resp)) {
                throw new IOException("not a response record: " + rec.type());
            }
            HttpResponse http = resp.http();
            List<HttpHeader> headers = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : http.headers().map().entrySet()) {
                for (String v : e.getValue()) {
                    headers.add(new HttpHeader(e.getKey(), v));
                }
            }
            byte[] body = http.body().stream().readAllBytes();
            return new FetchResult(URI.create(resp.target()), resp.date(), Duration.ZERO,
                    resp.headers().first("WARC-IP-Address").orElse(null), null, http.status(), http.reason(),
                    http.version().toString(), headers, body,
                    resp.headers().first("WARC-Truncated").orElse(null), null, null);
        }
    }

    private static Optional<Found> describe(byte[] data, long offset, long length) {
        try (WarcReader reader = new WarcReader(new ByteArrayInputStream(data))) {
            Optional<WarcRecord> next = reader.next();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            WarcRecord r = next.get();
            String target = r instanceof WarcTargetRecord t ? t.target() : null;
            int status = 0;
            if (r instanceof WarcResponse resp) {
                try {
                    status = resp.http().status();
                } catch (IOException | RuntimeException e) {
                    status = 0;
                }
            }
            List<String> conc = r instanceof WarcCaptureRecord c
                    ? c.concurrentTo().stream().map(u -> "<" + u + ">").toList()
                    : r.headers().all("WARC-Concurrent-To");
            String digest = r instanceof WarcTargetRecord t
                    ? t.payloadDigest().map(WarcDigest::toString).orElse(null) : null;
            return Optional.of(new Found(r.type(), target, "<" + r.id() + ">", offset, length, status, conc, digest));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
