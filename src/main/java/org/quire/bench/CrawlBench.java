package org.quire.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * {@code quire bench}: serves a {@link BenchWeb} from this JVM, crawls it with a child {@code quire crawl} JVM
 * (same java, class path and JVM flags as this process) measured from outside, optionally runs
 * {@code wget --warc-file} over the same web, audits politeness from the server's records and prints the figures
 * of each run and their medians.
 */
public final class CrawlBench {

    /** Options of one bench invocation. */
    public record Options(int hosts, int pages, int pageKb, int runs, int politeRuns, boolean raw, boolean polite, int politeHosts,
                          int politePages, Duration politeDelay, Duration crawlDelay, int crawlDelayEvery,
                          int threads, boolean wget, List<String> javaOpts, List<String> sets, Path workDir,
                          boolean keep, long frontierUrls, int frontierHosts) {
        /** Whether the frontier scale mode runs (frontierUrls > 0). */
        boolean frontier() {
            return frontierUrls > 0;
        }
    }

    /** Figures of one crawl run (quire or wget); heapCurve is null when not measured or too few GCs. */
    public record RunFigures(String tool, int exitCode, double wallSeconds, long pages, long pageBytes,
                             double cpuSeconds, double userSeconds, double systemSeconds, long peakRssBytes, long peakHeapBytes, long liveHeapBytes,
                             PolitenessAudit.Result politeness, long outputLines, long firstRequestMillis,
                             double webCpuSeconds, String heapCurve) {
        double pagesPerSecond() {
            return pages / wallSeconds;
        }

        double mbPerSecond() {
            return pageBytes / wallSeconds / (1 << 20);
        }

        /** CPU milliseconds per page, which equals CPU seconds per 1000 pages. */
        double cpuMsPerPage() {
            return cpuSeconds < 0 || pages == 0 ? -1 : cpuSeconds * 1000 / pages;
        }

        /** The bench web's CPU milliseconds per page while it served this run (-1 if unknown). */
        double webCpuMsPerPage() {
            return webCpuSeconds < 0 || pages == 0 ? -1 : webCpuSeconds * 1000 / pages;
        }
    }

    /** The heap curve of a run is printed only when its gc log has at least this many collections. */
    static final int MIN_GCS_FOR_CURVE = 10;

    /** The heap limit of the frontier scale child, which the fill must stay under. */
    static final int FRONTIER_HEAP_MB = 512;

    private final Options o;
    private final PrintStream out;

    public CrawlBench(Options options, PrintStream out) {
        this.o = options;
        this.out = out;
    }

    /** Runs every selected mode; returns false when a crawl failed. */
    public boolean run() throws IOException, InterruptedException {
        Path work = o.workDir() != null ? Files.createDirectories(o.workDir()) : Files.createTempDirectory("quire-bench");
        out.println("quire bench: work folder " + work + ", " + Runtime.getRuntime().availableProcessors()
                + " CPUs, crawler JVM flags: " + String.join(" ", childJvmFlags()));
        boolean ok = true;
        try {
            if (o.frontier()) {
                ok &= frontierMode(work.resolve("frontier"));
            }
            if (o.raw()) {
                ok &= mode("raw (delays 0)", new BenchWeb.Layout(o.hosts(), o.pages(), o.pageKb() * 1024,
                        Duration.ZERO, Duration.ZERO, 0), work.resolve("raw"), List.of(
                        "politeness.min-delay=0s", "politeness.delay-factor=0"), o.wget(), o.runs());
            }
            if (o.polite()) {
                ok &= mode("polite (" + o.politeDelay().toMillis() + " ms, Crawl-delay " + o.crawlDelay().toSeconds()
                                + " s on every " + o.crawlDelayEvery() + ". host)",
                        new BenchWeb.Layout(o.politeHosts(), o.politePages(), o.pageKb() * 1024, o.politeDelay(),
                                o.crawlDelay(), o.crawlDelayEvery()), work.resolve("polite"), List.of(
                                "politeness.min-delay=" + o.politeDelay().toMillis() + "ms"), false, o.politeRuns());
            }
        } finally {
            if (!o.keep()) {
                deleteTree(work);
            }
        }
        return ok;
    }

