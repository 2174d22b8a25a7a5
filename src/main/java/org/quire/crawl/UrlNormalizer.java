package org.quire.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;

/**
 * Normalises discovered URLs the same way seeds are normalised (crawler-commons' basic normaliser: case of scheme
 * and host, default ports, dot segments, percent-encoding, fragment removed), so that the seen set collapses
 * spellings of one URL. Thread-safe.
 */
public final class UrlNormalizer {

    private static final BasicURLNormalizer NORMALIZER = BasicURLNormalizer.newBuilder().build();

    private UrlNormalizer() {
    }

    /** The normalised URL, or null when it cannot be normalised (not a URL crawler-commons accepts). */
    public static String normalize(String url) {
        if (url == null || url.isEmpty()) {
            return null;
        }
        try {
            String n = NORMALIZER.filter(url);
            return n == null || n.isEmpty() ? null : n;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
