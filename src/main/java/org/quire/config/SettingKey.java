package org.quire.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every configuration key quire knows: its dotted name (as in {@code config/quire.yaml} and {@code --set}), its
 * {@link ValueType}, its default and a one-line description. This registry drives defaults, validation, the
 * "did you mean" suggestion for unknown keys, {@code --set} and the documentation.
 */
public enum SettingKey {
    FETCH_USER_AGENT("fetch.user-agent", ValueType.STRING, "quire/0.1 (+https://github.com/quire-crawler/quire)", 1,
            "User-Agent header; its first product token (quire) is what robots.txt groups are matched against"),
    FETCH_CONTACT("fetch.contact", ValueType.STRING, "", 0,
            "operator URL or e-mail written into warcinfo (empty: not given)"),
    FETCH_ALLOW_PRIVATE_ADDRESSES("fetch.allow-private-addresses", ValueType.BOOLEAN, "false", 0,
            "whether hosts resolving to loopback, private or link-local addresses may be fetched"),
    FETCH_CONNECT_TIMEOUT("fetch.connect-timeout", ValueType.DURATION, "10s", 1,
            "limit on the TCP (and TLS) connect"),
    FETCH_READ_TIMEOUT("fetch.read-timeout", ValueType.DURATION, "30s", 1,
            "limit on silence while reading a response"),
    FETCH_FETCH_TIMEOUT("fetch.fetch-timeout", ValueType.DURATION, "2m", 1,
            "limit on one whole exchange; the body is cut past it (WARC-Truncated: time)"),
    FETCH_MAX_BODY_SIZE("fetch.max-body-size", ValueType.SIZE, "20MB", 1,
            "body bytes kept per response (1024-based units); the rest is cut (WARC-Truncated: length)"),
    FETCH_THREADS("fetch.threads", ValueType.INT, "16", 1,
            "fetches in flight at once, across hosts (never more than one per host)"),
    FETCH_MAX_RETRIES("fetch.max-retries", ValueType.INT, "2", 0,
            "attempts after a retryable failure (timeouts, resets, 5xx/429)"),

    ROBOTS_OBEY("robots.obey", ValueType.BOOLEAN, "true", 0,
            "whether robots.txt is honoured (it is always fetched and archived)"),
    ROBOTS_CACHE_TTL("robots.cache-ttl", ValueType.DURATION, "24h", 0,
            "how long a fetched robots.txt is trusted"),
    ROBOTS_RETRY_AFTER("robots.retry-after", ValueType.DURATION, "10m", 0,
            "how long a host stays disallowed after its robots.txt could not be fetched (5xx, timeout)"),
    ROBOTS_MAX_CRAWL_DELAY("robots.max-crawl-delay", ValueType.DURATION, "60s", 0,
            "Crawl-delay values above this are capped to it"),

    POLITENESS_MIN_DELAY("politeness.min-delay", ValueType.DURATION, "1s", 0,
            "shortest gap between two requests to one host"),
    POLITENESS_MAX_DELAY("politeness.max-delay", ValueType.DURATION, "30s", 0,
            "longest gap from the delay factor (never below Crawl-delay or Retry-After)"),
    POLITENESS_DELAY_FACTOR("politeness.delay-factor", ValueType.DOUBLE, "2", 0,
            "gap = max(min-delay, Crawl-delay, delay-factor x last response time), capped by max-delay"),
    POLITENESS_BACKOFF("politeness.backoff", ValueType.DURATION, "30s", 0,
            "first extra wait for a host answering 429/503 without Retry-After; doubles each time"),
    POLITENESS_MAX_BACKOFF("politeness.max-backoff", ValueType.DURATION, "10m", 0,
            "longest wait imposed on a host by back-off or Retry-After"),

    CRAWL_MAX_PAGES("crawl.max-pages", ValueType.LONG, "10000", 0,
            "pages fetched per crawl run (0: no limit); robots.txt fetches do not count"),
    CRAWL_MAX_PAGES_PER_HOST("crawl.max-pages-per-host", ValueType.LONG, "0", 0,
            "pages fetched per host (0: no limit)"),
    CRAWL_MAX_DEPTH("crawl.max-depth", ValueType.INT, "3", 0,
            "link hops from a seed (0: seeds only)"),
    CRAWL_SCOPE("crawl.scope", ValueType.SCOPE, "host", 0,
            "which discovered URLs are followed: host (same host as the seed), domain (same registered domain), "
                    + "prefix (below the seed's last slash) or any"),
    CRAWL_INCLUDE("crawl.include", ValueType.REGEX_LIST, List.of(), 0,
            "regular expressions; when not empty a URL must match one of them to be followed"),
    CRAWL_EXCLUDE("crawl.exclude", ValueType.REGEX_LIST, List.of(), 0,
            "regular expressions; a URL matching one of them is not followed"),
    CRAWL_MAX_URL_LENGTH("crawl.max-url-length", ValueType.INT, "2048", 16,
            "longer URLs are refused as crawler traps"),
    CRAWL_MAX_REPEATED_SEGMENTS("crawl.max-repeated-segments", ValueType.INT, "3", 1,
            "a path repeating one segment more often than this is refused as a crawler trap"),

