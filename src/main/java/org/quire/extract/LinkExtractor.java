package org.quire.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds every link of a page: {@code a}/{@code area} hrefs as navigational links (hop {@code L}) and the sources of
 * images, scripts, stylesheets, frames and media as embeds (hop {@code E}). URLs are resolved against the document's
 * base URI; javascript:, mailto:, data: and fragment-only references are skipped; results are de-duplicated (per URL
 * and hop) and kept in document order. Must run before anything removes elements from the document.
 */
public final class LinkExtractor {

    /** The links of the whole document. */
    public List<Link> extract(Document document) {
        Collector c = new Collector();
        NodeTraversor.traverse(c, document);
        return c.links;
    }

    private static final class Collector implements NodeVisitor {
        final List<Link> links = new ArrayList<>();
        final Set<String> seen = new HashSet<>();

        @Override
        public void head(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return;
            }
            switch (e.normalName()) {
                case "a", "area" -> add(e, "href", 'L', true);
                case "img" -> {
                    add(e, "src", 'E', false);
                }
                case "script", "iframe", "frame", "embed", "audio", "video", "source", "track", "input" ->
                        add(e, "src", 'E', false);
                case "object" -> add(e, "data", 'E', false);
                case "link" -> {
                    String rel = e.attr("rel").toLowerCase(Locale.ROOT);
                    if (rel.contains("stylesheet") || rel.contains("icon")) {
                        add(e, "href", 'E', false);
                    }
                }
                default -> {
                }
            }
        }

        private void add(Element e, String attr, char hop, boolean anchor) {
            String raw = e.attr(attr).trim();
            if (raw.isEmpty() || raw.startsWith("#") || hasSkippedScheme(raw)) {
                return;
            }
            String url = e.absUrl(attr);
            if (url.isEmpty() || hasSkippedScheme(url)) {
                return;
            }
            if (!seen.add(hop + url)) {
                return;
            }
            String text = anchor ? anchorText(e) : "";
            links.add(new Link(url, hop, text));
        }

        private static boolean hasSkippedScheme(String url) {
            String lower = url.length() > 12 ? url.substring(0, 12).toLowerCase(Locale.ROOT) : url.toLowerCase(Locale.ROOT);
            lower = lower.stripLeading();
            return lower.startsWith("javascript:") || lower.startsWith("mailto:") || lower.startsWith("data:")
                    || lower.startsWith("tel:") || lower.startsWith("about:");
        }

        private static String anchorText(Element e) {
            if (e.normalName().equals("area")) {
                return collapse(e.attr("alt"));
            }
            StringBuilder sb = new StringBuilder();
            NodeTraversor.traverse((n, d) -> {
                if (n instanceof TextNode t) {
                    sb.append(t.getWholeText()).append(' ');
                } else if (n instanceof Element img && img.normalName().equals("img") && sb.isEmpty()) {
                    sb.append(img.attr("alt")).append(' ');
                }
            }, e);
            return collapse(sb);
        }
    }

    /** Collapses runs of whitespace to one space and trims. */
    static String collapse(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
