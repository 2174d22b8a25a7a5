package org.quire.fetch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.quire.config.Settings;

/**
 * The robots.txt rules known per origin (scheme, host, port). An entry is trusted for
 * {@code robots.cache-ttl} after it was fetched; a temporary disallow-all (robots.txt unreachable) only for
 * {@code robots.retry-after}, so the file is asked for again soon. Thread-safe.
 */
public final class RobotsCache {

    private final ConcurrentMap<String, RobotsRules> entries = new ConcurrentHashMap<>();
    private final Settings.Robots settings;
    private final Clock clock;

    public RobotsCache(Settings.Robots settings) {
        this(settings, Clock.systemUTC());
    }

    public RobotsCache(Settings.Robots settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The rules for the origin of {@code url}, unless none are known or they have expired. */
    public Optional<RobotsRules> get(URI url) {
        String key = originKey(url);
        RobotsRules rules = entries.get(key);
        if (rules == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(expiry(rules))) {
            entries.remove(key, rules);
            return Optional.empty();
        }
        return Optional.of(rules);
    }

    /** Remembers the rules for the origin of {@code url} (any URL of the origin, e.g. its robots.txt). */
    public void put(URI url, RobotsRules rules) {
        entries.put(originKey(url), rules);
    }

    /** When these rules stop being trusted. */
    public Instant expiry(RobotsRules rules) {
        Duration ttl = rules.isTemporaryDisallowAll() ? settings.retryAfter() : settings.cacheTtl();
        return rules.fetchedAt().plus(ttl);
    }

    /** Number of origins held (expired ones included until looked up). */
    public int size() {
        return entries.size();
    }

    /** "scheme://host:port" with the default port filled in and lower-case scheme and host. */
    public static String originKey(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        if (port < 0) {
            port = scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        }
        return scheme + "://" + host + ":" + port;
    }
}
