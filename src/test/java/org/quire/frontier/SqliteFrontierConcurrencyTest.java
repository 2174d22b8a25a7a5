package org.quire.frontier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many fetch threads sharing one {@link SqliteFrontier}. */
class SqliteFrontierConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void neverHandsOutAHostTwiceAtOnceAndHandsOutEveryUrlExactlyOnce() throws Exception {
        int hosts = 50;
        int perHost = 12;
        try (SqliteFrontier frontier = SqliteFrontier.open(dir.resolve("frontier.db"), 4, 64)) {
            List<Candidate> all = new ArrayList<>();
            for (int i = 0; i < perHost; i++) {
                for (int h = 0; h < hosts; h++) {
                    all.add(Candidate.seed("http://h" + h + ".test/p" + i));
                }
            }
            frontier.add(all);

            Set<String> busyHosts = ConcurrentHashMap.newKeySet();
            Set<String> handedOut = ConcurrentHashMap.newKeySet();
            AtomicInteger overlaps = new AtomicInteger();
            AtomicInteger duplicates = new AtomicInteger();
            AtomicInteger discovered = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                workers.add(pool.submit(() -> {
                    while (true) {
                        Optional<CrawlUrl> next = frontier.next(Duration.ofSeconds(30));
                        if (next.isEmpty()) {
                            return null;
                        }
                        CrawlUrl u = next.get();
                        if (!busyHosts.add(u.hostKey())) {
                            overlaps.incrementAndGet();
                        }
                        Thread.sleep(ThreadLocalRandom.current().nextInt(2));
                        busyHosts.remove(u.hostKey());
                        if (u.attempts() == 0 && u.url().endsWith("/p3")) {
                            // a retry, so that postponements race with the others too
                            frontier.postpone(u, Instant.now(), Instant.now(), true);
                            continue;
                        }
                        if (!handedOut.add(u.url())) {
                            duplicates.incrementAndGet();
                        }
                        if (u.url().endsWith("/p0")) {
                            // links discovered while others are being fetched
                            frontier.add(List.of(new Candidate(u.url() + "/child", 1, u.url(), "L")));
                            discovered.incrementAndGet();
                        }
                        frontier.complete(u, "200", Instant.now());
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
            pool.shutdown();

            assertEquals(0, overlaps.get(), "a host was handed out while one of its URLs was in flight");
            assertEquals(0, duplicates.get(), "a URL was handed out after it was done");
            assertEquals(hosts, discovered.get());
            assertEquals(hosts * (perHost + 1), handedOut.size());
            assertTrue(frontier.isExhausted());
            assertEquals(new FrontierStats(0, 0, hosts * (perHost + 1), hosts), frontier.stats());
        }
    }
}
