package org.quire.frontier;

/**
 * The 64-bit fingerprint under which the frontier database indexes a URL: the top 24 bits hash the URL's host key,
 * the low 40 bits hash the whole URL. The host prefix keeps a host's URLs together in the index, so the new links
 * of one page (mostly on its own host) land in a few neighbouring index pages, as they did in the old index on the
 * URL text, while an index entry is some 18 bytes instead of the 80-100 of a URL.
 * <p>
 * A fingerprint is not unique: two URLs may share one (two hosts whose hashes agree in 24 bits, and then two URLs
 * whose hashes agree in 40 bits; for a host with a million URLs about one pair is expected). The frontier treats
 * that exactly: every look-up by fingerprint compares the stored URL text, so a colliding URL is stored and crawled
 * like any other and only costs a second row read. The fingerprints are stored in the database, so this function
 * must never change (or the schema version must, with a migration that recomputes them).
 */
final class UrlFingerprints {

    private static final long HOST_MASK = 0xFFFF_FF00_0000_0000L;

    private UrlFingerprints() {
    }

    /** The fingerprint of {@code url}, whose host key ({@link HostKeys#of}) is {@code hostKey}. */
    static long of(String url, String hostKey) {
        return hash(hostKey) & HOST_MASK | hash(url) >>> 24;
    }

    /** The fingerprint of {@code url}. @throws IllegalArgumentException when the URL has no host */
    static long of(String url) {
        return of(url, HostKeys.of(url));
    }

    /** 64-bit FNV-1a over the UTF-16 code units, then SplitMix64's finaliser to spread every input bit. */
    static long hash(String s) {
        long h = 0xCBF2_9CE4_8422_2325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x0000_0100_0000_01B3L;
        }
        h = (h ^ (h >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return h ^ (h >>> 31);
    }
}
