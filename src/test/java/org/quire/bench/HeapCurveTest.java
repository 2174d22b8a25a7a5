package org.quire.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The heap-after-GC curve of a crawl, mapped from gc-log uptime to the pages served at that moment. */
class HeapCurveTest {

    private static final long S = 1_000_000_000L;

    @Test
    void pairsEvenlySpacedCollectionsWithThePagesServedByThen() throws Exception {
        GcLogPeak.Heap heap = GcLogPeak.read(Path.of(getClass().getResource("/bench/gc-13.log").toURI()));
        assertEquals(13, heap.collections());
        long start = System.nanoTime() + 1_000 * S;   // the child's start, after the sampler's own samples
        // 100 pages per second served from the child's start on, sampled every 100 ms
        PagesSampler served = PagesSampler.start(() -> 0, 60_000);
        served.close();
        for (int i = 0; i <= 140; i++) {
            served.record(start + i * S / 10, i * 10L);
        }
        List<HeapCurve.Point> curve = HeapCurve.byPages(heap.liveCurve(), start, served::countAt, 4);
        // moments 1 s, 4.83 s, 8.67 s, 12.5 s -> the GCs at 1 s, 5 s, 9 s and 12.5 s
        assertEquals(List.of(1_000L, 5_000L, 9_000L, 12_500L), curve.stream().map(HeapCurve.Point::uptimeMillis).toList());
        assertEquals(List.of(100L, 500L, 900L, 1250L), curve.stream().map(HeapCurve.Point::pages).toList());
        assertEquals("heap after GC by pages: 100:10MB 500:14MB 900:18MB 1250:22MB", HeapCurve.format(curve));
    }

    @Test
    void aSampleCountsFromItsMomentOnAndLargeCountsAreShortened() {
        PagesSampler s = PagesSampler.start(() -> 0, 60_000);
        s.close();
        s.record(Long.MAX_VALUE - 10, 7);
        assertEquals(0, s.countAt(Long.MAX_VALUE - 11));
        assertEquals(7, s.countAt(Long.MAX_VALUE - 10));
        assertEquals("999", HeapCurve.compact(999));
        assertEquals("123k", HeapCurve.compact(123_456));
        assertEquals("12.3M", HeapCurve.compact(12_345_678));
    }
}
