package org.quire.frontier;

import java.util.ArrayDeque;

/**
 * The in-memory scheduling state of one host: everything the frontier keeps in the heap per host. Its queued URLs
 * live in the database; at most a small batch of them is buffered here. Guarded by the frontier's lock.
 */
final class HostState {

    final long id;
    final String key;
    /** Epoch millis from which this host may be asked again. */
    long nextAllowed;
    /** Rows of this host in state QUEUED (buffered ones included). */
    long queued;
    /** The id of the URL of this host that is handed out, or -1. */
    long inFlightId = -1;
    /** The scheduling key while in the ready set: epoch millis when this host is expected to have a URL ready. */
    long readyAt;
    boolean scheduled;
    /** The next URLs to hand out, lowest ids first; all were ready (not_before passed) when read. */
    final ArrayDeque<CrawlUrl> buffer = new ArrayDeque<>();

    HostState(long id, String key, long nextAllowed) {
        this.id = id;
        this.key = key;
        this.nextAllowed = nextAllowed;
    }

    boolean inFlight() {
        return inFlightId >= 0;
    }
}
