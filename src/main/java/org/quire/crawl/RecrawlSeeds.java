package org.quire.crawl;

import org.quire.frontier.Candidate;
import org.quire.frontier.Frontier;
import org.quire.recrawl.CaptureArchiver;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Starts a run from what earlier runs of the crawl found: every page URL in the capture index that is on the
 * origin (scheme, host and port) of one of the current seeds, still in scope and within {@code crawl.max-depth}
 * is offered to the frontier (after the seeds, shallowest first) with the depth and referrer it had, so a page
 * no longer linked is still revisited. Pages on other sites come back only when still linked (their links are
 * followed as usual), so a site that went away does not hold up the run. {@code crawl.max-pages} still applies.
 */
final class RecrawlSeeds {

    private RecrawlSeeds() {
    }

    static void add(Frontier frontier, ScopeRules scope, CaptureArchiver captures, List<String> seeds)
            throws IOException {
        Set<String> origins = new HashSet<>();
        for (String seed : seeds) {
            origin(seed).ifPresent(origins::add);
        }
        List<Candidate> batch = new ArrayList<>(BATCH);
        captures.forEachKnownUrl(c -> {
            boolean page = (c.status() >= 200 && c.status() < 300) || c.status() == 304;
            if (page && origin(c.url()).filter(origins::contains).isPresent()
                    && scope.decide(c.url(), c.depth()).accepted()) {
                batch.add(new Candidate(c.url(), c.depth(), c.via(), "L".repeat(Math.max(0, c.depth()))));
                if (batch.size() == BATCH) {
                    frontier.add(batch);
                    batch.clear();
                }
            }
        });
        if (!batch.isEmpty()) {
            frontier.add(batch);
        }
    }

    /** Known URLs go to the frontier in batches of this many, never all at once. */
    private static final int BATCH = 1_000;

    /** {@code scheme://host:port} of a URL, with the default port made explicit. */
    static Optional<String> origin(String url) {
        try {
            URI u = URI.create(url);
            if (u.getScheme() == null || u.getHost() == null) {
                return Optional.empty();
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            int port = u.getPort() >= 0 ? u.getPort() : scheme.equals("https") ? 443 : 80;
            return Optional.of(scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
