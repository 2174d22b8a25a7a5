package org.quire.crawl;

import org.quire.frontier.Candidate;
import org.quire.frontier.Frontier;
import org.quire.recrawl.CaptureArchiver;
import org.quire.recrawl.PriorCapture;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a run from what earlier runs of the crawl found: every page URL in the capture index that is still in
 * scope and within {@code crawl.max-depth} is offered to the frontier (after the seeds, shallowest first) with the
 * depth and referrer it had, so a page no longer linked is still revisited. {@code crawl.max-pages} still applies.
 */
final class RecrawlSeeds {

    private RecrawlSeeds() {
    }

    static void add(Frontier frontier, ScopeRules scope, CaptureArchiver captures) throws IOException {
        List<Candidate> known = new ArrayList<>();
        for (PriorCapture c : captures.knownUrls()) {
            boolean page = (c.status() >= 200 && c.status() < 300) || c.status() == 304;
            if (page && scope.decide(c.url(), c.depth()).accepted()) {
                known.add(new Candidate(c.url(), c.depth(), c.via(), "L".repeat(Math.max(0, c.depth()))));
            }
        }
        if (!known.isEmpty()) {
            frontier.add(known);
        }
    }
}
