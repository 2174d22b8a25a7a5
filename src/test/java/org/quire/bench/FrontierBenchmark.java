package org.quire.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.quire.frontier.Candidate;
import org.quire.frontier.CrawlUrl;
import org.quire.frontier.SqliteFrontier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One crawled page's worth of frontier work on a SQLite frontier pre-filled with {@code size} URLs over 100
 * hosts: insert the page's 20 discovered links (mostly new), take the next ready URL, complete it.
 */
@State(Scope.Benchmark)
public class FrontierBenchmark {

    @Param({"10000", "100000"})
    public int size;

    private Path dir;
    private SqliteFrontier frontier;
    private long n;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("frontier-bench");
        frontier = SqliteFrontier.open(dir.resolve("state.db"));
        List<Candidate> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            batch.add(new Candidate(url(i), 1, "http://127.0.1.1/", "L"));
            if (batch.size() == 1000) {
                frontier.add(batch);
                batch.clear();
            }
        }
        frontier.add(batch);
        frontier.flush();
        n = size;
    }

    private static String url(long i) {
        return "http://127.0." + (1 + i % 100 / 50) + "." + (1 + i % 50) + "/article/" + i + ".html";
    }

    @Benchmark
    public CrawlUrl insertNextComplete() throws InterruptedException {
        List<Candidate> links = new ArrayList<>(20);
        for (int i = 0; i < 20; i++) {
            // three in four links are new, the rest were seen before
            long id = (i & 3) == 0 ? (n * 7 + i) % n : n++;
            links.add(new Candidate(url(id), 2, "http://127.0.1.1/x", "LL"));
        }
        frontier.add(links);
        CrawlUrl next = frontier.next(Duration.ofSeconds(1)).orElseThrow();
        frontier.complete(next, "200", Instant.now());
        return next;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        frontier.close();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
