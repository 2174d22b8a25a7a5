package org.quire.schedule;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The core of {@code quire schedule}: on each {@link #tick()} it looks at the clock and starts every crawl whose
 * schedule has a slot between the last handled one and now, each on its own thread (different crawls run side by
 * side). Rules:
 * <ul>
 *   <li>never two runs of one crawl: a slot that comes while the crawl is still running is skipped and logged;</li>
 *   <li>slots missed while the daemon was down (or while the clock jumped) start the crawl once, not once per slot;</li>
 *   <li>a crawl seen for the first time, or whose schedule changed, waits for its next slot.</li>
 * </ul>
 * The clock is injected, so tests drive time; the caller decides how often to tick.
 */
public final class Scheduler implements AutoCloseable {

    private final Clock clock;
    private final ScheduleConfigSource config;
    private final RunHistory history;
    private final CrawlLauncher launcher;
    private final PrintStream log;
    private final ExecutorService pool;
    private final Map<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public Scheduler(Clock clock, ScheduleConfigSource config, RunHistory history, CrawlLauncher launcher,
                     PrintStream log) {
        this.clock = clock;
        this.config = config;
        this.history = history;
        this.launcher = launcher;
        this.log = log;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "scheduled-crawl-" + n.incrementAndGet());
            t.setDaemon(false);
            return t;
        });
    }

    /** Looks at the clock (re-reading the configuration if it changed); returns the crawls started. */
    public synchronized List<String> tick() throws IOException {
        List<String> started = new ArrayList<>();
        if (stopping) {
            return started;
        }
        Instant now = clock.instant();
        for (ScheduledCrawl c : config.current().values()) {
            String schedule = c.schedule().toString();
            Optional<Instant> due = c.schedule().latestAtOrBefore(now);
            Optional<RunHistory.Slot> last = history.lastSlot(c.name());
            if (last.isEmpty() || !last.get().schedule().equals(schedule)) {
                history.setLastSlot(c.name(), new RunHistory.Slot(due.orElse(now), schedule));
                continue;
            }
            if (due.isEmpty() || !due.get().isAfter(last.get().at())) {
                continue;
            }
            history.setLastSlot(c.name(), new RunHistory.Slot(due.get(), schedule));
            if (running.containsKey(c.name())) {
                log.println("quire: schedule: " + c.name() + ": skipped the run due at " + due.get()
                        + ": the previous run is still going");
                continue;
            }
            start(c, due.get());
            started.add(c.name());
        }
        return started;
    }

    private void start(ScheduledCrawl c, Instant slot) throws IOException {
        long id = history.started(c.name(), clock.instant());
        CompletableFuture<Void> done = new CompletableFuture<>();
        running.put(c.name(), done);
        log.println("quire: schedule: " + c.name() + ": starting the run due at " + slot);
        pool.execute(() -> {
            long t0 = System.nanoTime();
            String result;
            long pages = 0;
            String job = null;
            try {
                CrawlLauncher.Outcome o = launcher.run(c);
                result = "ok";
                pages = o.pages();
                job = o.job();
            } catch (Exception | Error e) {
                result = "failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            try {
                history.finished(id, took, result, pages, job);
            } catch (IOException e) {
                log.println("quire: schedule: " + c.name() + ": cannot record the run: " + e.getMessage());
            }
            log.println("quire: schedule: " + c.name() + ": " + result + ", " + pages + " pages in "
                    + RunListing.duration(took));
            running.remove(c.name());
            done.complete(null);
        });
    }

    /** The crawls running now. */
    public List<String> running() {
        return List.copyOf(running.keySet());
    }

    /** Waits up to {@code max} for every run in progress to end; true if none is left. */
    public boolean awaitIdle(Duration max) throws InterruptedException {
        CompletableFuture<?> all = CompletableFuture.allOf(running.values().toArray(CompletableFuture[]::new));
        try {
            all.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            // a run's failure is recorded by the run itself
        }
        return running.isEmpty();
    }

    /**
     * Stops: no more runs start, running crawls are asked to wind down and given {@code bound} to end; past it
     * their threads are interrupted.
     */
    public void stop(Duration bound) throws InterruptedException {
        stopping = true;
        launcher.requestStop();
        pool.shutdown();
        if (!pool.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            log.println("quire: schedule: runs still going after " + RunListing.duration(bound) + ": interrupting "
                    + running.keySet());
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(30));
    }
}
