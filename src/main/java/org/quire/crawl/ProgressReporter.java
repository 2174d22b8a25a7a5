package org.quire.crawl;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Shows that a long crawl is alive: on a terminal a live line rewritten in place every half second; otherwise a
 * plain log line every {@code logEvery}. Runs on its own daemon thread until closed.
 */
final class ProgressReporter implements AutoCloseable {

    private final Thread thread;
    private final PrintStream out;
    private final boolean live;
    private volatile boolean running = true;

    ProgressReporter(Supplier<String> line, PrintStream out, boolean live, Duration logEvery) {
        this.out = out;
        this.live = live;
        long periodMs = live ? 500 : Math.max(100, logEvery.toMillis());
        this.thread = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(periodMs);
                } catch (InterruptedException e) {
                    return;
                }
                if (!running) {
                    return;
                }
                String text = line.get();
                if (live) {
                    out.print("\r\033[K" + text);
                } else {
                    out.println(text);
                }
                out.flush();
            }
        }, "progress");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether standard output looks like an interactive terminal. */
    static boolean isTerminal() {
        return System.console() != null && System.getenv("CI") == null;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (live) {
            out.print("\r\033[K");
            out.flush();
        }
    }
}
