package org.quire.fetch;

import java.net.URI;
import java.util.List;

/**
 * What fetching one origin's robots.txt produced: every HTTP exchange made (the first request and each
 * redirect hop, all to be archived), the rules that result, and a short note of why (for crawl logs).
 *
 * @param robotsUrl the /robots.txt URL of the origin that was asked for
 * @param hops      every fetch made, in order; never empty
 * @param rules     the rules to apply to the origin
 * @param basis     e.g. "200: parsed", "404: allow all", "503: disallow all for now"
 */
public record RobotsOutcome(URI robotsUrl, List<FetchResult> hops, RobotsRules rules, String basis) {

    public RobotsOutcome {
        hops = List.copyOf(hops);
    }

    /** The last exchange, whose answer decided the rules. */
    public FetchResult last() {
        return hops.get(hops.size() - 1);
    }
}
