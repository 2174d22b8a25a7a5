package org.quire.archive;

/**
 * A loading task run once per process on a daemon thread, while the crawl sets up, unless a system property
 * ({@code -Dquire.no-...=true}) turns it off. Thread-safe.
 */
final class BackgroundLoad {

    private final String threadName;
    private final String offProperty;
    private final Runnable load;
    private boolean started;

    BackgroundLoad(String threadName, String offProperty, Runnable load) {
        this.threadName = threadName;
        this.offProperty = offProperty;
        this.load = load;
    }

    /** Starts the task (the first time only; later calls do nothing). */
    synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        if (Boolean.getBoolean(offProperty)) {
            return;
        }
        Thread t = new Thread(load, threadName);
        t.setDaemon(true);
        t.start();
    }
}
