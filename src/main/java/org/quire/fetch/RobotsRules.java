package org.quire.fetch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

/**
 * The robots.txt rules of one origin (scheme, host, port) as they apply to quire: which paths may be fetched,
 * the Crawl-delay (capped), when they were fetched, and whether they are a temporary "disallow everything"
 * standing in for a robots.txt that could not be fetched (5xx, 429, network failure). Immutable and safe to
 * share between threads. Parsing follows RFC 9309 via crawler-commons, with {@code *} and {@code $} patterns
 * and user-agent groups matched against quire's product token, case-insensitively.
 */
public final class RobotsRules {

    /** RFC 9309: crawlers must parse at least 500 KiB; quire parses exactly that much. */
    public static final int MAX_PARSED_BYTES = 500 * 1024;

    private final BaseRobotRules rules;
    private final Duration crawlDelay;
    private final Instant fetchedAt;
    private final boolean temporaryDisallowAll;

    private RobotsRules(BaseRobotRules rules, Duration crawlDelay, Instant fetchedAt, boolean temporaryDisallowAll) {
        this.rules = rules;
        this.crawlDelay = crawlDelay;
        this.fetchedAt = Objects.requireNonNull(fetchedAt);
        this.temporaryDisallowAll = temporaryDisallowAll;
    }

    /** No robots.txt (4xx) or none usable: everything is allowed. */
    public static RobotsRules allowAll(Instant fetchedAt) {
        return new RobotsRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), Duration.ZERO,
                fetchedAt, false);
    }

    /** robots.txt unreachable (5xx, 429, timeout, connection or DNS failure): nothing allowed until retried. */
    public static RobotsRules disallowAllTemporarily(Instant fetchedAt) {
        return new RobotsRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), Duration.ZERO,
                fetchedAt, true);
    }

    /**
     * Parses a robots.txt body (already Content-Encoding-decoded; only the first {@link #MAX_PARSED_BYTES} are
     * read).
     *
     * @param robotsUrl     where it came from (used to resolve Sitemap lines)
     * @param userAgent     quire's User-Agent header; its product token selects the group
     * @param maxCrawlDelay Crawl-delay values above this are lowered to it
     */
    public static RobotsRules parse(byte[] content, URI robotsUrl, String userAgent, Duration maxCrawlDelay,
                                    Instant fetchedAt) {
        byte[] text = content.length > MAX_PARSED_BYTES ? java.util.Arrays.copyOf(content, MAX_PARSED_BYTES) : content;
        // No limit in the parser: crawler-commons turns an over-limit Crawl-delay into "disallow all";
        // quire caps the delay instead.
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 100);
        parser.setExactUserAgentMatching(true);
        String token = productToken(userAgent);
        SimpleRobotRules parsed = parser.parseContent(robotsUrl.toString(), text, "text/plain",
                token.isEmpty() ? List.of() : List.of(token));
        long delayMs = parsed.getCrawlDelay();
        Duration delay = delayMs <= 0 || delayMs == BaseRobotRules.UNSET_CRAWL_DELAY
                ? Duration.ZERO : Duration.ofMillis(delayMs);
        if (maxCrawlDelay != null && delay.compareTo(maxCrawlDelay) > 0) {
            delay = maxCrawlDelay;
        }
        return new RobotsRules(parsed, delay, fetchedAt, false);
    }

    /** Convenience for tests and tools: parses text. */
    public static RobotsRules parse(String content, URI robotsUrl, String userAgent, Duration maxCrawlDelay,
                                    Instant fetchedAt) {
        return parse(content.getBytes(StandardCharsets.UTF_8), robotsUrl, userAgent, maxCrawlDelay, fetchedAt);
    }

    /**
     * The robots.txt product token of a User-Agent header: its first token up to '/', lower-case, keeping only
     * the characters RFC 9309 allows ({@code a-z}, {@code _}, {@code -}); "quire/0.1 (+https://…)" gives "quire".
     */
    public static String productToken(String userAgent) {
        if (userAgent == null) {
            return "";
        }
        String first = userAgent.trim().split("[/\\s]", 2)[0].toLowerCase(Locale.ROOT);
        return first.replaceAll("[^a-z_-]", "");
    }

    /** Whether quire may fetch this URL of the origin. /robots.txt itself is always allowed (RFC 9309 2.2.2). */
    public boolean isAllowed(URI url) {
        return isAllowed(url.toString());
    }

    /**
     * As {@link #isAllowed(URI)}, for a URL of the origin given as the text of an absolute URL (as discovered links
     * are), without parsing it into a {@link URI}.
     */
    public boolean isAllowed(String url) {
        int authority = url.indexOf("//");
        int path = authority < 0 ? -1 : url.indexOf('/', authority + 2);
        if (path >= 0 && url.startsWith("/robots.txt", path)
                && (url.length() == path + 11 || url.charAt(path + 11) == '?' || url.charAt(path + 11) == '#')) {
            return true;
        }
        try {
            return rules.isAllowed(url);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The group's Crawl-delay, capped by {@code robots.max-crawl-delay}; zero when none was given. */
    public Duration crawlDelay() {
        return crawlDelay;
    }

    public Instant fetchedAt() {
        return fetchedAt;
    }

    /** True when these rules stand in for a robots.txt that could not be fetched, to be fetched again later. */
    public boolean isTemporaryDisallowAll() {
        return temporaryDisallowAll;
    }

    public boolean isAllowAll() {
        return rules.isAllowAll();
    }

    public boolean isDisallowAll() {
        return rules.isAllowNone();
    }

    /** Sitemap URLs listed in the file, in order. */
    public List<String> sitemaps() {
        return List.copyOf(rules.getSitemaps());
    }

    @Override
    public String toString() {
        return "RobotsRules[" + (temporaryDisallowAll ? "temporary disallow-all" : isAllowAll() ? "allow-all"
                : isDisallowAll() ? "disallow-all" : "rules") + ", crawlDelay=" + crawlDelay + ", fetchedAt="
                + fetchedAt + "]";
    }
}
