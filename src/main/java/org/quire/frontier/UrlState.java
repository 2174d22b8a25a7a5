package org.quire.frontier;

/** The life cycle of one URL row, stored as a small integer in {@code urls.state}. */
enum UrlState {
    /** Waiting in its host's queue (possibly postponed until {@code not_before}). */
    QUEUED(0),
    /** Handed out by {@link Frontier#next} and not yet reported back. */
    IN_FLIGHT(1),
    /** Finished, whatever the outcome; never handed out again. */
    DONE(2);

    final int code;

    UrlState(int code) {
        this.code = code;
    }
}
