package org.quire.schedule;

/** Runs one scheduled crawl to its end, on the calling thread. */
public interface CrawlLauncher {

    /**
     * What a finished run reports.
     *
     * @param pages pages archived
     * @param job   its job folder
     */
    record Outcome(long pages, String job) {
    }

    /** Runs {@code crawl}; an exception means the run failed. */
    Outcome run(ScheduledCrawl crawl) throws Exception;

    /**
     * Asks the runs in progress to wind down (finish in-flight fetches, close files, save state). The default
     * does nothing (for launchers with nothing to stop); the scheduler interrupts run threads still going once its
     * stop bound has passed.
     */
    default void requestStop() {
    }
}
