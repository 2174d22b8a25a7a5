package org.quire.extract;

import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds a page's reader-comment section(s): the outermost elements whose id or class names them as comments
 * ({@code #comments}, {@code .comment-list}, {@code #disqus_thread}, ...), and reads their paragraphs. Used only
 * when comments are asked for; the main-text extractor drops them as chrome.
 */
final class CommentSection {

    private CommentSection() {
    }

    /** The outermost comment containers of {@code root}, in document order. */
    static List<Element> find(Element root) {
        List<Element> found = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (isCommentContainer(e) && !insideAny(e, found)) {
                found.add(e);
            }
        }
        return found;
    }

    /** The comment paragraphs of the containers (text of each {@code p}, or the whole text when none), skipping forms. */
    static List<String> paragraphs(List<Element> containers) {
        List<String> out = new ArrayList<>();
        for (Element c : containers) {
            Elements ps = c.select("p");
            if (ps.isEmpty()) {
                add(out, c.text());
                continue;
            }
            for (Element p : ps) {
                if (p.closest("form") == null) {
                    add(out, p.text());
                }
            }
        }
        return out;
    }

    private static void add(List<String> out, String text) {
        String t = text.strip();
        if (!t.isEmpty()) {
            out.add(t);
        }
    }

    private static boolean isCommentContainer(Element e) {
        String tag = e.normalName();
        if (tag.equals("form") || tag.equals("a") || tag.equals("button") || tag.equals("span")) {
            return false;
        }
        return names(e.id()) || names(e.className());
    }

    private static boolean names(String attr) {
        if (attr.isEmpty()) {
            return false;
        }
        for (String token : attr.toLowerCase(Locale.ROOT).split("\\s+")) {
            if ((token.contains("comment") || token.contains("disqus") || token.contains("kommentar"))
                    && !token.contains("count") && !token.contains("link") && !token.contains("button")
                    && !token.contains("form") && !token.contains("respond") && !token.contains("reply")
                    && !token.contains("icon") && !token.contains("number")) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideAny(Element e, List<Element> containers) {
        for (Element c : containers) {
            for (Element p = e.parent(); p != null; p = p.parent()) {
                if (p == c) {
                    return true;
                }
            }
        }
        return false;
    }
}
