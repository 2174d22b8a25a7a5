package org.quire.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingKeyTest {

    @Test
    void contractKeysExistWithTheirNames() {
        for (String k : List.of("fetch.user-agent", "fetch.allow-private-addresses", "politeness.min-delay",
                "politeness.max-delay", "crawl.max-pages", "crawl.max-depth", "crawl.scope")) {
            assertTrue(SettingKey.byName(k).isPresent(), k);
        }
        assertFalse(SettingKey.byName("politeness.min-dely").isPresent());
        assertEquals(List.of("fetch", "robots", "politeness", "crawl", "archive", "extract"),
                List.copyOf(SettingKey.sections()));
    }

    @Test
    void everyKeyHasADocAndADefaultThatParses() {
        for (SettingKey k : SettingKey.values()) {
            assertFalse(k.doc().isBlank(), k.key());
            assertEquals(k.defaultValue(), k.parse(k.defaultText().equals("[]") ? null : k.defaultText()), k.key());
        }
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        Settings s = ConfigLoader.defaults().settings();
        assertEquals("quire/0.1 (+https://github.com/quire-crawler/quire)", s.fetch().userAgent());
        assertFalse(s.fetch().allowPrivateAddresses());
        assertEquals(Duration.ofSeconds(10), s.fetch().connectTimeout());
        assertEquals(Duration.ofSeconds(30), s.fetch().readTimeout());
        assertEquals(Duration.ofMinutes(2), s.fetch().fetchTimeout());
        assertEquals(20L * 1024 * 1024, s.fetch().maxBodySize());
        assertEquals(16, s.fetch().threads());
        assertTrue(s.robots().obey());
        assertEquals(Duration.ofHours(24), s.robots().cacheTtl());
        assertEquals(Duration.ofMinutes(10), s.robots().retryAfter());
        assertEquals(Duration.ofSeconds(60), s.robots().maxCrawlDelay());
        assertEquals(Duration.ofSeconds(1), s.politeness().minDelay());
        assertEquals(Duration.ofSeconds(30), s.politeness().maxDelay());
        assertEquals(2.0, s.politeness().delayFactor());
        assertEquals(Duration.ofSeconds(30), s.politeness().backoff());
        assertEquals(Duration.ofMinutes(10), s.politeness().maxBackoff());
        assertEquals(10_000, s.crawl().maxPages());
        assertEquals(3, s.crawl().maxDepth());
        assertEquals(CrawlScope.HOST, s.crawl().scope());
        assertEquals(List.of(), s.crawl().include());
        assertEquals(2048, s.crawl().maxUrlLength());
        assertEquals(3, s.crawl().maxRepeatedSegments());
        assertEquals(1L << 30, s.archive().warcMaxSize());
        assertTrue(s.archive().writeText());
    }

    @Test
    void lowerBoundsAreEnforced() {
        assertEquals("must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> SettingKey.FETCH_THREADS.parse("0")).getMessage());
        assertEquals("must not be negative, got -1",
                assertThrows(IllegalArgumentException.class, () -> SettingKey.CRAWL_MAX_DEPTH.parse("-1"))
                        .getMessage());
        assertEquals("must not be empty",
                assertThrows(IllegalArgumentException.class, () -> SettingKey.FETCH_USER_AGENT.parse(" "))
                        .getMessage());
        assertEquals("must be longer than 0s",
                assertThrows(IllegalArgumentException.class, () -> SettingKey.FETCH_CONNECT_TIMEOUT.parse("0s"))
                        .getMessage());
    }

    @Test
    void closestKeySuggestion() {
        assertEquals("politeness.min-delay",
                KeySuggestion.closest("politeness.min-dely", SettingKey.names()).orElseThrow());
        assertEquals("crawl.max-depth", KeySuggestion.closest("crawl.maxdepth", SettingKey.names()).orElseThrow());
        // right key in the wrong section
        assertEquals("politeness.min-delay",
                KeySuggestion.closest("fetch.min-delay", SettingKey.names()).orElseThrow());
        assertTrue(KeySuggestion.closest("completely.unrelated", SettingKey.names()).isEmpty());
        assertEquals(3, KeySuggestion.distance("kitten", "sitting"));
    }

    @Test
    void docsListEveryKey() {
        assertEquals(SettingKey.values().length, ConfigDocs.keys().size());
        String table = ConfigDocs.keyTable();
        for (SettingKey k : SettingKey.values()) {
            assertTrue(table.contains(k.key() + " = " + k.defaultText()), k.key());
        }
    }
}
