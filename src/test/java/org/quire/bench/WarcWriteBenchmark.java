package org.quire.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.quire.archive.RecordLocation;
import org.quire.archive.WarcArchiver;
import org.quire.archive.WarcinfoFields;
import org.quire.fetch.FetchResult;
import org.quire.fetch.HttpHeader;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Writing one 10 KB HTML response as a gzipped WARC request + response pair (digests included). */
@State(Scope.Benchmark)
public class WarcWriteBenchmark {

    private Path dir;
    private WarcArchiver warc;
    private FetchResult result;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("warc-bench");
        warc = new WarcArchiver(dir, "bench", Instant.now(), 1L << 30,
                new WarcinfoFields("quire/bench", "localhost", "", "", "obey", "bench", "quire/bench"));
        URI url = URI.create("http://127.0.1.1:8080/article/42.html");
        byte[] body = new NewsPages(200, 10 * 1024).page(0, 42, null);
        result = new FetchResult(url, Instant.now(), Duration.ofMillis(3), "127.0.1.1",
                "GET /article/42.html HTTP/1.1\r\nHost: 127.0.1.1:8080\r\nUser-Agent: quire/bench\r\n\r\n", 200, "OK",
                "HTTP/1.1", List.of(new HttpHeader("Content-Type", "text/html; charset=utf-8"),
                new HttpHeader("Content-Length", Integer.toString(body.length))), body, null, null, null);
    }

    @Benchmark
    public RecordLocation archiveResponse() throws IOException {
        return warc.archive(result);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        warc.close();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