    ARCHIVE_WARC_MAX_SIZE("archive.warc-max-size", ValueType.SIZE, "1GB", 1,
            "a WARC file is closed and a new one begun past this size (1024-based units)"),
    ARCHIVE_OPERATOR("archive.operator", ValueType.STRING, "", 0,
            "the operator named in warcinfo (empty: not given)"),
    ARCHIVE_WRITE_TEXT("archive.write-text", ValueType.BOOLEAN, "true", 0,
            "whether the main text of each page is written under text/"),

    EXTRACT_COMMENTS("extract.comments", ValueType.BOOLEAN, "false", 0,
            "whether a page's comment section is kept, after its main text (it is dropped as chrome otherwise)");

    private static final Map<String, SettingKey> BY_NAME;
    private static final Set<String> SECTIONS;

    static {
        Map<String, SettingKey> byName = new LinkedHashMap<>();
        Set<String> sections = new LinkedHashSet<>();
        for (SettingKey k : values()) {
            byName.put(k.key, k);
            sections.add(k.section());
        }
        BY_NAME = Collections.unmodifiableMap(byName);
        SECTIONS = Collections.unmodifiableSet(sections);
    }

    private final String key;
    private final ValueType type;
    private final Object defaultValue;
    private final String defaultText;
    private final long minimum;
    private final String doc;

    SettingKey(String key, ValueType type, Object defaultRaw, long minimum, String doc) {
        this.key = key;
        this.type = type;
        this.defaultValue = type.parse(defaultRaw);
        this.defaultText = defaultRaw instanceof String text ? text : type.format(defaultValue);
        this.minimum = minimum;
        this.doc = doc;
    }

    /** The dotted name, e.g. {@code politeness.min-delay}. */
    public String key() {
        return key;
    }

    /** The section, e.g. {@code politeness}. */
    public String section() {
        return key.substring(0, key.indexOf('.'));
    }

    /** The name inside its section, e.g. {@code min-delay}. */
    public String leaf() {
        return key.substring(key.indexOf('.') + 1);
    }

    public ValueType type() {
        return type;
    }

    /** The default, as a Java value of {@link #type()} (see {@link ValueType#parse}). */
    public Object defaultValue() {
        return defaultValue;
    }

    /** The default in configuration notation, as written in the shipped file, e.g. {@code 1s}, {@code 24h}, {@code 20MB}, {@code []}. */
    public String defaultText() {
        return defaultText;
    }

    /** One line saying what the key does. */
    public String doc() {
        return doc;
    }

    /**
     * Parses and checks a raw value of this key (see {@link ValueType#parse}), also against the key's lower bound
     * (e.g. {@code fetch.threads} at least 1, {@code fetch.user-agent} not empty).
     *
     * @throws IllegalArgumentException naming the problem (not the key or source: callers add those)
     */
    public Object parse(Object raw) {
        Object v = type.parse(raw);
        checkMinimum(v);
        return v;
    }

    private void checkMinimum(Object v) {
        switch (type) {
            case STRING -> {
                if (minimum > 0 && ((String) v).isBlank()) {
                    throw new IllegalArgumentException("must not be empty");
                }
            }
            case INT, LONG, SIZE -> {
                if (((Number) v).longValue() < minimum) {
                    throw new IllegalArgumentException(minimum == 0 ? "must not be negative, got " + v
                            : "must be at least " + type.format(type == ValueType.INT ? (int) minimum : minimum)
                            + ", got " + type.format(v));
                }
            }
            case DOUBLE -> {
                if ((Double) v < minimum) {
                    throw new IllegalArgumentException("must not be less than " + minimum + ", got "
                            + type.format(v));
                }
            }
            case DURATION -> {
                java.time.Duration d = (java.time.Duration) v;
                if (d.toMillis() < minimum) {
                    throw new IllegalArgumentException(minimum <= 1 ? "must be longer than 0s" : "must be at least "
                            + Durations.format(java.time.Duration.ofMillis(minimum)));
                }
            }
            default -> {
            }
        }
    }

    /** The key with this dotted name, if there is one. */
    public static Optional<SettingKey> byName(String dotted) {
        return Optional.ofNullable(BY_NAME.get(dotted));
    }

    /** All dotted names, in documentation order. */
    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    /** The section names ({@code fetch}, {@code robots}, {@code politeness}, {@code crawl}, {@code archive}, {@code extract}). */
    public static Set<String> sections() {
        return SECTIONS;
    }
}
