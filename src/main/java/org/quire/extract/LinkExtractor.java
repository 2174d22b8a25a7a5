package org.quire.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds every link of a page: {@code a}/{@code area} hrefs as navigational links (hop {@code L}) and the sources of
 * images, scripts, stylesheets, frames and media as embeds (hop {@code E}). URLs are resolved against the document's
 * base URI (which honours {@code <base href>}); javascript:, mailto:, data:, tel: and fragment-only references are
 * skipped; results are de-duplicated (per URL and hop) and kept in document order. One pass over the document,
 * anchor texts collected on the way. Must run before anything removes elements from the document.
 */
public final class LinkExtractor {

    /** The links of the whole document. */
    public List<Link> extract(Document document) {
        Collector c = collector(document);
        DomWalk.walk(document, c);
        return links(c);
    }

    /** A visitor that collects the links of {@code document} during a walk over it (see {@link #links}). */
    static Collector collector(Document document) {
        return new Collector(document.baseUri());
    }

    /** The links a collector found, once the walk is over. */
    static List<Link> links(Collector c) {
        List<Link> out = new ArrayList<>(c.found.size());
        for (Found f : c.found) {
            out.add(new Link(f.url, f.hop, f.anchor == null ? "" : collapse(f.anchor)));
        }
        return out;
    }

    private static final class Found {
        final String url;
        final char hop;
        CharSequence anchor;

        Found(String url, char hop) {
            this.url = url;
            this.hop = hop;
        }
    }

    static final class Collector implements DomWalk.Visitor {
        final List<Found> found = new ArrayList<>();
        /** URLs already found, per hop ({@code L} links, {@code E} embeds). */
        final Set<String> seenLinks = new HashSet<>();
        final Set<String> seenEmbeds = new HashSet<>();
        /** References (attribute values) already handled, per hop. */
        final Set<String> rawLinks = new HashSet<>();
        final Set<String> rawEmbeds = new HashSet<>();
        final String baseUri;
        URL base;
        boolean baseParsed;
        /** The scheme and authority of {@link #base} as URL resolution writes them, made on first use. */
        String origin;
        /** Anchor text being collected for the innermost open link (null when none or a duplicate). */
        final ArrayList<StringBuilder> open = new ArrayList<>();
        final ArrayList<Element> openElements = new ArrayList<>();

        Collector(String baseUri) {
            this.baseUri = baseUri == null ? "" : baseUri;
        }

        @Override
        public int head(Node node, int depth) {
            if (node instanceof TextNode t) {
                if (!open.isEmpty()) {
                    StringBuilder sb = open.get(open.size() - 1);
                    if (sb != null && sb.length() < 1000) {
                        sb.append(t.getWholeText()).append(' ');
                    }
                }
                return DomWalk.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return DomWalk.CONTINUE;
            }
            switch (e.normalName()) {
                case "a" -> {
                    Found f = add(e, "href", 'L');
                    StringBuilder sb = f == null ? null : new StringBuilder();
                    if (f != null) {
                        f.anchor = sb;
                    }
                    open.add(sb);
                    openElements.add(e);
                }
                case "area" -> {
                    Found f = add(e, "href", 'L');
                    if (f != null) {
                        f.anchor = e.attr("alt");
                    }
                }
                case "img" -> {
                    add(e, "src", 'E');
                    if (!open.isEmpty()) {
                        StringBuilder sb = open.get(open.size() - 1);
                        if (sb != null && sb.isEmpty()) {
                            sb.append(e.attr("alt")).append(' ');
                        }
                    }
                }
                case "script", "iframe", "frame", "embed", "audio", "video", "source", "track" -> add(e, "src", 'E');
                case "object" -> add(e, "data", 'E');
                case "link" -> {
                    String rel = e.attr("rel").toLowerCase(Locale.ROOT);
                    if (rel.contains("stylesheet") || rel.contains("icon")) {
                        add(e, "href", 'E');
                    }
                }
                default -> {
                }
            }
            return DomWalk.CONTINUE;
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e && !openElements.isEmpty() && openElements.get(openElements.size() - 1) == e) {
                openElements.remove(openElements.size() - 1);
                open.remove(open.size() - 1);
            }
        }

