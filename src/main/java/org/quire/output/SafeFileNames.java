package org.quire.output;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Derives file and folder names from a URL that are safe on any file system and still readable. A name is a slug
 * of {@code [a-z0-9._-]}: no separators, never {@code ..}, never starting with a dot, at most {@value #MAX_SLUG}
 * characters, Windows device names (CON, NUL, COM1, ...) avoided. {@link #folderFor} names the URL's host (and
 * port); {@link #fileFor} its path and query, followed by {@code -} and a short hash of the whole URL so that
 * different URLs never share a name.
 */
public final class SafeFileNames {

    /** Longest slug kept (before the hash of a file name). */
    public static final int MAX_SLUG = 120;
    private static final int HASH_HEX = 12;
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SafeFileNames() {
    }

    /**
     * The folder name for this URL's host and port, e.g. {@code example.org} for {@code https://Example.org/a} and
     * {@code 127.0.0.1-8080} for {@code http://127.0.0.1:8080/}; {@code nohost} when it has none.
     */
    public static String folderFor(String url) {
        String rest = withoutScheme(url == null ? "" : url);
        int end = endOfAuthority(rest);
        String authority = rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        String slug = slug(at >= 0 ? authority.substring(at + 1) : authority);
        return slug.isEmpty() ? "nohost" : avoidDevice(slug);
    }

    /**
     * The base name (no extension) for this URL within its host's folder, e.g. {@code news-2026-story-3f2a9c01b7de}
     * for {@code https://example.org/news/2026/story}; the path part is {@code index} for a bare host. At most
     * {@value #MAX_SLUG} + 13 characters.
     */
    public static String fileFor(String url) {
        String u = url == null ? "" : url;
        String rest = withoutScheme(u);
        String path = rest.substring(endOfAuthority(rest));
        int hash = path.indexOf('#');
        if (hash >= 0) {
            path = path.substring(0, hash);
        }
        String slug = slug(path);
        return (slug.isEmpty() ? "index" : avoidDevice(slug)) + "-" + shortHash(u);
    }

    private static String withoutScheme(String u) {
        int i = 0;
        if (!u.isEmpty() && isAsciiLetter(u.charAt(0))) {
            i = 1;
            while (i < u.length() && (isAsciiLetter(u.charAt(i)) || Character.isDigit(u.charAt(i))
                    && u.charAt(i) < 128 || u.charAt(i) == '+' || u.charAt(i) == '.' || u.charAt(i) == '-')) {
                i++;
            }
            if (u.startsWith("://", i)) {
                return u.substring(i + 3);
            }
        }
        return u;
    }

    /** Index of the first {@code /}, {@code ?} or {@code #}: where the authority of a scheme-less URL ends. */
    private static int endOfAuthority(String rest) {
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return rest.length();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * The slug of {@code text}: accents folded (NFKD, marks dropped), lower case, every run of other characters
     * turned into one {@code -}, runs of dots and of hyphens collapsed, no leading or trailing {@code . _ -}, at
     * most {@value #MAX_SLUG} characters; empty when nothing is left.
     */
    static String slug(String text) {
        String s = text;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("")
                        .toLowerCase(Locale.ROOT);
                break;
            }
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_SLUG + 8));
        char last = 0;
        for (int i = 0; i < s.length() && out.length() <= MAX_SLUG; i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            } else if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '.' && c != '_') {
                c = '-';
            }
            if ((c == '-' || c == '.') && c == last) {
                continue;
            }
            if (out.length() == 0 && (c == '.' || c == '_' || c == '-')) {
                continue;
            }
            out.append(c);
            last = c;
        }
        int end = Math.min(out.length(), MAX_SLUG);
        while (end > 0 && isTrimmed(out.charAt(end - 1))) {
            end--;
        }
        out.setLength(end);
        return out.toString();
    }

    private static boolean isTrimmed(char c) {
        return c == '.' || c == '_' || c == '-';
    }

    private static String avoidDevice(String slug) {
        int dot = slug.indexOf('.');
        String firstPart = dot < 0 ? slug : slug.substring(0, dot);
        return RESERVED.contains(firstPart) ? "_" + slug : slug;
    }

    private static String shortHash(String s) {
        byte[] d = SHA_256.get().digest(s.getBytes(StandardCharsets.UTF_8));  // digest() also resets it
        return HexFormat.of().formatHex(d, 0, HASH_HEX / 2);
    }

    /** One digest per thread instead of a provider look-up per file name. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    });
}
