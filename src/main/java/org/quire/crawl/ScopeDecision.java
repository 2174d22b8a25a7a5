package org.quire.crawl;

import org.quire.fetch.ErrorKind;

/**
 * Whether a URL may be crawled, and if not, why.
 *
 * @param rejection null when accepted; otherwise the kind of rejection ({@code out-of-scope}, {@code too-deep},
 *                  {@code trap}, {@code bad-url})
 * @param reason    a short human reason when rejected, else ""
 */
public record ScopeDecision(ErrorKind rejection, String reason) {

    public static final ScopeDecision ACCEPT = new ScopeDecision(null, "");

    public boolean accepted() {
        return rejection == null;
    }

    static ScopeDecision reject(ErrorKind kind, String reason) {
        return new ScopeDecision(kind, reason);
    }
}
