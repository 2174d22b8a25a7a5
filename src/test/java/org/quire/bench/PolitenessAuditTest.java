package org.quire.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolitenessAuditTest {

    private static final long S = 1_000_000_000L;

    @Test
    void aHostFetchedAtEveryAllowedMomentIsFullyEfficient() {
        var h = new PolitenessAudit.HostTimes("a", S, List.of(0L, S, 2 * S, 3 * S), 0);
        var r = PolitenessAudit.audit(List.of(h));
        assertEquals(4, r.requests());
        assertEquals(4, r.allowed());
        assertEquals(1.0, r.efficiency(), 1e-9);
        assertEquals(0, r.violations());
    }

    @Test
    void idleTimeLowersEfficiencyAndShortGapsAndOverlapsAreViolations() {
        // host a: 3 requests over 4 s at 1 s delay (5 allowed); host b: 2 s delay, one gap of 1.5 s, one overlap
        var a = new PolitenessAudit.HostTimes("a", S, List.of(0L, 2 * S, 4 * S), 0);
        var b = new PolitenessAudit.HostTimes("b", 2 * S, List.of(0L, 3 * S / 2), 1);
        var r = PolitenessAudit.audit(List.of(a, b));
        assertEquals(5, r.requests());
        assertEquals(5 + 1, r.allowed());
        assertEquals(5.0 / 6, r.efficiency(), 1e-9);
        assertEquals(1, r.gapViolations());
        assertEquals(1, r.overlapViolations());
        assertEquals(1500, r.shortestGapMillis());
    }

    @Test
    void withoutDelaysEfficiencyIsNotDefined() {
        var r = PolitenessAudit.audit(List.of(new PolitenessAudit.HostTimes("a", 0, List.of(0L, 1L), 0)));
        assertTrue(Double.isNaN(r.efficiency()));
        assertEquals(0, r.violations());
    }
}
