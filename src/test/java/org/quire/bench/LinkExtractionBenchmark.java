package org.quire.bench;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.quire.extract.Link;
import org.quire.extract.LinkExtractor;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Link extraction from one parsed 10 KB bench-web page (about 25 links); parsing itself is not measured. */
@State(Scope.Benchmark)
public class LinkExtractionBenchmark {

    private Document doc;
    private final LinkExtractor links = new LinkExtractor();

    @Setup
    public void setUp() {
        String html = new String(new NewsPages(200, 10 * 1024).page(3, 42, "http://127.0.1.5:8080/"),
                StandardCharsets.UTF_8);
        doc = Jsoup.parse(html, "http://127.0.1.4:8080/article/42.html");
    }

    @Benchmark
    public List<Link> extractLinks() {
        return links.extract(doc);
    }
}