        private Found add(Element e, String attr, char hop) {
            if (e.attributesSize() == 0) {
                return null;
            }
            String raw = e.attributes().get(attr).strip();
            if (raw.isEmpty() || raw.charAt(0) == '#' || hasSkippedScheme(raw)) {
                return null;
            }
            if (!(hop == 'L' ? rawLinks : rawEmbeds).add(raw)) {
                return null; // the same reference again resolves to the same URL: already found (or unusable)
            }
            String url = resolve(raw);
            if (url == null || !(hop == 'L' ? seenLinks : seenEmbeds).add(url)) {
                return null;
            }
            Found f = new Found(url, hop);
            found.add(f);
            return f;
        }

        private String resolve(String raw) {
            String rel = raw.indexOf('\n') >= 0 || raw.indexOf('\t') >= 0 || raw.indexOf('\r') >= 0
                    ? raw.replace("\n", "").replace("\t", "").replace("\r", "") : raw;
            if (startsWithIgnoreCase(rel, "https://") || startsWithIgnoreCase(rel, "http://")) {
                return rel;
            }
            if (!baseParsed) {
                baseParsed = true;
                try {
                    base = baseUri.isEmpty() ? null : new URL(baseUri);
                } catch (MalformedURLException ex) {
                    base = null;
                }
            }
            try {
                if (base == null) {
                    return new URL(rel).toExternalForm();
                }
                if (isPlainRootPath(rel)) {
                    if (origin == null) {
                        origin = origin(base);
                    }
                    return origin + rel; // what URL resolution gives for such a path, without parsing it
                }
                if (rel.startsWith("?")) {
                    String b = base.toExternalForm();
                    int q = b.indexOf('?');
                    int h = b.indexOf('#');
                    int end = q >= 0 ? q : h >= 0 ? h : b.length();
                    return b.substring(0, end) + rel;
                }
                return new URL(base, rel).toExternalForm();
            } catch (MalformedURLException | IllegalArgumentException ex) {
                return null;
            }
        }

        /** {@code scheme://authority} of the base URL ({@code scheme:} without one), as URL resolution writes it. */
        private static String origin(URL base) {
            String authority = base.getAuthority();
            return base.getProtocol() + ":" + (authority == null || authority.isEmpty() ? "" : "//" + authority);
        }

        /**
         * A root-relative path of letters, digits, {@code - . _ ~} and slashes (no query, fragment or escape), not
         * starting {@code //} (another origin): resolving it against a base keeps it as it is, after the base's
         * scheme and authority (java.net.URL leaves an absolute path's dot segments to the normaliser, as here).
         */
        private static boolean isPlainRootPath(String rel) {
            int n = rel.length();
            if (n == 0 || rel.charAt(0) != '/' || n > 1 && rel.charAt(1) == '/') {
                return false;
            }
            for (int i = 1; i < n; i++) {
                char c = rel.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '/' || c == '-'
                        || c == '.' || c == '_' || c == '~')) {
                    return false;
                }
            }
            return true;
        }

        private static boolean startsWithIgnoreCase(String s, String prefix) {
            return s.regionMatches(true, 0, prefix, 0, prefix.length());
        }

        private static boolean hasSkippedScheme(String url) {
            return startsWithIgnoreCase(url, "javascript:") || startsWithIgnoreCase(url, "mailto:")
                    || startsWithIgnoreCase(url, "data:") || startsWithIgnoreCase(url, "tel:")
                    || startsWithIgnoreCase(url, "about:");
        }
    }

    /** Collapses runs of whitespace to one space and trims. */
    static String collapse(CharSequence text) {
        String s = text.toString();
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        boolean space = false;
        int i = 0;
        while (i < n) {
            if (isSpace(s.charAt(i))) {
                space = out.length() > 0;
                i++;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            // a run of other characters, and of single spaces between them, is copied in one go
            int start = i;
            do {
                i++;
                if (i + 1 < n && s.charAt(i) == ' ' && !isSpace(s.charAt(i + 1))) {
                    i++;
                }
            } while (i < n && !isSpace(s.charAt(i)));
            out.append(s, start, i);
        }
        return out.toString();
    }

    /** Whitespace as {@link Character#isWhitespace}, plus the no-break space. */
    private static boolean isSpace(char c) {
        return c < 0x80 ? c <= ' ' && Character.isWhitespace(c) : Character.isWhitespace(c) || c == '\u00a0';
    }
}
