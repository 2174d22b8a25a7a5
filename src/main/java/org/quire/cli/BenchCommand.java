package org.quire.cli;

import org.quire.bench.CrawlBench;
import org.quire.config.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code quire bench}: crawls an in-process multi-host loopback web and prints speed, cost and politeness; or fills
 * a large frontier in a heap-limited child JVM and prints how its costs and heap scale.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Serve a news-like web of many hosts on 127.0.x.y from this process, crawl it end to end with "
                + "a separate 'quire crawl' JVM (WARC, text, pages.jsonl) and print pages/s, MB/s, CPU ms per page "
                + "(= CPU s per 1000 pages, JVM start-up included), peak RSS and heap, and the politeness audit "
                + "(efficiency and violations, as the server saw them), and what serving the web cost this "
                + "process (bench web CPU ms per page).",
                "Runs with delays 0 (raw speed; also 'wget --warc-file' over the same web when wget is on PATH, "
                        + "with the ratio) and with realistic delays (1 s, Crawl-delay on some hosts). "
                        + "With --mode frontier: instead fills a frontier database with --frontier-urls URLs over "
                        + "--frontier-hosts hosts in a child JVM with -Xmx512m, printing at every 10%% the insert "
                        + "throughput, the cost of next()+complete(), the heap after GC and the database size. "
                        + "See BENCHMARKS.md."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--hosts", description = "Hosts in the raw-speed web (default: ${DEFAULT-VALUE}).")
    int hosts = 20;

    @Option(names = "--pages", description = "Pages per host in the raw-speed web (default: ${DEFAULT-VALUE}).")
    int pages = 200;

    @Option(names = "--page-kb", description = "Approximate page size in KB (default: ${DEFAULT-VALUE}).")
    int pageKb = 10;

    @Option(names = "--runs", description = "Runs per mode; medians are printed (default: ${DEFAULT-VALUE}).")
    int runs = 3;

    @Option(names = "--polite-runs", description = "Runs of the polite mode (default: ${DEFAULT-VALUE}).")
    int politeRuns = 1;

    @Option(names = "--mode", description = "raw, polite, both (raw then polite crawls) or frontier (the frontier "
            + "scale fill alone) (default: ${DEFAULT-VALUE}).")
    String mode = "both";

    @Option(names = "--frontier-urls", description = "URLs the frontier mode adds (default: ${DEFAULT-VALUE}).")
    long frontierUrls = 10_000_000;

    @Option(names = "--frontier-hosts", description = "Hosts the frontier mode's URLs are spread over "
            + "(default: ${DEFAULT-VALUE}).")
    int frontierHosts = 10_000;

    @Option(names = "--polite-hosts", description = "Hosts in the polite web (default: ${DEFAULT-VALUE}).")
    int politeHosts = 20;

    @Option(names = "--polite-pages", description = "Pages per host in the polite web (default: ${DEFAULT-VALUE}).")
    int politePages = 20;

    @Option(names = "--delay", description = "Per-host delay in the polite run (default: ${DEFAULT-VALUE}).")
    String delay = "1s";

    @Option(names = "--crawl-delay", description = "robots.txt Crawl-delay of some polite hosts (default: ${DEFAULT-VALUE}).")
    String crawlDelay = "2s";

    @Option(names = "--crawl-delay-every", description = "Every Nth polite host asks for the Crawl-delay (default: ${DEFAULT-VALUE}).")
    int crawlDelayEvery = 5;

    @Option(names = "--threads", description = "fetch.threads of the crawl (default: the config default).")
    int threads = 0;

    @Option(names = "--no-wget", description = "Do not run wget even when it is on PATH.")
    boolean noWget;

    @Option(names = "--java-opts", paramLabel = "FLAG", description = "Extra JVM flag for the crawler JVM (repeatable), "
            + "e.g. --java-opts=-XX:StartFlightRecording=filename=crawl.jfr")
    List<String> javaOpts = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Extra setting for the crawl (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--work", paramLabel = "DIR", description = "Work folder (default: a new temporary folder).")
    Path work;

    @Option(names = "--keep", description = "Keep the work folder (WARC files, logs) after the run.")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        if (!List.of("raw", "polite", "both", "frontier").contains(mode)) {
            throw new org.quire.config.InputException("--mode: expected raw, polite, both or frontier, got '" + mode + "'");
        }
        if (frontierUrls < 10 || frontierHosts < 1) {
            throw new org.quire.config.InputException("--frontier-urls must be at least 10 and --frontier-hosts at least 1");
        }
        boolean frontier = mode.equals("frontier");
        if (hosts < 1 || pages < 1 || pageKb < 1 || runs < 1 || politeRuns < 1 || politeHosts < 1 || politePages < 1) {
            throw new org.quire.config.InputException("--hosts, --pages, --page-kb, --runs, --polite-runs, --polite-hosts and "
                    + "--polite-pages must be at least 1");
        }
        Duration d = duration(delay, "--delay");
        Duration cd = duration(crawlDelay, "--crawl-delay");
        boolean wget = !frontier && !noWget && CrawlBench.onPath("wget");
        if (!frontier && !noWget && !wget) {
            System.out.println("quire bench: wget is not on PATH; no comparison run");
        }
        CrawlBench.Options o = new CrawlBench.Options(hosts, pages, pageKb, runs, politeRuns,
                mode.equals("raw") || mode.equals("both"), mode.equals("polite") || mode.equals("both"), politeHosts, politePages, d, cd, crawlDelayEvery, threads, wget, javaOpts, sets,
                work, keep, frontier ? frontierUrls : 0, frontierHosts);
        return new CrawlBench(o, System.out).run() ? ExitCode.OK : ExitCode.FAILED;
    }

    private static Duration duration(String text, String option) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new org.quire.config.InputException(option + ": " + e.getMessage());
        }
    }
}
