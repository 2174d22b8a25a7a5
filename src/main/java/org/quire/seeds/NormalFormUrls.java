package org.quire.seeds;

/**
 * Recognises absolute URLs that are already in the normal form {@link SeedUrls#normalise} produces, so the crawler
 * can skip crawler-commons' normaliser (the largest quire cost per discovered link) for the common case. The test is
 * deliberately narrow: a URL passes only when it is {@code http://} or {@code https://} (lower case), a host of
 * lower-case letters, digits, dots and hyphens that {@link java.net.URI} accepts as a host name or dotted-quad IPv4
 * address, no user info, no port, no query, no fragment, and a path that starts with {@code /} and holds only
 * unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) and slashes, with no {@code //}, {@code /.} or {@code ./}.
 * Anything else goes the slow way; a test checks that every URL passing here is left unchanged by the normaliser.
 */
final class NormalFormUrls {

    private static final int MAX_LABEL = 63;
    private static final int MAX_HOST = 253;

    private NormalFormUrls() {
    }

    /** True when {@code url} is certainly already normalised (false says nothing). */
    static boolean isNormal(String url) {
        int start;
        if (url.startsWith("http://")) {
            start = 7;
        } else if (url.startsWith("https://")) {
            start = 8;
        } else {
            return false;
        }
        int slash = url.indexOf('/', start);
        if (slash < 0 || !isPlainHost(url, start, slash)) {
            return false;
        }
        return isPlainPath(url, slash);
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

    private static boolean isPlainPath(String s, int from) {
        char previous = 0;
        for (int i = from; i < s.length(); i++) {
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
