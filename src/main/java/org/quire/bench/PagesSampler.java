package org.quire.bench;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Samples a growing count (the pages a {@link BenchWeb} has served) with its {@link System#nanoTime()} at a fixed
 * period on a daemon thread, so that moments of a child process (its GC events) can be paired with the count at
 * that time. Memory: two longs per sample (36,000 samples for an hour at 100 ms).
 */
public final class PagesSampler implements AutoCloseable {

    private final LongSupplier count;
    private final long periodMillis;
    private final Thread thread;
    private long[] nanos = new long[1024];
    private long[] counts = new long[1024];
    private int size;
    private volatile boolean stopped;

    private PagesSampler(LongSupplier count, long periodMillis) {
        this.count = count;
        this.periodMillis = periodMillis;
        this.thread = new Thread(this::loop, "pages-sampler");
        thread.setDaemon(true);
    }

    /** Takes a first sample now and one every {@code periodMillis} until {@link #close}. */
    public static PagesSampler start(LongSupplier count, long periodMillis) {
        PagesSampler s = new PagesSampler(count, periodMillis);
        s.sample();
        s.thread.start();
        return s;
    }

    private void loop() {
        while (!stopped) {
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
            sample();
        }
    }

    /** Records the count as of now. */
    synchronized void sample() {
        record(System.nanoTime(), count.getAsLong());
    }

    /** Records a sample taken at {@code atNanos} (samples come in time order). */
    synchronized void record(long atNanos, long value) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        nanos[size] = atNanos;
        counts[size] = value;
        size++;
    }

    /** The count of the last sample taken at or before {@code atNanos}; 0 before the first sample. */
    public synchronized long countAt(long atNanos) {
        int i = Arrays.binarySearch(nanos, 0, size, atNanos);
        int at = i >= 0 ? i : -i - 2;
        return at < 0 ? 0 : counts[at];
    }

    /** Stops sampling after one last sample. */
    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }
}
