package org.quire.seeds;

/**
 * The parts of a URL already in quire's normal form with no query, port-less or with a non-default port: what the
 * crawler reads of every discovered link, taken without {@link java.net.URI}'s full parse.
 *
 * @param scheme  {@code http} or {@code https}
 * @param host    the host name or IPv4 address, lower case (what {@link java.net.URI#getHost} gives)
 * @param rawPath the path, starting with {@code /} (what {@link java.net.URI#getRawPath} gives)
 */
public record PlainUrl(String scheme, String host, String rawPath) {

    /**
     * The parts of {@code url} when it is certainly in normal form (as {@link SeedUrls#normalise} returns it), or
     * null: then the caller parses it the general way.
     */
    public static PlainUrl of(String url) {
        return NormalFormUrls.parts(url);
    }
}
