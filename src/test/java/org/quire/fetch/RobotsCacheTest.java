package org.quire.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RobotsCacheTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now;

        ManualClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Instant start = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void entriesArePerOriginAndExpireAfterTheTtl() {
        ManualClock clock = new ManualClock(start);
        RobotsCache cache = new RobotsCache(TestSettings.robots(), clock);   // ttl 24h, retry-after 10m
        RobotsRules rules = RobotsRules.allowAll(start);
        cache.put(URI.create("https://Example.org/robots.txt"), rules);

        assertEquals(Optional.of(rules), cache.get(URI.create("https://example.org:443/a/b?c")));
        assertTrue(cache.get(URI.create("http://example.org/a")).isEmpty(), "other scheme, other origin");
        assertTrue(cache.get(URI.create("https://example.org:8443/a")).isEmpty(), "other port, other origin");
        assertTrue(cache.get(URI.create("https://www.example.org/a")).isEmpty(), "other host, other origin");

        clock.advance(Duration.ofHours(23));
        assertTrue(cache.get(URI.create("https://example.org/x")).isPresent());
        clock.advance(Duration.ofHours(1));
        assertTrue(cache.get(URI.create("https://example.org/x")).isEmpty());
    }

    @Test
    void temporaryDisallowAllExpiresAfterRetryAfter() {
        ManualClock clock = new ManualClock(start);
        RobotsCache cache = new RobotsCache(TestSettings.robots(), clock);
        cache.put(URI.create("http://example.org/"), RobotsRules.disallowAllTemporarily(start));
        clock.advance(Duration.ofMinutes(9));
        assertTrue(cache.get(URI.create("http://example.org/page")).isPresent());
        clock.advance(Duration.ofMinutes(1));
        assertTrue(cache.get(URI.create("http://example.org/page")).isEmpty());
    }
}
