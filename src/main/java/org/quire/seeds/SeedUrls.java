package org.quire.seeds;

import crawlercommons.filters.basic.BasicURLNormalizer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks and normalises seed URLs: only absolute {@code http} and {@code https} URLs with a host are seeds; they
 * are normalised with crawler-commons' {@link BasicURLNormalizer} (lower-case scheme and host, default port and
 * fragment dropped, dot segments resolved, percent-encoding tidied, IDN hosts to punycode). URLs already in that
 * form (the usual case for links a crawl discovers) are recognised by a quick scan and returned as they are.
 */
public final class SeedUrls {

    private static final BasicURLNormalizer NORMALIZER = new BasicURLNormalizer();

    private SeedUrls() {
    }

    /** The normalised form of {@code text}, or empty when it is not an absolute http(s) URL. */
    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String quick = NormalFormUrls.withoutFragment(text);
        if (quick != null) {
            return Optional.of(quick);
        }
        return normaliseFully(text);
    }

    /** {@link #normalise} without the quick check for URLs already in normal form (tests compare the two). */
    static Optional<String> normaliseFully(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.isEmpty() || t.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return Optional.empty();
        }
        String normalised;
        try {
            normalised = NORMALIZER.filter(t);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (normalised == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(normalised);
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(normalised);
    }

    /** The error text for a value that is not a seed URL: {@code not an absolute http(s) URL: "ftp://x"}. */
    static String notAUrl(String text) {
        return "not an absolute http(s) URL: \"" + text + "\"";
    }
}
