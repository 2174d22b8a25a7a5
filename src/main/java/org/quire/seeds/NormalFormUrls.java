package org.quire.seeds;

/**
 * Recognises absolute URLs that are already in the normal form {@link SeedUrls#normalise} produces, so the crawler
 * can skip crawler-commons' normaliser (the largest quire cost per discovered link) for the common case. The test is
 * deliberately narrow: a URL passes only when it is {@code http://} or {@code https://} (lower case), a host of
 * lower-case letters, digits, dots and hyphens that {@link java.net.URI} accepts as a host name or dotted-quad IPv4
 * address, no user info, no port or a non-default one, no query, and a path that starts with {@code /} and holds only
 * unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) and slashes, with no {@code //}, {@code /.} or {@code ./}.
 * A fragment is dropped first, as the normaliser does. Anything else goes the slow way; a test checks that every URL passing here is left unchanged by the normaliser.
 */
final class NormalFormUrls {

    private static final int MAX_LABEL = 63;
    private static final int MAX_HOST = 253;

    private NormalFormUrls() {
    }

    /** True when {@code url} is certainly already normalised (false says nothing). */
    static boolean isNormal(String url) {
        return hostEnd(url) >= 0;
    }

    /** The parts of {@code url} when it is certainly already normalised and has no fragment, else null. */
    static PlainUrl parts(String url) {
        int hostEnd = hostEnd(url);
        if (hostEnd < 0) {
            return null;
        }
        int start = schemeEnd(url);
        return new PlainUrl(start == 7 ? "http" : "https", url.substring(start, hostEnd),
                url.substring(url.indexOf('/', start)));
    }

    /** Where the host begins (after {@code http://} or {@code https://}), or -1 for any other scheme. */
    private static int schemeEnd(String url) {
        return url.startsWith("http://") ? 7 : url.startsWith("https://") ? 8 : -1;
    }

    /** Where the host of a normal-form URL ends (at its port or path), or -1 when the URL is not certainly normal. */
    private static int hostEnd(String url) {
        int start = schemeEnd(url);
        if (start < 0) {
            return -1;
        }
        int slash = url.indexOf('/', start);
        if (slash < 0) {
            return -1;
        }
        int colon = url.lastIndexOf(':', slash);
        int hostEnd = slash;
        if (colon >= start) {
            if (!isPlainPort(url, colon + 1, slash, start == 7 ? 80 : 443)) {
                return -1;
            }
            hostEnd = colon;
        }
        return isPlainHost(url, start, hostEnd) && isPlainPath(url, slash, url.length()) ? hostEnd : -1;
    }

    /**
     * The normal form of {@code url} when it is a normal-form URL followed by a fragment (which normalising
     * drops) or none, else null.
     */
    static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        if (hash < 0) {
            return isNormal(url) ? url : null;
        }
        for (int i = hash + 1; i < url.length(); i++) {
            if (Character.isWhitespace(url.charAt(i))) {
                return null;
            }
        }
        String base = url.substring(0, hash);
        return isNormal(base) ? base : null;
    }

    /** A port number 1-65535 without leading zeros that is not the scheme's default port. */
    private static boolean isPlainPort(String s, int from, int to, int defaultPort) {
        int n = to - from;
        if (n == 0 || n > 5 || s.charAt(from) == '0') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        int port = Integer.parseInt(s, from, to, 10);
        return port <= 65535 && port != defaultPort;
    }

    private static boolean isPlainHost(String s, int from, int to) {
        int length = to - from;
        if (length == 0 || length > MAX_HOST) {
            return false;
        }
        boolean allDigitsAndDots = true;
        int labelStart = from;
        char lastLabelFirst = 0;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == '.') {
                int labelLength = i - labelStart;
                if (labelLength == 0 || labelLength > MAX_LABEL) {
                    return false;
                }
                if (!isAlnum(s.charAt(labelStart)) || !isAlnum(s.charAt(i - 1))) {
                    return false;
                }
                lastLabelFirst = s.charAt(labelStart);
                labelStart = i + 1;
                continue;
            }
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                continue;
            }
            allDigitsAndDots = false;
            if (!(c >= 'a' && c <= 'z') && c != '-') {
                return false;
            }
        }
        if (allDigitsAndDots) {
            return isIpv4(s, from, to);
        }
        return lastLabelFirst >= 'a' && lastLabelFirst <= 'z';
    }

    /** Four decimal octets 0-255 without leading zeros. */
    private static boolean isIpv4(String s, int from, int to) {
        int octets = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == '.') {
                int n = i - start;
                if (n == 0 || n > 3 || (n > 1 && s.charAt(start) == '0')) {
                    return false;
                }
                if (Integer.parseInt(s, start, i, 10) > 255) {
                    return false;
                }
                octets++;
                start = i + 1;
            }
        }
        return octets == 4;
    }

    private static boolean isPlainPath(String s, int from, int to) {
        char previous = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '/') {
                if (previous == '/' || previous == '.') {
                    return false;
                }
            } else if (c == '.') {
                if (previous == '/') {
                    return false;
                }
            } else if (!isAlnum(c) && c != '-' && c != '_' && c != '~') {
                return false;
            }
            previous = c;
        }
        return true;
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
