package org.quire.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.quire.config.Settings;

/**
 * Fetches and interprets an origin's /robots.txt following RFC 9309:
 * <ul>
 *   <li>2xx: the first 500 KiB of the decoded body are parsed;</li>
 *   <li>up to 5 redirects are followed (to any host); every hop is returned for archiving. A sixth redirect
 *       makes robots.txt "unavailable", which RFC 9309 (2.3.1.2) lets a crawler treat like a 4xx: quire then
 *       allows everything;</li>
 *   <li>4xx (including 401, 403, 404), a non-redirect 3xx, an unusable Location, and a hop to a refused
 *       (private) address or a non-http URL: unavailable, allow all;</li>
 *   <li>5xx, 429, and network failures (DNS, connect, timeout, reset, TLS, malformed response), or a body
 *       whose Content-Encoding cannot be undone: unreachable, disallow everything for now
 *       ({@link RobotsRules#isTemporaryDisallowAll()}); the crawler asks again after
 *       {@code robots.retry-after}.</li>
 * </ul>
 * Thread-safe when the {@link HttpFetcher} is (it is).
 */
public final class RobotsFetcher {

    /** RFC 9309 2.3.1.2: crawlers should follow at least five consecutive redirects. */
    public static final int MAX_REDIRECTS = 5;

    /** At most this much of a robots.txt body is downloaded: what is parsed (500 KiB) and a little more. */
    public static final long MAX_FETCHED_BYTES = RobotsRules.MAX_PARSED_BYTES + 64 * 1024;

    private final HttpFetcher fetcher;
    private final Settings.Fetch fetchSettings;
    private final Settings.Robots robotsSettings;

    public RobotsFetcher(HttpFetcher fetcher, Settings.Fetch fetchSettings, Settings.Robots robotsSettings) {
        this.fetcher = fetcher;
        this.fetchSettings = fetchSettings;
        this.robotsSettings = robotsSettings;
    }

    /** The /robots.txt URL of the origin of {@code url} (scheme, host and port kept; path, query dropped). */
    public static URI robotsUrl(URI url) {
        String scheme = url.getScheme() == null ? "http" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost();
        if (host == null) {
            throw new IllegalArgumentException("URL has no host: " + url);
        }
        return URI.create(scheme + "://" + host.toLowerCase(Locale.ROOT)
                + (url.getPort() >= 0 ? ":" + url.getPort() : "") + "/robots.txt");
    }

    /** Fetches the robots.txt of the origin of {@code anyUrlOfOrigin}; never throws for network trouble. */
    public RobotsOutcome fetch(URI anyUrlOfOrigin) {
        URI robotsUrl = robotsUrl(anyUrlOfOrigin);
        List<FetchResult> hops = new ArrayList<>();
        URI current = robotsUrl;
        for (int redirects = 0; ; redirects++) {
            FetchResult r = fetcher.fetch(current, List.of(), MAX_FETCHED_BYTES);
            hops.add(r);
            Instant at = r.fetchedAt();
            if (r.error() != null) {
                return switch (r.error()) {
                    case PRIVATE_ADDRESS, BAD_URL -> outcome(robotsUrl, hops, RobotsRules.allowAll(at),
                            r.error().code() + ": unavailable, allow all");
                    default -> outcome(robotsUrl, hops, RobotsRules.disallowAllTemporarily(at),
                            r.error().code() + ": unreachable, disallow all for now");
                };
            }
            int status = r.status();
            if (r.isRedirect()) {
                if (redirects >= MAX_REDIRECTS) {
                    return outcome(robotsUrl, hops, RobotsRules.allowAll(at),
                            status + ": more than " + MAX_REDIRECTS + " redirects, allow all");
                }
                URI next = resolve(current, r.header("Location"));
                if (next == null) {
                    return outcome(robotsUrl, hops, RobotsRules.allowAll(at),
                            status + ": unusable Location, allow all");
                }
                current = next;
                continue;
            }
            if (status >= 200 && status < 300) {
                return parsed(robotsUrl, hops, r);
            }
            if (status == 429 || status >= 500) {
                return outcome(robotsUrl, hops, RobotsRules.disallowAllTemporarily(at),
                        status + ": unreachable, disallow all for now");
            }
            if (status >= 300 && status < 500) {
                return outcome(robotsUrl, hops, RobotsRules.allowAll(at), status + ": unavailable, allow all");
            }
            return outcome(robotsUrl, hops, RobotsRules.disallowAllTemporarily(at),
                    status + ": unexpected status, disallow all for now");
        }
    }

    private RobotsOutcome parsed(URI robotsUrl, List<FetchResult> hops, FetchResult r) {
        byte[] text;
        try {
            text = ContentDecoder.decodePrefix(r.body(), r.header("Content-Encoding"), RobotsRules.MAX_PARSED_BYTES);
        } catch (ContentDecodingException e) {
            return outcome(robotsUrl, hops, RobotsRules.disallowAllTemporarily(r.fetchedAt()),
                    r.status() + ": undecodable body, disallow all for now (" + e.getMessage() + ")");
        }
        RobotsRules rules = RobotsRules.parse(text, r.url(), fetchSettings.userAgent(),
                robotsSettings.maxCrawlDelay(), r.fetchedAt());
        return outcome(robotsUrl, hops, rules, r.status() + ": parsed"
                + (r.truncated() != null ? " (body truncated: " + r.truncated() + ")" : ""));
    }

    private static RobotsOutcome outcome(URI robotsUrl, List<FetchResult> hops, RobotsRules rules, String basis) {
        return new RobotsOutcome(robotsUrl, hops, rules, basis);
    }

    private static URI resolve(URI base, String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        try {
            URI target = base.resolve(new URI(location.trim()));
            return target.isAbsolute() && target.getHost() != null ? target : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
