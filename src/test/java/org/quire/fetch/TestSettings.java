package org.quire.fetch;

import java.time.Duration;

import org.quire.config.Settings;

/** Settings for the fetch tests, built directly. */
final class TestSettings {

    static final String USER_AGENT = "quire/0.1 (+https://example.org/quire)";

    private TestSettings() {
    }

    static Settings.Fetch fetch(boolean allowPrivate) {
        return fetch(allowPrivate, Duration.ofSeconds(5), 1024 * 1024);
    }

    static Settings.Fetch fetch(boolean allowPrivate, Duration fetchTimeout, long maxBodySize) {
        return fetch(allowPrivate, Duration.ofSeconds(2), fetchTimeout, maxBodySize);
    }

    static Settings.Fetch fetch(boolean allowPrivate, Duration readTimeout, Duration fetchTimeout, long maxBodySize) {
        return new Settings.Fetch(USER_AGENT, "", allowPrivate, Duration.ofSeconds(2), readTimeout, fetchTimeout,
                maxBodySize, 2, 1);
    }

    static Settings.Robots robots() {
        return new Settings.Robots(true, Duration.ofHours(24), Duration.ofMinutes(10), Duration.ofSeconds(30));
    }

    static Settings.Politeness politeness() {
        return new Settings.Politeness(Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0, Duration.ofSeconds(10),
                Duration.ofMinutes(10));
    }
}
