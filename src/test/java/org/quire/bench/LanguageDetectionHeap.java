package org.quire.bench;

import org.quire.extract.LanguageDetection;

import java.lang.management.ManagementFactory;

/**
 * Measures the heap that language detection keeps once its models are loaded: used heap after a full GC before
 * and after detecting one text per supported script/language family. Not a test; run by hand (BENCHMARKS.md).
 */
public final class LanguageDetectionHeap {

    private LanguageDetectionHeap() {
    }

    public static void main(String[] args) throws Exception {
        long before = usedAfterGc();
        String[] samples = {
                "The city council voted on Tuesday evening to approve the construction of a new bridge",
                "Der Stadtrat hat am Dienstagabend den Bau einer neuen Brücke über den Fluss beschlossen",
                "Le conseil municipal a voté mardi soir la construction d'un nouveau pont sur la rivière",
                "Городской совет во вторник вечером проголосовал за строительство нового моста через реку",
                "市议会周二晚上投票批准在河上建造一座新桥，结束了持续三年多的辩论和讨论。"};
        long t0 = System.nanoTime();
        for (String s : samples) {
            System.out.println(LanguageDetection.detect(s) + "  " + s.substring(0, 30));
        }
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        long after = usedAfterGc();
        System.out.printf("first detections (model loading) %d ms; heap kept by language detection: %.1f MB%n",
                loadMs, (after - before) / 1048576.0);
        System.out.printf("RSS (VmRSS) now: %s%n", rss());
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String rss() {
        try {
            for (String l : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS")) {
                    return l.substring(6).strip();
                }
            }
        } catch (java.io.IOException e) {
            return "unknown";
        }
        return "unknown";
    }
}
