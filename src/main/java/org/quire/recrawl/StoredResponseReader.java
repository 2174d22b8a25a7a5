package org.quire.recrawl;

import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.quire.fetch.FetchResult;
import org.quire.fetch.HttpHeader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an archived {@code response} record back with jwarc, to stand in for a page the server answered with
 * 304 Not Modified: its HTTP headers and payload (still in its Content-Encoding) as they were captured.
 */
final class StoredResponseReader {

    private final Path crawlDir;

    StoredResponseReader(Path crawlDir) {
        this.crawlDir = crawlDir;
    }

    /** The file holding {@code record}, closed or still {@code .open}; empty when neither exists. */
    Optional<Path> file(StoredRecord record) {
        Path p = crawlDir.resolve(record.warcPath());
        if (Files.isRegularFile(p)) {
            return Optional.of(p);
        }
        Path open = p.resolveSibling(p.getFileName() + ".open");
        return Files.isRegularFile(open) ? Optional.of(open) : Optional.empty();
    }

    /**
     * The response of {@code record} as a fetch result for {@code current} (the 304): the 304's URL, times,
     * request and status, with the stored response's headers and body.
     */
    FetchResult standIn(StoredRecord record, FetchResult current) throws IOException {
        Path file = file(record).orElseThrow(() -> new IOException(crawlDir.resolve(record.warcPath())
                + ": WARC file of the earlier capture is missing"));
        try (FileChannel channel = FileChannel.open(file)) {
            channel.position(record.offset());
            WarcReader reader = new WarcReader(channel);
            Optional<WarcRecord> next = reader.next();
            if (next.isEmpty() || !(next.get() instanceof WarcResponse response)) {
                throw new IOException(file + " at " + record.offset() + ": not a response record");
            }
            HttpResponse http = response.http();
            List<HttpHeader> headers = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : http.headers().map().entrySet()) {
                for (String v : e.getValue()) {
                    headers.add(new HttpHeader(e.getKey(), v));
                }
            }
            byte[] body;
            try (InputStream in = http.body().stream()) {
                body = in.readAllBytes();
            }
            return new FetchResult(current.url(), current.fetchedAt(), current.elapsed(), current.ipAddress(),
                    current.requestHead(), current.status(), current.reason(), current.protocol(), headers, body,
                    response.truncated() == WarcTruncationReason.NOT_TRUNCATED ? null
                            : response.truncated().name().toLowerCase(java.util.Locale.ROOT), null, null);
        }
    }
}
