package org.quire.bench;

import org.quire.frontier.Candidate;
import org.quire.frontier.CrawlUrl;
import org.quire.frontier.FrontierStats;
import org.quire.frontier.SqliteFrontier;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code quire bench --mode frontier}, the child side: fills a {@link SqliteFrontier} with N URLs over H hosts as a
 * crawl does (batches of 25 discovered links of 60-90 characters, about half of them new, the rest links seen
 * before: the host's menu and a few older pages), and at every 10 % prints the insert throughput of the last
 * chunk, the cost of taking the next URL and completing it (with no politeness delay), the heap after a full GC
 * and the database size, then a verdict line. The URLs are computed from counters, so the generator itself needs
 * no memory that grows with N.
 * <p>
 * Usage: {@code java -Xmx512m -cp ... org.quire.bench.FrontierScale <database file> <urls> <hosts>}; exits 0 when
 * every URL was stored, 1 otherwise, 2 on bad arguments.
 */
public final class FrontierScale {

    /** The figures measured when the fill reached {@code percent} % of its URLs. */
    public record Checkpoint(int percent, long urls, double offeredPerSecond, double newPerSecond,
                             double microsPerNextComplete, long heapAfterGcBytes, long databaseBytes) {
    }

    /** What a fill measured and what the frontier holds at its end. */
    public record Result(List<Checkpoint> checkpoints, long added, FrontierStats stats) {
    }

    static final int BATCH = 25;
    static final int NEW_PER_BATCH = 13;
    private static final int MENU_LINKS = 8;
    private static final String[] SECTIONS = {"politics", "sport", "business", "culture", "science", "world",
            "local", "opinion"};
    private static final String[] WORDS = {"council", "budget", "river", "school", "election", "market", "storm",
            "festival", "minister", "harbour", "museum", "league", "railway", "report", "village", "climate",
            "hospital", "summit", "housing", "energy", "farmers", "bridge", "court", "season", "science", "street",
            "airport", "library", "coast", "vote", "police", "garden"};
    private static final String[] PATHS = {"L", "LL", "LLL", "LLLL"};

    private final long urls;
    private final int hosts;
    private final PrintStream out;
    private long nextId;
    private long batchNo;

    FrontierScale(long urls, int hosts, PrintStream out) {
        this.urls = urls;
        this.hosts = hosts;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        long urls;
        int hosts;
        try {
            urls = Long.parseLong(args[1]);
            hosts = Integer.parseInt(args[2]);
        } catch (RuntimeException e) {
            System.err.println("usage: FrontierScale <database file> <urls> <hosts>");
            System.exit(2);
            return;
        }
        Result r = run(Path.of(args[0]), urls, hosts, System.out);
        System.out.flush();
        System.exit(r.stats().queued() + r.stats().inFlight() + r.stats().done() == urls && r.added() == urls ? 0 : 1);
    }

    /** Fills a new frontier database at {@code db} with {@code urls} URLs over {@code hosts} hosts, printing to {@code out}. */
    public static Result run(Path db, long urls, int hosts, PrintStream out) throws IOException, InterruptedException {
        if (urls < 10 || hosts < 1) {
            throw new IllegalArgumentException("at least 10 URLs and 1 host");
        }
        return new FrontierScale(urls, hosts, out).fill(db);
    }

    private Result fill(Path db) throws IOException, InterruptedException {
        int pairs = (int) Math.min(10_000, Math.max(1, urls / 100));
        long maxHeap = Runtime.getRuntime().maxMemory();
        out.printf(Locale.ROOT, "frontier fill: %d URLs over %d hosts into %s, batches of %d links (~%d new), "
                        + "heap limit %d MB; at every 10%%: %d next()+complete() pairs, heap after System.gc()%n",
                urls, hosts, db, BATCH, NEW_PER_BATCH, maxHeap >> 20, pairs);
        List<Checkpoint> checkpoints = new ArrayList<>();
        long added = 0;
        try (SqliteFrontier frontier = SqliteFrontier.open(db)) {
            long offered = 0;
            long chunkNew = 0;
            long chunkNanos = 0;
            int percent = 10;
            while (nextId < urls) {
                List<Candidate> batch = nextBatch();
                long t = System.nanoTime();
                int n = frontier.add(batch);
                chunkNanos += System.nanoTime() - t;
                offered += batch.size();
                chunkNew += n;
                added += n;
                if (nextId >= urls * percent / 100) {
                    double s = chunkNanos / 1e9;
                    double micros = nextAndComplete(frontier, pairs);
                    Checkpoint c = new Checkpoint(percent, nextId, offered / s, chunkNew / s, micros, heapAfterGc(),
                            size(db));
                    checkpoints.add(c);
                    print(c);
                    offered = 0;
                    chunkNew = 0;
                    chunkNanos = 0;
                    percent += 10;
                }
            }
            frontier.flush();
            FrontierStats stats = frontier.stats();
            Result r = new Result(checkpoints, added, stats);
            verdict(r, maxHeap);
            return r;
        }
    }

    /** The next batch of links found on a page: its host's new URLs, then its menu and a few older pages. */
    List<Candidate> nextBatch() {
        long before = nextId;
        long page = before == 0 ? 0 : mix(batchNo) % before;
        String via = before == 0 ? "https://www.news0.example/" : url(page);
        int depth = (int) (batchNo % PATHS.length);
        List<Candidate> batch = new ArrayList<>(BATCH);
        int fresh = (int) Math.min(NEW_PER_BATCH, urls - before);
        for (int i = 0; i < fresh; i++) {
            batch.add(new Candidate(url(nextId++), depth + 1, via, PATHS[depth]));
        }
        if (before > 0) {
            long host = (before / NEW_PER_BATCH) % hosts;
            for (int j = 0; j < BATCH - NEW_PER_BATCH; j++) {
                long id = j < MENU_LINKS ? host * NEW_PER_BATCH + j : before;   // the host's first URLs are its menu
                if (id >= before) {
                    id = mix(batchNo * 31 + j) % before;
                }
                batch.add(new Candidate(url(id), depth + 1, via, PATHS[depth]));
            }
        }
        batchNo++;
        return batch;
    }

    /** URL number {@code id}, e.g. {@code https://www.news42.example/culture/2019/river-vote-museum-1234567.html}. */
    String url(long id) {
        long host = (id / NEW_PER_BATCH) % hosts;
        long h = mix(id);
        return new StringBuilder(96).append("https://www.news").append(host).append(".example/")
                .append(SECTIONS[(int) (h & 7)]).append('/').append(2015 + id % 10).append('/')
                .append(WORDS[(int) (h >>> 3 & 31)]).append('-').append(WORDS[(int) (h >>> 8 & 31)]).append('-')
                .append(WORDS[(int) (h >>> 13 & 31)]).append('-').append(id).append(".html").toString();
    }

    /** A well-spread non-negative hash of {@code x} (SplitMix64's finaliser). */
    static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }

    /** Microseconds per next()+complete() pair over up to {@code pairs} pairs, with no politeness delay. */
    private static double nextAndComplete(SqliteFrontier frontier, int pairs) throws InterruptedException {
        long t = System.nanoTime();
        int done = 0;
        for (; done < pairs; done++) {
            Optional<CrawlUrl> u = frontier.next(Duration.ZERO);
            if (u.isEmpty()) {
                break;
            }
            frontier.complete(u.get(), "200", Instant.EPOCH);
        }
        return done == 0 ? Double.NaN : (System.nanoTime() - t) / 1e3 / done;
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The database file with its write-ahead log. */
    private static long size(Path db) throws IOException {
        long n = 0;
        for (String suffix : new String[]{"", "-wal"}) {
            Path p = Path.of(db + suffix);
            if (Files.exists(p)) {
                n += Files.size(p);
            }
        }
        return n;
    }

    private void print(Checkpoint c) {
        out.printf(Locale.ROOT, "  %3d%%  %,12d URLs  insert %,9.0f links/s (%,9.0f new/s)  next+complete %8.1f us"
                        + "  heap after GC %5.1f MB  database %,8.1f MB%n", c.percent(), c.urls(),
                c.offeredPerSecond(), c.newPerSecond(), c.microsPerNextComplete(), c.heapAfterGcBytes() / 1048576.0,
                c.databaseBytes() / 1048576.0);
    }

    private void verdict(Result r, long maxHeap) {
        List<Checkpoint> cs = r.checkpoints();
        Checkpoint first = cs.get(0);
        Checkpoint last = cs.get(cs.size() - 1);
        long peak = cs.stream().mapToLong(Checkpoint::heapAfterGcBytes).max().orElse(0);
        double insert = first.newPerSecond() / last.newPerSecond();          // cost ratio = inverse speed ratio
        double take = last.microsPerNextComplete() / first.microsPerNextComplete();
        // the chunks' middles are at 5 % and 95 % of N: what O(log n) and O(n) would make of the first chunk's cost
        double logRatio = Math.log(urls * 0.95) / Math.log(Math.max(2, urls * 0.05));
        FrontierStats s = r.stats();
        long stored = s.queued() + s.inFlight() + s.done();
        out.printf(Locale.ROOT, "verdict: %d of %d URLs stored (%d queued, %d done), %d hosts; peak heap after GC "
                        + "%.1f MB of %d MB: %s; cost last/first chunk: insert %.2fx, next+complete %.2fx "
                        + "(O(log n) would be %.2fx, O(n) 19x): %s%n",
                stored, urls, s.queued(), s.done(), s.hosts(), peak / 1048576.0, maxHeap >> 20,
                peak < maxHeap && maxHeap <= 512L << 20 ? "under 512 MB" : peak < 512L << 20 ? "under 512 MB (limit not set)" : "OVER 512 MB",
                insert, take, logRatio,
                Math.max(insert, take) <= Math.max(1.5, 2 * logRatio) ? "consistent with O(log n) or better"
                        : "GROWS faster than O(log n)");
    }
}
