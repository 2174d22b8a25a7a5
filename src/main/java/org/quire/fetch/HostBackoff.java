package org.quire.fetch;

import java.time.Instant;

/**
 * The politeness state of one host: how many 429/503 answers came in a row, and the earliest moment the next
 * request may start. Owned by {@link PolitenessPolicy}, which guards it; not thread-safe on its own.
 */
final class HostBackoff {

    private int consecutiveOverloads;
    private Instant nextAllowed = Instant.MIN;

    int consecutiveOverloads() {
        return consecutiveOverloads;
    }

    int recordOverload() {
        return ++consecutiveOverloads;
    }

    void recordSuccess() {
        consecutiveOverloads = 0;
    }

    Instant nextAllowed() {
        return nextAllowed;
    }

    void nextAllowed(Instant at) {
        nextAllowed = at;
    }
}
