package org.quire.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.quire.config.Settings;

/**
 * When the next request to a host may start, given how the last one went. Pure logic over per-host state,
 * thread-safe. The rule:
 * <ul>
 *   <li>gap = max(minDelay, Crawl-delay, delayFactor × response time), capped by maxDelay, but never below
 *       the Crawl-delay;</li>
 *   <li>on 429 or 503 the host is slowed down: its Retry-After (delta-seconds or HTTP-date) is honoured up to
 *       maxBackoff; without one, the wait is {@code backoff}, doubling with each consecutive 429/503, capped at
 *       maxBackoff. The gap is then the larger of the two;</li>
 *   <li>any other answer below 500 (2xx, 3xx, 4xx) counts as a success and resets the doubling; other 5xx and
 *       network failures (status 0) neither slow down nor reset.</li>
 * </ul>
 */
public final class PolitenessPolicy {

    private static final DateTimeFormatter RFC_850 =
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.ENGLISH);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);

    private final Settings.Politeness settings;
    private final ConcurrentMap<String, HostBackoff> hosts = new ConcurrentHashMap<>();

    public PolitenessPolicy(Settings.Politeness settings) {
        this.settings = settings;
    }

    /**
     * Records the end of one request to {@code hostKey} and returns the earliest start of the next.
     *
     * @param requestEnd       when the last body byte (or the failure) arrived
     * @param responseTime     how long the exchange took
     * @param status           HTTP status, or 0 when no response arrived
     * @param retryAfterHeader the Retry-After header value, or null
     * @param crawlDelay       the host's robots.txt Crawl-delay (already capped), or null/zero
     */
    public Instant nextAllowed(String hostKey, Instant requestEnd, Duration responseTime, int status,
                               String retryAfterHeader, Duration crawlDelay) {
        Duration delay = crawlDelay == null || crawlDelay.isNegative() ? Duration.ZERO : crawlDelay;
        Duration response = responseTime == null || responseTime.isNegative() ? Duration.ZERO : responseTime;

        Duration gap = max(settings.minDelay(), max(delay, scale(response, settings.delayFactor())));
        gap = min(gap, settings.maxDelay());
        gap = max(gap, delay);

        HostBackoff state = hosts.computeIfAbsent(hostKey, k -> new HostBackoff());
        synchronized (state) {
            if (status == 429 || status == 503) {
                int n = state.recordOverload();
                Optional<Duration> retryAfter = parseRetryAfter(retryAfterHeader, requestEnd);
                Duration wait = retryAfter.isPresent()
                        ? min(retryAfter.get(), settings.maxBackoff())
                        : exponential(n);
                gap = max(gap, wait);
            } else if (status >= 200 && status < 500) {
                state.recordSuccess();
            }
            Instant next = requestEnd.plus(gap);
            state.nextAllowed(next);
            return next;
        }
    }

    /** The last computed start time for the host, if any request to it was recorded. */
    public Optional<Instant> nextAllowed(String hostKey) {
        HostBackoff state = hosts.get(hostKey);
        if (state == null) {
            return Optional.empty();
        }
        synchronized (state) {
            return Optional.of(state.nextAllowed());
        }
    }

    /** How many 429/503 answers the host gave in a row (0 after a success). */
    public int consecutiveOverloads(String hostKey) {
        HostBackoff state = hosts.get(hostKey);
        if (state == null) {
            return 0;
        }
        synchronized (state) {
            return state.consecutiveOverloads();
        }
    }

    /** backoff × 2^(n-1), capped at maxBackoff. */
    private Duration exponential(int n) {
        Duration wait = settings.backoff();
        for (int i = 1; i < n && wait.compareTo(settings.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return min(wait, settings.maxBackoff());
    }

    /**
     * The wait a Retry-After header asks for, from {@code now}: delta-seconds, or an HTTP-date (IMF-fixdate,
     * RFC 850 or asctime form; a date in the past means no wait). Empty when absent or unparseable.
     */
    public static Optional<Duration> parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String v = header.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException e) {
                return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L));   // absurdly large
            }
        }
        Instant at = parseHttpDate(v);
        if (at == null) {
            return Optional.empty();
        }
        Duration wait = Duration.between(now, at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }

    private static Instant parseHttpDate(String v) {
        for (DateTimeFormatter f : List.of(DateTimeFormatter.RFC_1123_DATE_TIME, RFC_850)) {
            try {
                ZonedDateTime t = ZonedDateTime.parse(v, f.withZone(ZoneOffset.UTC));
                if (f == RFC_850 && t.getYear() < 1970) {
                    t = t.plusYears(100);
                }
                return t.toInstant();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        try {
            return LocalDateTime.parse(v.replaceAll("\\s+", " ").replaceFirst("^(\\w{3} \\w{3}) (\\d) ", "$1  $2 "),
                    ASCTIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration scale(Duration d, double factor) {
        if (factor <= 0) {
            return Duration.ZERO;
        }
        double nanos = d.toNanos() * factor;
        return nanos >= Long.MAX_VALUE ? Duration.ofNanos(Long.MAX_VALUE) : Duration.ofNanos((long) nanos);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
