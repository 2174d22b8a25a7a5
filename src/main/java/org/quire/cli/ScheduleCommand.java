package org.quire.cli;

import org.quire.schedule.RunHistory;
import org.quire.schedule.RunListing;
import org.quire.schedule.RunnerLauncher;
import org.quire.schedule.ScheduleConfigSource;
import org.quire.schedule.ScheduledCrawl;
import org.quire.schedule.Scheduler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code quire schedule}: the foreground daemon that starts each crawl when its schedule says so. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Run in the foreground and start each crawl that has a 'schedule' in config/quire.yaml "
                + "(crawls: NAME: schedule: \"0 3 * * *\", timezone: Europe/Berlin) when it is due.",
                "Never two runs of one crawl at once (a run still going when the next is due is skipped and "
                        + "logged); different crawls run side by side, one request in flight per host across all. "
                        + "Edits to config/ and seeds/ are picked up without a restart (a broken edit is reported "
                        + "and the last good configuration kept). A run missed while the daemon was down starts "
                        + "once after a restart. Run history: ARCHIVE/schedule.db.",
                "SIGTERM or Ctrl-C: no new runs start; running crawls stop gracefully (in-flight fetches finish, "
                        + "files are closed, the job is marked stopped and its next run resumes it); anything still "
                        + "going after " + ScheduleCommand.STOP_BOUND_SECONDS + "s is interrupted."},
        footer = {"", "Exit codes: 0 stopped by a signal (or --list printed), 1 the daemon could not run, "
                + "2 bad seeds, config or arguments at start."})
public final class ScheduleCommand implements Callable<Integer> {

    static final int STOP_BOUND_SECONDS = 60;

    @Spec
    CommandSpec spec;

    @Option(names = "--list", description = "Print each scheduled crawl with its schedule, last run (result, pages, "
            + "duration) and next run, then exit.")
    boolean list;

    @Option(names = "--seeds", paramLabel = "DIR", description = "Seed folder (default: ${DEFAULT-VALUE}).")
    Path seeds = Path.of("seeds");

    @Option(names = "--archive", paramLabel = "DIR", description = "Where job folders and schedule.db go "
            + "(default: ${DEFAULT-VALUE}).")
    Path archive = Path.of("archive");

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: config/quire.yaml if present).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a setting (repeatable), as for crawl.")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ScheduleConfigSource source = new ScheduleConfigSource(
                config != null ? config : Path.of("config", "quire.yaml"), config != null, overrides, seeds,
                System.err);
        Map<String, ScheduledCrawl> crawls = source.load();
        if (list) {
            try (RunHistory history = RunHistory.open(archive.resolve("schedule.db"))) {
                RunListing.lines(crawls.values(), history, Instant.now()).forEach(out::println);
            }
            out.flush();
            return ExitCode.OK;
        }
        return runDaemon(source, crawls);
    }

    private int runDaemon(ScheduleConfigSource source, Map<String, ScheduledCrawl> crawls)
            throws IOException, InterruptedException {
        System.out.println("quire: schedule: " + crawls.size() + " scheduled crawl(s)"
                + (crawls.isEmpty() ? "; add 'crawls: NAME: schedule: ...' to the config (it is re-read on edit)"
                : ": " + String.join(", ", crawls.keySet())) + "; Ctrl-C to stop");
        RunHistory history = RunHistory.open(archive.resolve("schedule.db"));
        Scheduler scheduler = new Scheduler(Clock.systemUTC(), source, history,
                new RunnerLauncher(archive, System.out), System.out);
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(STOP_BOUND_SECONDS + 10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "quire-schedule-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            while (!stop.await(millisToNextSecond(), TimeUnit.MILLISECONDS)) {
                try {
                    scheduler.tick();
                } catch (IOException e) {
                    System.err.println("quire: schedule: " + e.getMessage());
                }
            }
            System.out.println("quire: schedule: stopping; waiting up to " + STOP_BOUND_SECONDS + "s for "
                    + scheduler.running());
            scheduler.stop(Duration.ofSeconds(STOP_BOUND_SECONDS));
            return ExitCode.OK;
        } finally {
            history.close();
            stopped.countDown();
        }
    }

    private static long millisToNextSecond() {
        return 1000 - System.currentTimeMillis() % 1000;
    }
}
