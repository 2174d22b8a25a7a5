package org.quire.config;

import java.time.Duration;
import java.util.List;

/**
 * The resolved settings of one crawl: defaults, then {@code config/quire.yaml}, then the crawl's own section
 * in it, then {@code --set} options. Built and validated by {@link ConfigLoader}; immutable.
 */
public record Settings(Fetch fetch, Robots robots, Politeness politeness, Crawl crawl, Archive archive,
                       Extract extract) {

    /**
     * @param userAgent             the User-Agent header; its first product token is what robots.txt groups
     *                              are matched against
     * @param contact               an operator URL or e-mail written into warcinfo ("" when not given)
     * @param allowPrivateAddresses whether hosts resolving to loopback/private/link-local addresses may be fetched
     * @param connectTimeout        TCP (and TLS) connect limit
     * @param readTimeout           limit on silence while reading
     * @param fetchTimeout          limit on one whole exchange; the body is cut (WARC-Truncated: time) past it
     * @param maxBodySize           bytes of body kept; the rest is cut (WARC-Truncated: length)
     * @param threads               fetches in flight at once (across hosts; one per host at most)
     * @param maxRetries            attempts after a retryable failure (timeouts, resets, 5xx/429 backoff)
     */
    public record Fetch(String userAgent, String contact, boolean allowPrivateAddresses, Duration connectTimeout,
                        Duration readTimeout, Duration fetchTimeout, long maxBodySize, int threads,
                        int maxRetries) {
    }

    /**
     * @param obey          whether robots.txt is honoured (it is always fetched and archived)
     * @param cacheTtl      how long a fetched robots.txt is trusted
     * @param retryAfter    how long a host stays disallowed after robots.txt could not be fetched (5xx, timeout)
     * @param maxCrawlDelay Crawl-delay values above this are capped to it
     */
    public record Robots(boolean obey, Duration cacheTtl, Duration retryAfter, Duration maxCrawlDelay) {
    }

    /**
     * Gap between two requests to one host: max(minDelay, Crawl-delay, delayFactor x last response time),
     * capped by maxDelay (but never below Crawl-delay or Retry-After).
     *
     * @param backoff       initial extra wait for a host answering 429/503 without Retry-After; doubles each time
     * @param maxBackoff    longest wait imposed on a host by back-off or Retry-After
     */
    public record Politeness(Duration minDelay, Duration maxDelay, double delayFactor, Duration backoff,
                             Duration maxBackoff) {
    }

    /**
     * @param maxPages             pages fetched per crawl run (0 = no limit); robots.txt fetches do not count
     * @param maxPagesPerHost      pages fetched per host (0 = no limit)
     * @param maxDepth             link hops from a seed (0 = seeds only)
     * @param scope                which discovered URLs are followed
     * @param include              regular expressions; when not empty a URL must match one to be followed
     * @param exclude              regular expressions; a URL matching one is not followed
     * @param maxUrlLength         longer URLs are refused as traps
     * @param maxRepeatedSegments  a path repeating one segment more often than this is refused as a trap
     */
    public record Crawl(long maxPages, long maxPagesPerHost, int maxDepth, CrawlScope scope, List<String> include,
                        List<String> exclude, int maxUrlLength, int maxRepeatedSegments) {
        public Crawl {
            include = List.copyOf(include);
            exclude = List.copyOf(exclude);
        }
    }

    /**
     * @param warcMaxSize  a WARC file is closed and a new one begun past this size
     * @param operator     the operator named in warcinfo ("" when not given)
     * @param writeText    whether text/ files are written
     */
    public record Archive(long warcMaxSize, String operator, boolean writeText) {
    }

    /**
     * @param comments whether a page's comment section is kept after its main text
     */
    public record Extract(boolean comments) {
    }
}
