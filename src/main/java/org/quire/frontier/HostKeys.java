package org.quire.frontier;

import org.quire.seeds.PlainUrl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Derives the politeness key of a URL: its lower-cased host name, without scheme, user info or port. */
final class HostKeys {

    private HostKeys() {
    }

    /**
     * @throws IllegalArgumentException naming the URL when it is not absolute or has no host
     */
    static String of(String url) {
        PlainUrl plain = PlainUrl.of(url);
        if (plain != null) {
            return plain.host();
        }
        String host;
        try {
            host = new URI(url).getHost();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: \"" + url + "\": " + e.getReason());
        }
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("URL has no host: \"" + url + "\"");
        }
        return host.toLowerCase(Locale.ROOT);
    }
}
