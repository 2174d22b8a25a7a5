package org.quire.crawl;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Process-wide leases on hosts, so that crawls running side by side in one process (under {@code quire schedule})
 * keep one request in flight per host across all of them. Within one crawl the frontier already hands out one URL
 * per host at a time; a crawl takes the host's lease before any request to it and gives it back after.
 * <p>
 * A lease belongs to a crawl (its owner), not to a thread: the crawl's frontier may hand the host's next URL to
 * another of its threads as soon as the previous one is completed, a moment before that thread gives the lease
 * back, and the new holder must not be turned away by its own crawl. The lease counts its holders and is free
 * again when the last one gives it back.
 */
public final class HostLeases {

    private static final HostLeases SHARED = new HostLeases();

    private record Lease(Object owner, int holders) {
    }

    private final ConcurrentMap<String, Lease> held = new ConcurrentHashMap<>();

    /** The leases shared by every crawl of this process. */
    public static HostLeases shared() {
        return SHARED;
    }

    /** Takes the lease on {@code hostKey} for {@code owner}; false when another owner holds it. */
    public boolean tryAcquire(String hostKey, Object owner) {
        Lease after = held.compute(hostKey, (k, l) -> l == null ? new Lease(owner, 1)
                : l.owner() == owner ? new Lease(owner, l.holders() + 1) : l);
        return after.owner() == owner;
    }

    /** Gives back one hold of {@code owner} on the lease of {@code hostKey}. */
    public void release(String hostKey, Object owner) {
        held.computeIfPresent(hostKey, (k, l) -> l.owner() != owner ? l
                : l.holders() > 1 ? new Lease(owner, l.holders() - 1) : null);
    }
}
