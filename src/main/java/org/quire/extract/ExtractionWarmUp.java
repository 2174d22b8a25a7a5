package org.quire.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Runs the extractor over a bundled news page on a daemon thread while a crawl is still starting (command line,
 * config, job folder, databases: one core's work, the other one idle), so that jsoup's parser and the extractor are
 * loaded, initialised and largely compiled when the first page arrives, instead of every fetch thread running them
 * in the interpreter at once. Every other parse and extraction ({@link HtmlDecoder#parse},
 * {@link HtmlExtractor#extract}) first stops it and waits for the pass it is in ({@link #awaitStopped}), so no other
 * thread runs that code while it does (no class of it is initialised by two threads at once; constructing an
 * extractor runs none of it). The page's JSON-LD is taken out first, so it does not use Jackson, which the
 * start-up uses for the config. The crawl asks it to stop when its fetch threads start, and {@code Main} waits for
 * it before returning. One per process ({@link #shared}).
 */
public final class ExtractionWarmUp {

    /** The bundled page (the demo site's article, ~9 KB with its navigation, share bar and footer). */
    static final String PAGE = "/demo/china-ev.html";
    /** Passes at the most, and the time they may take, whatever happens to the crawl's start. */
    static final int MAX_PASSES = 200;
    static final long MAX_NANOS = 1_500_000_000L;

    private static final ExtractionWarmUp SHARED = new ExtractionWarmUp();

    /** Set on warm-up threads: their own parses must not wait for themselves. */
    private static final ThreadLocal<Boolean> WARMING_UP = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private Thread thread;
    private volatile boolean stopping;
    private volatile boolean stopped;
    private volatile int passes;

    ExtractionWarmUp() {
    }

    /** The warm-up of this process. */
    public static ExtractionWarmUp shared() {
        return SHARED;
    }

    /** Starts the warm-up thread (once, and never after a stop; later calls do nothing). */
    public synchronized void start() {
        if (thread != null || stopping || Boolean.getBoolean("quire.no-warm-up")) {
            return;
        }
        thread = new Thread(this::run, "extraction-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks the warm-up to stop after the pass it is in; {@link #awaitStopped} waits for that. */
    public void stop() {
        stopping = true;
    }

    /**
     * Stops the warm-up (if it was not asked to yet) and waits until it has finished its pass; returns at once when
     * it never ran or has stopped already. Called before any other use of the extractor.
     */
    public void awaitStopped() {
        if (stopped || WARMING_UP.get()) {
            return; // stopped already, or the warm-up's own passes
        }
        stopping = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        boolean interrupted = false;
        while (t != null && t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        stopped = true;
    }

    /** The page without its {@code <script type="application/ld+json">} blocks (read with Jackson). */
    static String withoutJsonLd(String html) {
        return JSON_LD.matcher(html).replaceAll("");
    }

    private static final Pattern JSON_LD = Pattern.compile(
            "<script[^>]*application/ld\\+json[^>]*>.*?</script>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** Passes completed. */
    int passes() {
        return passes;
    }

    private void run() {
        WARMING_UP.set(Boolean.TRUE);
        byte[] html;
        try (InputStream in = ExtractionWarmUp.class.getResourceAsStream(PAGE)) {
            if (in == null) {
                return;
            }
            html = withoutJsonLd(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return;
        }
        HtmlExtractor extractor = new HtmlExtractor(ExtractOptions.from(null));
        long deadline = System.nanoTime() + MAX_NANOS;
        try {
            for (int i = 0; i < MAX_PASSES && !stopping && System.nanoTime() < deadline; i++) {
                extractor.extract(
                        HtmlDecoder.parse(html, "text/html; charset=utf-8", "http://warm-up.invalid/news/article"));
                passes = i + 1;
            }
        } catch (RuntimeException e) {
            // a warm-up only: the crawl meets the same code and reports what goes wrong there
        }
    }
}
