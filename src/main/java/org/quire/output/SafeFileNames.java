package org.quire.output;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Derives a file name from a URL that is safe on any file system and still readable: the host and path as a slug
 * of {@code [a-z0-9._-]} (no separators, never {@code ..}, never starting with a dot), at most
 * {@value #MAX_SLUG} characters, then {@code -} and a short hash of the whole URL so that different URLs never
 * share a name. Windows device names (CON, NUL, COM1, ...) are avoided.
 */
public final class SafeFileNames {

    /** Longest slug kept before the hash. */
    public static final int MAX_SLUG = 120;
    private static final int HASH_HEX = 12;
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private SafeFileNames() {
    }

    /**
     * The base name (no extension) for this URL, e.g. {@code example.org-news-2026-story-3f2a9c01b7de} for
     * {@code https://example.org/news/2026/story}. At most {@value #MAX_SLUG} + 13 characters.
     */
    public static String forUrl(String url) {
        String u = url == null ? "" : url;
        String rest = u.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "");
        rest = rest.replaceFirst("^[^/@?#]*@", ""); // drop any user:password@
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        String ascii = Normalizer.normalize(rest, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("\\.{2,}", ".")
                .replaceAll("-{2,}", "-")
                .replaceAll("^[._-]+", "")
                .replaceAll("[._-]+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("[._-]+$", "");
        }
        if (slug.isEmpty()) {
            slug = "page";
        }
        String firstPart = slug.split("\\.", 2)[0];
        if (RESERVED.contains(firstPart)) {
            slug = "_" + slug;
        }
        return slug + "-" + shortHash(u);
    }

    private static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, HASH_HEX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
