package org.quire.extract;

import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.Locale;

/**
 * Removes what a reader never sees as text: scripts, styles, embedded objects, form controls, comments, and
 * elements hidden by the {@code hidden} attribute, {@code aria-hidden="true"} or an inline
 * {@code display:none}/{@code visibility:hidden} style. Iterative, so arbitrarily deep documents are fine.
 */
final class DomCleaner {

    private DomCleaner() {
    }

    static void clean(Element root) {
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                return remove(node) ? FilterResult.REMOVE : FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, root);
    }

    /** Whether this node is never visible text: a comment, script data, a non-text element or a hidden one. */
    static boolean remove(Node node) {
        if (node instanceof Element e) {
            return removable(e);
        }
        return node instanceof Comment || node instanceof DataNode;
    }

    static boolean removable(Element e) {
        String tag = e.normalName();
        switch (tag) {
            case "script", "style", "template", "svg", "math", "canvas", "iframe", "frame", "frameset", "object",
                    "embed", "video", "audio", "source", "track", "map", "button", "input", "select", "option",
                    "optgroup", "textarea", "datalist", "meter", "progress", "head", "link", "meta", "base", "title",
                    "picture", "img", "dialog", "label" -> {
                return true;
            }
            case "body", "html" -> {
                return false;
            }
            default -> {
            }
        }
        if (e.attributesSize() == 0) {
            return false;
        }
        Attributes attrs = e.attributes();
        if (attrs.hasKey("hidden")) {
            return true;
        }
        if (attrs.get("aria-hidden").equalsIgnoreCase("true")) {
            return true;
        }
        String style = attrs.get("style");
        if (!style.isEmpty() && hiddenByStyle(style)) {
            return true;
        }
        return false;
    }

    private static boolean hiddenByStyle(String style) {
        String s = style.toLowerCase(Locale.ROOT);
        int d = s.indexOf("display");
        if (d >= 0 && valueIs(s, d + "display".length(), "none")) {
            return true;
        }
        int v = s.indexOf("visibility");
        return v >= 0 && valueIs(s, v + "visibility".length(), "hidden");
    }

    private static boolean valueIs(String s, int from, String value) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == ':')) {
            i++;
        }
        return s.startsWith(value, i);
    }
}
