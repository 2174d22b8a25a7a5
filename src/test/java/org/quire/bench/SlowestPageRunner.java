package org.quire.bench;

import org.quire.extract.HtmlDecoder;
import org.quire.extract.HtmlExtractor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the slowest pages to decode, parse and extract: runs the whole directory a few times to warm up, then
 * times every page on one thread (best of three timings per page) and prints the slowest ones and percentiles,
 * and the summed best timings of bare jsoup parse vs the whole extraction (a noise-robust ratio).
 * Not a test; usage: {@code java -cp ... org.quire.bench.SlowestPageRunner DIR [warm-up passes]}.
 */
public final class SlowestPageRunner {

    private SlowestPageRunner() {
    }

    public static void main(String[] args) {
        String dir = args.length > 0 ? args[0] : "../shared/extraction-dev/html";
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Path> files = ExtractionPages.list(dir);
        List<byte[]> pages = ExtractionPages.read(files);
        HtmlExtractor extractor = new HtmlExtractor();
        for (int w = 0; w < warmups; w++) {
            for (byte[] p : pages) {
                extractor.extract(HtmlDecoder.parse(p, null, "https://example.org/page"));
            }
        }
        long[] nanos = new long[pages.size()];
        long parseTotal = 0;
        for (int i = 0; i < pages.size(); i++) {
            long best = Long.MAX_VALUE;
            long bestParse = Long.MAX_VALUE;
            for (int r = 0; r < 3; r++) {
                long t0 = System.nanoTime();
                extractor.extract(HtmlDecoder.parse(pages.get(i), null, "https://example.org/page"));
                best = Math.min(best, System.nanoTime() - t0);
                t0 = System.nanoTime();
                try {
                    org.jsoup.Jsoup.parse(new java.io.ByteArrayInputStream(pages.get(i)), null, "https://example.org/page");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                bestParse = Math.min(bestParse, System.nanoTime() - t0);
            }
            nanos[i] = best;
            parseTotal += bestParse;
        }
        long total = Arrays.stream(nanos).sum();
        System.out.printf("best-of-3 totals: bare jsoup parse %.0f pages/s, decode+parse+extract %.0f pages/s, "
                + "ratio %.2f%n", pages.size() / (parseTotal / 1e9), pages.size() / (total / 1e9),
                (double) total / parseTotal);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < nanos.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Long.compare(nanos[b], nanos[a]));
        for (int k = 0; k < Math.min(5, order.size()); k++) {
            int i = order.get(k);
            System.out.printf("%8.1f ms  %7d KB  %s%n", nanos[i] / 1e6, pages.get(i).length / 1024,
                    files.get(i).getFileName());
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("pages %d, median %.2f ms, p99 %.2f ms, max %.1f ms%n", sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }
}