    /** Requests the web answers before the first run, spread over its hosts ({@link WebWarmUp}). */
    static final int WARM_UP_REQUESTS = 2000;

    private boolean mode(String title, BenchWeb.Layout layout, Path dir, List<String> modeSets, boolean withWget,
                         int runs) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        out.printf(Locale.ROOT, "%n== %s: %d hosts x %d pages of ~%d KB%n", title, layout.hosts(),
                layout.pagesPerHost(), layout.pageBytes() / 1024);
        List<RunFigures> quire = new ArrayList<>();
        List<RunFigures> wget = new ArrayList<>();
        boolean ok = true;
        try (BenchWeb web = BenchWeb.start(layout)) {
            WebWarmUp.run(web, Math.max(1, WARM_UP_REQUESTS / layout.hosts()));
            Path seeds = dir.resolve("seeds.txt");
            Files.write(seeds, web.seeds());
            for (int r = 1; r <= runs; r++) {
                RunFigures q = crawlOnce(web, dir.resolve("quire-" + r), seeds, modeSets);
                quire.add(q);
                print("quire #" + r, q);
                ok &= q.exitCode() == 0 && q.pages() > 0; // a crawl that fetched nothing is a failed run, not a slow one
                if (withWget) {
                    RunFigures w = wgetOnce(web, dir.resolve("wget-" + r), seeds);
                    wget.add(w);
                    print("wget  #" + r, w);
                }
            }
        }
        out.println("-- medians of " + runs + " run(s):");
        print("quire", median(quire));
        if (!wget.isEmpty()) {
            print("wget", median(wget));
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < wget.size(); i++) {
                ratios.add(quire.get(i).pagesPerSecond() / wget.get(i).pagesPerSecond());
            }
            out.printf(Locale.ROOT, "   quire/wget pages/s ratio: median %.2fx (runs: %s)%n", medianOf(ratios),
                    ratios.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList());
        }
        return ok;
    }

    private RunFigures crawlOnce(BenchWeb web, Path dir, Path seeds, List<String> modeSets)
            throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("seeds"));
        Files.copy(seeds, dir.resolve("seeds").resolve("bench.txt"));
        Path gcLog = dir.resolve("gc.log");
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(childJvmFlags());
        cmd.add("-Xlog:gc:file=" + gcLog);
        cmd.addAll(List.of("-cp", classPath(), "org.quire.cli.Main", "crawl",
                "--seeds", "seeds", "--archive", "archive"));
        List<String> sets = new ArrayList<>(List.of("fetch.allow-private-addresses=true", "crawl.max-pages=0",
                "crawl.max-depth=1000", "crawl.scope=host"));
        if (o.threads() > 0) {
            sets.add("fetch.threads=" + o.threads());
        }
        sets.addAll(modeSets);
        sets.addAll(o.sets());
        sets.forEach(s -> {
            cmd.add("--set");
            cmd.add(s);
        });
        web.reset();
        ChildProcessMeter.Measured m;
        PagesSampler served = PagesSampler.start(web::pagesServed, 100);
        long webCpu = BenchWeb.cpuNanos();
        try {
            m = ChildProcessMeter.run(cmd, dir, dir.resolve("crawl-output.txt"));
        } finally {
            served.close();
        }
        double webSeconds = webCpuSeconds(webCpu);
        GcLogPeak.Heap heap = GcLogPeak.read(gcLog);
        String curve = heap.collections() >= MIN_GCS_FOR_CURVE
                ? HeapCurve.format(HeapCurve.byPages(heap.liveCurve(), m.startNanos(), served::countAt, 10)) : null;
        long lines = countLines(dir.resolve("archive"), "pages.jsonl");
        if (m.exitCode() != 0 || web.pagesServed() == 0) {
            out.println("   quire crawl " + (m.exitCode() != 0 ? "exited " + m.exitCode() : "fetched no page")
                    + "; see " + dir.resolve("crawl-output.txt") + (o.keep() ? "" : " (use --keep to keep it)"));
        }
        return new RunFigures("quire", m.exitCode(), m.wallSeconds(), web.pagesServed(), web.bytesServed(),
                m.cpuSeconds(), m.userSeconds(), m.systemSeconds(), m.peakRssBytes(), heap.peakUsedBytes(), heap.maxLiveBytes(),
                PolitenessAudit.audit(web.hostTimes()), lines, firstRequestMillis(web, m), webSeconds, curve);
    }

    /**
     * Fills a frontier of {@code frontierUrls} URLs in a child JVM limited to 512 MB of heap
     * ({@link FrontierScale}), echoing its checkpoint lines, and prints what the child cost.
     */
    private boolean frontierMode(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        out.printf(Locale.ROOT, "%n== frontier scale: %,d URLs over %,d hosts, child JVM with -Xmx512m%n",
                o.frontierUrls(), o.frontierHosts());
        Path gcLog = dir.resolve("gc.log");
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(childJvmFlags());
        cmd.add("-Xmx" + FRONTIER_HEAP_MB + "m");
        cmd.add("-Xlog:gc:file=" + gcLog);
        cmd.addAll(List.of("-cp", classPath(), FrontierScale.class.getName(), dir.resolve("frontier.db").toString(),
                Long.toString(o.frontierUrls()), Integer.toString(o.frontierHosts())));
        ChildProcessMeter.Measured m = ChildProcessMeter.run(cmd, dir, dir.resolve("frontier-output.txt"), out);
        GcLogPeak.Heap heap = GcLogPeak.read(gcLog);
        out.printf(Locale.ROOT, "   child JVM: exit %d, %.1f s, CPU %.2f s (user %.2f + sys %.2f), peak RSS %s, "
                        + "peak heap %s (largest heap after GC %s, %d collections, gc log)%n",
                m.exitCode(), m.wallSeconds(), m.cpuSeconds(), m.userSeconds(), m.systemSeconds(),
                mb(m.peakRssBytes()), mb(heap.peakUsedBytes()), mb(heap.maxLiveBytes()), heap.collections());
        if (m.exitCode() != 0) {
            out.println("   the frontier fill failed; see " + dir.resolve("frontier-output.txt")
                    + (o.keep() ? "" : " (use --keep to keep it)"));
        }
        return m.exitCode() == 0;
    }

    private RunFigures wgetOnce(BenchWeb web, Path dir, Path seeds) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<String> cmd = List.of("wget", "--recursive", "--level=inf", "--wait=0", "-e", "robots=on",
                "--span-hosts", "--domains=" + String.join(",", web.addresses()), "-i", seeds.toString(),
                "--warc-file=" + dir.resolve("wget"), "-P", dir.resolve("files").toString(), "-q");
        web.reset();
        long webCpu = BenchWeb.cpuNanos();
        ChildProcessMeter.Measured m = ChildProcessMeter.run(cmd, dir, dir.resolve("wget-output.txt"));
        double webSeconds = webCpuSeconds(webCpu);
        return new RunFigures("wget", m.exitCode(), m.wallSeconds(), web.pagesServed(), web.bytesServed(),
                m.cpuSeconds(), m.userSeconds(), m.systemSeconds(), m.peakRssBytes(), -1, -1, PolitenessAudit.audit(web.hostTimes()), -1,
                firstRequestMillis(web, m), webSeconds, null);
    }

    /** This JVM's CPU seconds since {@code before} (from {@link BenchWeb#cpuNanos()}), or -1 if unknown. */
    private static double webCpuSeconds(long before) {
        long now = BenchWeb.cpuNanos();
        return before < 0 || now < 0 ? -1 : (now - before) / 1e9;
    }

    private static long firstRequestMillis(BenchWeb web, ChildProcessMeter.Measured m) {
        long first = web.firstArrivalNanos();
        return first == Long.MAX_VALUE ? -1 : (first - m.startNanos()) / 1_000_000;
    }

    private void print(String label, RunFigures f) {
        PolitenessAudit.Result p = f.politeness();
        out.printf(Locale.ROOT, "   %-8s %6.2f s (first request after %d ms)  %6d pages  %7.1f pages/s  %6.2f MB/s  CPU %6.2f s (user %.2f + sys %.2f) = %5.2f ms/page"
                        + " (s per 1000 pages)  peak RSS %s  peak heap %s (live %s)%s  politeness: efficiency %s,"
                        + " %d violations (%d short gaps, %d overlaps), shortest gap %d ms  (bench web: %s)%n",
                label, f.wallSeconds(), f.firstRequestMillis(), f.pages(), f.pagesPerSecond(), f.mbPerSecond(), f.cpuSeconds(),
                f.userSeconds(), f.systemSeconds(), f.cpuMsPerPage(), mb(f.peakRssBytes()), mb(f.peakHeapBytes()), mb(f.liveHeapBytes()),
                f.outputLines() >= 0 ? "  pages.jsonl " + f.outputLines() + " lines" : "",
                Double.isNaN(p.efficiency()) ? "n/a (no delays)" : String.format(Locale.ROOT, "%.1f%%", 100 * p.efficiency()),
                p.violations(), p.gapViolations(), p.overlapViolations(), p.shortestGapMillis(),
                f.webCpuMsPerPage() < 0 ? "CPU n/a" : String.format(Locale.ROOT, "%.2f ms CPU/page", f.webCpuMsPerPage()));
        if (f.heapCurve() != null) {
            out.println("            " + f.heapCurve());
        }
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
    }

    /** The median run by each figure separately (so the printed line is a set of medians, not one run). */
    static RunFigures median(List<RunFigures> runs) {
        RunFigures first = runs.get(0);
        PolitenessAudit.Result worst = runs.stream().map(RunFigures::politeness)
                .max(Comparator.comparingLong(PolitenessAudit.Result::violations)).orElseThrow();
        double eff = medianOf(runs.stream().map(r -> r.politeness().efficiency()).toList());
        PolitenessAudit.Result pol = new PolitenessAudit.Result(worst.requests(), worst.allowed(), eff,
                worst.gapViolations(), worst.overlapViolations(),
                runs.stream().mapToLong(r -> r.politeness().shortestGapMillis()).min().orElse(-1));
        double wall = med(runs, RunFigures::wallSeconds);
        return new RunFigures(first.tool(), first.exitCode(), wall, (long) med(runs, r -> r.pages()),
                (long) med(runs, r -> r.pageBytes()), med(runs, RunFigures::cpuSeconds),
                med(runs, RunFigures::userSeconds), med(runs, RunFigures::systemSeconds),
                (long) med(runs, r -> r.peakRssBytes()), (long) med(runs, r -> r.peakHeapBytes()),
                (long) med(runs, r -> r.liveHeapBytes()), pol, (long) med(runs, r -> r.outputLines()),
                (long) med(runs, r -> r.firstRequestMillis()), med(runs, RunFigures::webCpuSeconds), null);
    }

    private static double med(List<RunFigures> runs, ToDoubleFunction<RunFigures> f) {
        return medianOf(runs.stream().map(f::applyAsDouble).toList());
    }

    static double medianOf(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** This JVM's flags (which the launcher chose), less logging/profiling ones, plus --java-opts. */
    List<String> childJvmFlags() {
        List<String> flags = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-Xlog") && !a.startsWith("-agentlib") && !a.startsWith("-javaagent")
                    && !a.startsWith("-XX:StartFlightRecording") && !a.startsWith("-XX:FlightRecorder")) {
                flags.add(a);
            }
        }
        flags.addAll(o.javaOpts());
        return flags;
    }

    /** This JVM's class path with every entry made absolute (the child runs in its own folder). */
    private static String classPath() {
        List<String> parts = new ArrayList<>();
        for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) {
            parts.add(Path.of(p).toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, parts);
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }

    /** Whether a program is on PATH. */
    public static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    private static long countLines(Path root, String name) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        long n = 0;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(x -> x.getFileName().toString().equals(name)).toList()) {
                try (Stream<String> lines = Files.lines(p)) {
                    n += lines.count();
                }
            }
        }
        return n;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
