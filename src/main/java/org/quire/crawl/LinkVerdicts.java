package org.quire.crawl;

import org.quire.seeds.SeedUrls;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a crawl worked out about each link URL it met, so that the same link on later pages (menus, footers,
 * "Latest" boxes: most of a news page's links) costs one map look-up instead of normalising the URL, judging it
 * against the scope and offering it to the frontier again. Holds at most {@code capacity} links and
 * {@link #MAX_CHARS} characters of URLs (then starts over); a URL longer than {@link #MAX_KEPT_LENGTH} is worked
 * out every time, not kept. A verdict judged before the scope widened ({@link ScopeRules#version}) is judged
 * again. Thread-safe.
 */
final class LinkVerdicts {

    /**
     * One link: its normal form (null when it has none), the scope's verdict on it, the scope version that
     * verdict was judged at, and whether it has been offered to the frontier (which ignores a URL it has seen,
     * whatever the depth, so one offer that went through is enough; two threads may both offer a new link).
     */
    static final class Known {
        final String normalised;
        final ScopeRules.Verdict verdict;
        final int scopeVersion;
        private volatile boolean offered;

        private Known(String normalised, ScopeRules.Verdict verdict, int scopeVersion) {
            this.normalised = normalised;
            this.verdict = verdict;
            this.scopeVersion = scopeVersion;
        }

        /** Whether the frontier has been offered this link (and took it, or knew it). */
        boolean offered() {
            return offered;
        }

        /** Called once an offer of this link to the frontier has gone through. */
        void markOffered() {
            offered = true;
        }
    }

    /** Characters of URLs kept at the most (about 2-4 MB of strings). */
    static final long MAX_CHARS = 2_000_000;
    /** Longer link URLs (tracking links, faceted searches) are not kept. */
    static final int MAX_KEPT_LENGTH = 512;

    private final ScopeRules scope;
    private final int capacity;
    private final ConcurrentHashMap<String, Known> links = new ConcurrentHashMap<>();
    private final AtomicLong chars = new AtomicLong();

    LinkVerdicts(ScopeRules scope, int capacity) {
        this.scope = scope;
        this.capacity = capacity;
    }

    /** What is known of the link URL {@code raw} (as found on a page), worked out now if it is not known yet. */
    Known of(String raw) {
        int version = scope.version();
        Known known = links.get(raw);
        if (known != null && known.scopeVersion == version) {
            return known;
        }
        String normalised = SeedUrls.normalise(raw).orElse(null);
        Known link = new Known(normalised, normalised == null ? null : scope.judge(normalised), version);
        if (known != null && known.offered) {
            link.offered = true; // the frontier has it already
        }
        if (raw.length() > MAX_KEPT_LENGTH) {
            return link;
        }
        long kept = raw.length() + (normalised == null || normalised == raw ? 0 : normalised.length());
        if (links.size() >= capacity || chars.addAndGet(kept) > MAX_CHARS) {
            links.clear();
            chars.set(kept);
        }
        links.put(raw, link);
        return link;
    }
}
