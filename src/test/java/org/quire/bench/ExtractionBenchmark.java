package org.quire.bench;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.quire.extract.ExtractedPage;
import org.quire.extract.HtmlDecoder;
import org.quire.extract.HtmlExtractor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Pages per second on one thread over a directory of real pages (default: the extraction dev set), cycling
 * through them: {@link #jsoupParse} is jsoup's bare parse of the bytes (its own charset sniffing), {@link #extract}
 * is what the crawler does per page, {@link HtmlDecoder#parse} plus {@link HtmlExtractor#extract} (links,
 * metadata, language when undeclared, main text). One operation = one page.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class ExtractionBenchmark {

    /** Directory of .html pages; relative paths are resolved against the working directory. */
    @Param("../shared/extraction-dev/html")
    public String dir;

    private List<byte[]> pages;
    private final HtmlExtractor extractor = new HtmlExtractor();
    private int next;

    @Setup
    public void load() {
        pages = ExtractionPages.read(ExtractionPages.list(dir));
    }

    private byte[] nextPage() {
        byte[] p = pages.get(next);
        next = next + 1 == pages.size() ? 0 : next + 1;
        return p;
    }

    @Benchmark
    public Document jsoupParse() {
        try {
            return Jsoup.parse(new ByteArrayInputStream(nextPage()), null, "https://example.org/page");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public ExtractedPage extract() {
        return extractor.extract(HtmlDecoder.parse(nextPage(), null, "https://example.org/page"));
    }
}
