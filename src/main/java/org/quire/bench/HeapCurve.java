package org.quire.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongUnaryOperator;

/**
 * The live heap of a crawl as it grows: the heap after GC from the child's gc log at a few evenly spaced moments,
 * each paired with the pages served by then (the gc log's uptime is mapped to the bench's clock from the moment
 * the child was started).
 */
public final class HeapCurve {

    /** One point: the GC's uptime in the child, the pages served by then, and the heap after that GC. */
    public record Point(long uptimeMillis, long pages, long liveBytes) {
    }

    private HeapCurve() {
    }

    /**
     * Picks the GC nearest each of {@code points} evenly spaced moments between the first and the last GC.
     *
     * @param gcCurve          {uptime ms, heap after GC bytes} per GC, in time order (see {@link GcLogPeak.Heap})
     * @param childStartNanos  {@link System#nanoTime()} when the child was started
     * @param pagesAtNanos     pages served as of a {@link System#nanoTime()} moment
     */
    public static List<Point> byPages(List<long[]> gcCurve, long childStartNanos, LongUnaryOperator pagesAtNanos,
                                      int points) {
        List<Point> out = new ArrayList<>();
        if (gcCurve.isEmpty() || points < 1) {
            return out;
        }
        long first = gcCurve.get(0)[0];
        long last = gcCurve.get(gcCurve.size() - 1)[0];
        int gc = 0;
        int previous = -1;
        for (int i = 0; i < points; i++) {
            long target = points == 1 ? last : first + (last - first) * i / (points - 1);
            while (gc + 1 < gcCurve.size()
                    && Math.abs(gcCurve.get(gc + 1)[0] - target) <= Math.abs(gcCurve.get(gc)[0] - target)) {
                gc++;
            }
            if (gc == previous) {
                continue;
            }
            previous = gc;
            long[] e = gcCurve.get(gc);
            out.add(new Point(e[0], pagesAtNanos.applyAsLong(childStartNanos + e[0] * 1_000_000), e[1]));
        }
        return out;
    }

    /** E.g. {@code heap after GC by pages: 0:15MB 12k:16MB 25k:16MB}. */
    public static String format(List<Point> curve) {
        StringBuilder sb = new StringBuilder("heap after GC by pages:");
        for (Point p : curve) {
            sb.append(' ').append(compact(p.pages())).append(':')
                    .append(Math.round(p.liveBytes() / 1048576.0)).append("MB");
        }
        return sb.toString();
    }

    static String compact(long n) {
        if (n < 10_000) {
            return Long.toString(n);
        }
        if (n < 10_000_000) {
            return Math.round(n / 1000.0) + "k";
        }
        return String.format(Locale.ROOT, "%.1fM", n / 1e6);
    }
}
