package org.quire.frontier;

import org.quire.archive.RecordLocation;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The crawl frontier of one job, kept in an embedded SQLite file in the job folder, so that a frontier of millions
 * of URLs lives on disk and survives a crash.
 * <p>
 * Only per-host scheduling state (and a bounded set of the URLs stored most recently, which answers links repeated
 * page after page without a database statement) lives in memory: for each host its next-allowed time, how many URLs it has queued,
 * which URL is in flight, and a small buffer of its next URLs (at most 10,000 buffered in all); hosts with something
 * to hand out sit in a set ordered by the time they became (or become) ready, so ready hosts take turns. Each host's
 * URLs are read from the database in small batches, oldest first. Every change is written at once into a
 * long-running transaction that is committed every 10,000 changes and at least every 100 ms, so a crash loses at
 * most that much work, and {@link #flush} makes everything durable at once.
 * <p>
 * The database finds a URL by its 64-bit {@link UrlFingerprints fingerprint} (host hash, then URL hash) and then
 * compares the stored text, so its look-up index stays some five times smaller than one on the URL text (and in
 * the page cache five times longer), while two URLs sharing a fingerprint are still told apart exactly.
 * <p>
 * A URL's row stays queued while the URL is in flight (until it is done or re-queued), so on reopen URLs that were
 * in flight when the process died are handed out again (their attempt not counted);
 * done URLs stay done and are never handed out again. One process at a time may use a database file.
 * <p>
 * Thread-safe: one lock guards the scheduling state and the database connection; {@link #next} waits on a
 * condition, woken by every {@code add}, {@code complete} and {@code postpone} and by the earliest host's
 * ready time, never by polling the database.
 */
public final class SqliteFrontier implements Frontier {

    static final int COMMIT_EVERY = 10_000;
    static final long COMMIT_INTERVAL_MS = 100;
    static final int DEFAULT_READ_BATCH = 8;
    static final int DEFAULT_MAX_BUFFERED = 10_000;
    /** URLs per generation of the in-memory set of recently stored URLs (two generations: some 5 MB of heap). */
    static final int RECENT_URLS = 16_384;

    private final UrlStore store;
    private final int readBatch;
    private final int maxBuffered;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, HostState> hostsByKey = new HashMap<>();
    /** Hosts with queued URLs and nothing in flight, earliest ready first. */
    private final TreeSet<HostState> ready = new TreeSet<>(
            Comparator.<HostState>comparingLong(h -> h.readyAt).thenComparingLong(h -> h.id));
    private final ScheduledExecutorService committer;
    /** Links offered again soon after (menus, footers) are answered from here, without a database statement. */
    private final RecentUrls recent = new RecentUrls(RECENT_URLS);

    private long queued;
    private long inFlight;
    private long done;
    private int buffered;
    private boolean closed;

    private SqliteFrontier(UrlStore store, int readBatch, int maxBuffered) {
        this.store = store;
        this.readBatch = readBatch;
        this.maxBuffered = maxBuffered;
        load();
        committer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "frontier-commit");
            t.setDaemon(true);
            return t;
        });
        committer.scheduleWithFixedDelay(this::commitIfDirty, COMMIT_INTERVAL_MS, COMMIT_INTERVAL_MS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Creates the frontier database at {@code dbFile} (and its folder), or reopens it after a clean stop or a
     * crash.
     *
     * @throws FrontierException when the file cannot be opened as a frontier database
     */
    public static SqliteFrontier open(Path dbFile) {
        return open(dbFile, DEFAULT_READ_BATCH, DEFAULT_MAX_BUFFERED);
    }

    /** As {@link #open(Path)}, with the size of per-host read batches and the cap on URLs buffered in memory. */
    static SqliteFrontier open(Path dbFile, int readBatch, int maxBuffered) {
        if (readBatch < 1 || maxBuffered < 1) {
            throw new IllegalArgumentException("readBatch and maxBuffered must be positive");
        }
        UrlStore store = UrlStore.open(dbFile, COMMIT_EVERY);
        try {
            return new SqliteFrontier(store, readBatch, maxBuffered);
        } catch (RuntimeException e) {
            store.abandon();
            throw e;
        }
    }

    private void load() {
        for (UrlStore.HostRow row : store.hosts()) {
            hostsByKey.put(row.name(), new HostState(row.id(), row.name(), row.nextAllowed()));
        }
        store.requeueAllInFlight();
        Map<Long, HostState> byId = new HashMap<>();
        hostsByKey.values().forEach(h -> byId.put(h.id, h));
        store.queuedByHost((hostId, count) -> {
            HostState h = byId.get(hostId);
            if (h == null) {
                throw new IllegalStateException("queued URLs of unknown host id " + hostId);
            }
            h.queued = count;
            queued += count;
        });
        done = store.countAll() - queued;
        for (HostState h : hostsByKey.values()) {
            if (h.queued > 0) {
                schedule(h, h.nextAllowed);
            }
        }
        store.commit();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException naming the URL when one has no host; then none of the batch is added
     */
    @Override
    public int add(Collection<Candidate> candidates) {
        return store(candidates, null).queued;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException naming the URL when one has no host; then none of the batch is added
     */
    @Override
    public List<Candidate> add(Collection<Candidate> candidates, Function<Candidate, String> refusal) {
        return store(candidates, refusal).refused;
    }

    private record Stored(int queued, List<Candidate> refused) {
    }

    /** Stores the candidates not seen before, queued or (refused) done. */
    private Stored store(Collection<Candidate> candidates, Function<Candidate, String> refusal) {
        if (candidates.isEmpty()) {
            return new Stored(0, List.of());
        }
        List<Candidate> list = new ArrayList<>(candidates.size());
        synchronized (recent) {
            for (Candidate c : candidates) {
                if (!recent.contains(c.url())) {
                    list.add(c);
                }
            }
        }
        if (list.isEmpty()) {
            lock.lock();
            try {
                checkOpen();
                return new Stored(0, List.of());
            } finally {
                lock.unlock();
            }
        }
        String[] keys = new String[list.size()];
        long[] fingerprints = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            String url = list.get(i).url();
            keys[i] = HostKeys.of(url);
            fingerprints[i] = UrlFingerprints.of(url, keys[i]);
        }
        lock.lock();
        try {
            checkOpen();
            HostState[] hosts = new HostState[keys.length];
            long[] hostIds = new long[keys.length];
            for (int i = 0; i < keys.length; i++) {
                hosts[i] = hostsByKey.get(keys[i]);
                if (hosts[i] == null) {
                    hosts[i] = new HostState(store.insertHost(keys[i]), keys[i], 0);
                    hostsByKey.put(keys[i], hosts[i]);
                }
                hostIds[i] = hosts[i].id;
            }
            long now = System.currentTimeMillis();
            String[] inserted = store.insertUrls(list, hostIds, fingerprints, refusal, now);
            synchronized (recent) {
                for (Candidate c : list) {
                    recent.remember(c.url());
                }
            }
            List<Candidate> refused = List.of();
            int added = 0;
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i] == null) {
                    continue;
                }
                if (!UrlStore.QUEUED.equals(inserted[i])) {
                    if (refused.isEmpty()) {
                        refused = new ArrayList<>();
                    }
                    refused.add(list.get(i)); // seen and done: nothing to schedule
                    continue;
                }
                added++;
                HostState h = hosts[i];
                h.queued++;
                if (!h.inFlight()) {
                    // A new URL is ready at once, so the host is ready from its next-allowed time on, even if its
                    // other URLs were all postponed.
                    long readyAt = Math.max(h.nextAllowed, now);
                    if (!h.scheduled || h.readyAt > readyAt) {
                        schedule(h, readyAt);
                    }
                }
            }
            queued += added;
            done += refused.size();
            store.commitIfDue();
            if (added > 0) {
                changed.signalAll();
            }
            return new Stored(added, refused);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<CrawlUrl> next(Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, saturatedNanos(maxWait));
        lock.lockInterruptibly();
        try {
            while (true) {
                if (closed || queued == 0 && inFlight == 0) {
                    return Optional.empty();
                }
                long now = System.currentTimeMillis();
                HostState first = ready.isEmpty() ? null : ready.first();
                if (first != null && first.readyAt <= now) {
                    ready.pollFirst();
                    first.scheduled = false;
                    CrawlUrl url = take(first, now);
                    if (url != null) {
                        return Optional.of(url);
                    }
                    continue; // nothing of that host was ready after all: it has been rescheduled
                }
                long waitNanos = deadline - System.nanoTime();
                if (waitNanos <= 0) {
                    return Optional.empty();
                }
                if (first != null) {
                    waitNanos = Math.min(waitNanos, TimeUnit.MILLISECONDS.toNanos(first.readyAt - now));
                }
                changed.awaitNanos(waitNanos);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Hands out the host's next ready URL, or reschedules the host for when its first postponed URL is due. */
    private CrawlUrl take(HostState h, long now) {
        if (h.buffer.isEmpty()) {
            int limit = Math.max(1, Math.min(readBatch, maxBuffered - buffered));
            List<CrawlUrl> batch = store.readyBatch(h.id, h.key, now, limit);
            h.buffer.addAll(batch);
            buffered += batch.size();
        }
        CrawlUrl url = h.buffer.peekFirst();
        if (url == null) {
            long earliest = store.earliestNotBefore(h.id).orElseThrow(
                    () -> new IllegalStateException("host " + h.key + " counted " + h.queued + " queued, found none"));
            schedule(h, Math.max(h.nextAllowed, earliest));
            return null;
        }
        // the row stays queued (state 0) while in flight: nothing reads a host's queue while it has a URL in flight
        // (only take() for a host with none does), and a crash leaves it queued, which is what a reopen wants
        h.buffer.pollFirst();
        buffered--;
        h.inFlightId = url.id();
        h.queued--;
        queued--;
        inFlight++;
        store.commitIfDue();
        return url;
    }

    @Override
    public void complete(CrawlUrl url, String outcome, Instant hostNextAllowed) {
        complete(url, outcome, hostNextAllowed, null);
    }

    /**
     * As {@link #complete(CrawlUrl, String, Instant)}, also recording where the URL's response (or revisit)
     * record landed, so that a resume can tell which captures are already archived.
     *
     * @param where the record's location, or null when nothing was archived
     */
    public void complete(CrawlUrl url, String outcome, Instant hostNextAllowed, RecordLocation where) {
        lock.lock();
        try {
            HostState h = releasing(url);
            long nextAllowed = toMillis(hostNextAllowed);
            long now = System.currentTimeMillis();
            store.markDone(url.id(), outcome, now, where);
            storeNextAllowed(h, nextAllowed, now);
            h.inFlightId = -1;
            h.nextAllowed = nextAllowed;
            inFlight--;
            done++;
            if (h.queued > 0) {
                schedule(h, Math.max(nextAllowed, System.currentTimeMillis()));
            }
            store.commitIfDue();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes a queued URL out of its queue as if {@link #next} had handed it out, whatever its host's schedule, so
     * that a resume can {@link #complete} a URL whose capture was found archived but not yet marked done. The
     * caller answers it like any other handed-out URL.
     *
     * @return the URL, or empty when it is unknown, already done, or its host has another URL in flight
     */
    public Optional<CrawlUrl> claimQueued(String url) {
        OptionalLong fp = fingerprint(url);
        lock.lock();
        try {
            checkOpen();
            if (fp.isEmpty()) {
                return Optional.empty();
            }
            Optional<UrlStore.QueuedRow> row = store.queued(url, fp.getAsLong());
            if (row.isEmpty()) {
                return Optional.empty();
            }
            UrlStore.QueuedRow r = row.get();
            HostState h = null;
            for (HostState candidate : hostsByKey.values()) {
                if (candidate.id == r.hostId()) {
                    h = candidate;
                    break;
                }
            }
            if (h == null || h.inFlight()) {
                return Optional.empty();
            }
            if (h.buffer.removeIf(u -> u.id() == r.id())) {
                buffered--;
            }
            if (h.scheduled) {
                ready.remove(h);
                h.scheduled = false;
            }
            h.inFlightId = r.id();
            h.queued--;
            queued--;
            inFlight++;
            return Optional.of(new CrawlUrl(r.id(), url, h.key, r.depth(), r.via(), r.discoveryPath(), r.attempts()));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void postpone(CrawlUrl url, Instant notBefore, Instant hostNextAllowed, boolean countAsAttempt) {
        lock.lock();
        try {
            HostState h = releasing(url);
            long nextAllowed = toMillis(hostNextAllowed);
            store.requeue(url.id(), toMillis(notBefore), countAsAttempt);
            storeNextAllowed(h, nextAllowed, System.currentTimeMillis());
            h.inFlightId = -1;
            h.nextAllowed = nextAllowed;
            h.queued++;
            queued++;
            inFlight--;
            // If the host has nothing else ready by then, take() finds out and reschedules it for notBefore.
            schedule(h, Math.max(nextAllowed, System.currentTimeMillis()));
            store.commitIfDue();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private HostState releasing(CrawlUrl url) {
        checkOpen();
        HostState h = hostsByKey.get(url.hostKey());
        if (h == null || h.inFlightId != url.id()) {
            throw new IllegalStateException("not in flight: " + url.url());
        }
        return h;
    }

    /**
     * Stores a host's next-allowed time for a reopen, when it lies ahead: a time already past tells a reopen nothing
     * (the host is ready then either way). A value stored earlier and left there can only be in the past too, or
     * (after a resume completed a URL outside the host's schedule) make a reopened crawl wait longer, never
     * shorter. With no delays (a local mirror, the bench) that saves a statement per page.
     */
    private void storeNextAllowed(HostState h, long nextAllowed, long now) {
        if (nextAllowed > now) {
            store.setNextAllowed(h.id, nextAllowed);
        }
    }

    private void schedule(HostState h, long readyAt) {
        if (h.scheduled) {
            ready.remove(h);
        }
        h.readyAt = readyAt;
        h.scheduled = true;
        ready.add(h);
    }

    @Override
    public boolean isExhausted() {
        lock.lock();
        try {
            return queued == 0 && inFlight == 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public FrontierStats stats() {
        lock.lock();
        try {
            return new FrontierStats(queued, inFlight, done, hostsByKey.size());
        } finally {
            lock.unlock();
        }
    }

    /** How many URLs are done, whatever their outcome. */
    public long countDone() {
        lock.lock();
        try {
            return done;
        } finally {
            lock.unlock();
        }
    }

    /** The outcome stored for a done URL; empty when the URL was never added or is not done yet. */
    public Optional<String> outcome(String url) {
        OptionalLong fp = fingerprint(url);
        lock.lock();
        try {
            checkOpen();
            return fp.isEmpty() ? Optional.empty() : store.outcome(url, fp.getAsLong());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void flush() {
        lock.lock();
        try {
            checkOpen();
            store.commit();
        } finally {
            lock.unlock();
        }
    }

    /** Flushes and closes the database; waiting {@link #next} calls return empty. Closing twice is harmless. */
    @Override
    public void close() {
        committer.shutdown();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            changed.signalAll();
            store.close();
        } finally {
            lock.unlock();
        }
    }

    /** Stops without committing or closing properly, as a killed process would. For crash tests. */
    void abandon() {
        committer.shutdownNow();
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
            store.abandon();
        } finally {
            lock.unlock();
        }
    }

    private void commitIfDirty() {
        lock.lock();
        try {
            if (!closed && store.dirty()) {
                store.commit();
            }
        } catch (RuntimeException e) {
            // The next operation or flush reports the failure to its caller; the timer must keep running.
        } finally {
            lock.unlock();
        }
    }

    /** The URL's fingerprint; empty for a URL without a host, which cannot have been added. */
    private static OptionalLong fingerprint(String url) {
        try {
            return OptionalLong.of(UrlFingerprints.of(url));
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("frontier is closed");
        }
    }

    /** Epoch millis, rounded up so that nothing is handed out before the instant asked for. */
    private static long toMillis(Instant t) {
        if (t == null) {
            return 0;
        }
        try {
            long ms = t.toEpochMilli();
            return t.getNano() % 1_000_000 == 0 ? ms : Math.addExact(ms, 1);
        } catch (ArithmeticException e) {
            return t.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? 0 : Long.MAX_VALUE / 2;
        }
    }
}
