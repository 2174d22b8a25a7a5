package org.quire.crawl;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Process-wide leases on hosts, so that crawls running side by side in one process (under {@code quire schedule})
 * keep one request in flight per host across all of them. Within one crawl the frontier already hands out one URL
 * per host at a time; a crawl takes the host's lease before any request to it and gives it back after.
 */
public final class HostLeases {

    private static final HostLeases SHARED = new HostLeases();

    private final Set<String> held = ConcurrentHashMap.newKeySet();

    /** The leases shared by every crawl of this process. */
    public static HostLeases shared() {
        return SHARED;
    }

    /** Takes the lease on {@code hostKey}; false when another crawl holds it. */
    public boolean tryAcquire(String hostKey) {
        return held.add(hostKey);
    }

    /** Gives the lease on {@code hostKey} back. */
    public void release(String hostKey) {
        held.remove(hostKey);
    }
}
