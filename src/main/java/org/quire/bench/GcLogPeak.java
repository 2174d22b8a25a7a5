package org.quire.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a child JVM's {@code -Xlog:gc} file: the heap in use before each collection (its peak is the crawl's
 * peak heap) and after it (the live set, whose curve shows whether the heap grows with the crawl).
 */
public final class GcLogPeak {

    /** Heap figures in bytes; -1 when the log shows no collection. */
    public record Heap(long peakUsedBytes, long maxLiveBytes, int collections, List<long[]> liveCurve) {
    }

    private static final Pattern GC = Pattern.compile("^\\[([\\d.]+)s\\].*GC\\(\\d+\\).*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private GcLogPeak() {
    }

    /** Parses the log at {@code file}; a missing file gives an empty result. */
    public static Heap read(Path file) {
        long peak = -1;
        long live = -1;
        int n = 0;
        List<long[]> curve = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                Matcher m = GC.matcher(line);
                if (m.find()) {
                    long before = bytes(m.group(2), m.group(3));
                    long after = bytes(m.group(4), m.group(5));
                    peak = Math.max(peak, before);
                    live = Math.max(live, after);
                    curve.add(new long[]{(long) (Double.parseDouble(m.group(1)) * 1000), after});
                    n++;
                }
            }
        } catch (IOException e) {
            // no log
        }
        return new Heap(peak, live, n, curve);
    }

    private static long bytes(String v, String unit) {
        long x = Long.parseLong(v);
        return switch (unit) {
            case "K" -> x << 10;
            case "M" -> x << 20;
            default -> x << 30;
        };
    }
}
