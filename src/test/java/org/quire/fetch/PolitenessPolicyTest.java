package org.quire.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.quire.config.Settings;

class PolitenessPolicyTest {

    // minDelay 1s, maxDelay 30s, factor 2, backoff 10s, maxBackoff 10min
    private final Settings.Politeness settings = TestSettings.politeness();
    private final Instant end = Instant.parse("2025-03-01T12:00:00Z");

    private Duration gap(PolitenessPolicy p, String host, Duration response, int status, String retryAfter,
                         Duration crawlDelay) {
        return Duration.between(end, p.nextAllowed(host, end, response, status, retryAfter, crawlDelay));
    }

    @Test
    void gapIsTheLargestOfMinDelayCrawlDelayAndScaledResponseTime() {
        PolitenessPolicy p = new PolitenessPolicy(settings);
        assertEquals(Duration.ofSeconds(1), gap(p, "h", Duration.ofMillis(100), 200, null, Duration.ZERO));
        assertEquals(Duration.ofSeconds(3), gap(p, "h", Duration.ofMillis(1500), 200, null, null));
        assertEquals(Duration.ofSeconds(5), gap(p, "h", Duration.ofMillis(100), 200, null, Duration.ofSeconds(5)));
        assertEquals(Duration.ofSeconds(8), gap(p, "h", Duration.ofSeconds(4), 200, null, Duration.ofSeconds(5)));
    }

    @Test
    void maxDelayCapsTheGapButNeverBelowCrawlDelay() {
        PolitenessPolicy p = new PolitenessPolicy(settings);
        assertEquals(Duration.ofSeconds(30), gap(p, "h", Duration.ofMinutes(1), 200, null, null));
        assertEquals(Duration.ofSeconds(45), gap(p, "h", Duration.ofMinutes(1), 200, null, Duration.ofSeconds(45)));
    }

    @Test
    void retryAfterSecondsIsHonouredUpToMaxBackoff() {
        PolitenessPolicy p = new PolitenessPolicy(settings);
        assertEquals(Duration.ofSeconds(120), gap(p, "h", Duration.ofMillis(10), 503, "120", null));
        assertEquals(Duration.ofMinutes(10), gap(p, "h", Duration.ofMillis(10), 429, "86400", null));
        // Retry-After on an ordinary answer means nothing for politeness.
        assertEquals(Duration.ofSeconds(1), gap(p, "other", Duration.ofMillis(10), 200, "120", null));
    }

    @Test
    void retryAfterHttpDateIsHonoured() {
        PolitenessPolicy p = new PolitenessPolicy(settings);
        assertEquals(Duration.ofSeconds(90), gap(p, "h", Duration.ZERO, 429, "Sat, 01 Mar 2025 12:01:30 GMT", null));
        assertEquals(Duration.ofSeconds(300),
                gap(p, "h", Duration.ZERO, 503, "Saturday, 01-Mar-25 12:05:00 GMT", null));
        assertEquals(Duration.ofSeconds(60), gap(p, "h", Duration.ZERO, 503, "Sat Mar  1 12:01:00 2025", null));
        // A date in the past: no extra wait beyond the ordinary gap.
        assertEquals(Duration.ofSeconds(1), gap(p, "h", Duration.ZERO, 503, "Sat, 01 Mar 2025 11:00:00 GMT", null));
    }

    @Test
    void parsesRetryAfterForms() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), PolitenessPolicy.parseRetryAfter(" 7 ", end));
        assertEquals(Optional.empty(), PolitenessPolicy.parseRetryAfter("soon", end));
        assertEquals(Optional.empty(), PolitenessPolicy.parseRetryAfter("-5", end));
        assertEquals(Optional.empty(), PolitenessPolicy.parseRetryAfter(null, end));
    }

    @Test
    void backsOffExponentiallyOnConsecutiveOverloadAndResetsOnSuccess() {
        PolitenessPolicy p = new PolitenessPolicy(settings);
        Duration fast = Duration.ofMillis(10);
        assertEquals(Duration.ofSeconds(10), gap(p, "h", fast, 429, null, null));
        assertEquals(Duration.ofSeconds(20), gap(p, "h", fast, 503, null, null));
        assertEquals(Duration.ofSeconds(40), gap(p, "h", fast, 429, "not-a-date", null));
        assertEquals(3, p.consecutiveOverloads("h"));
        // Another host is unaffected.
        assertEquals(Duration.ofSeconds(1), gap(p, "other", fast, 200, null, null));
        // A 5xx other than 503 neither slows down further nor resets.
        assertEquals(Duration.ofSeconds(1), gap(p, "h", fast, 500, null, null));
        assertEquals(Duration.ofSeconds(80), gap(p, "h", fast, 503, null, null));

        assertEquals(Duration.ofSeconds(1), gap(p, "h", fast, 200, null, null));
        assertEquals(0, p.consecutiveOverloads("h"));
        assertEquals(Duration.ofSeconds(10), gap(p, "h", fast, 503, null, null));
    }

    @Test
    void exponentialBackOffIsCappedAtMaxBackoff() {
        PolitenessPolicy p = new PolitenessPolicy(settings);
        Duration last = Duration.ZERO;
        for (int i = 0; i < 40; i++) {
            last = gap(p, "h", Duration.ZERO, 429, null, null);
            assertTrue(last.compareTo(Duration.ofMinutes(10)) <= 0);
        }
        assertEquals(Duration.ofMinutes(10), last);
        assertEquals(Optional.of(end.plus(last)), p.nextAllowed("h"));
    }
}
