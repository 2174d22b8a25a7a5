package org.quire.extract;

import org.jsoup.nodes.Element;

import java.util.Locale;
import java.util.Set;

/**
 * Judges an element by its tag, role, class and id: does it look like page chrome (navigation, sharing, comments,
 * ads, related-article boxes, ...) or like content ("article", "entry-content", ...)? Class and id are split into
 * words (on punctuation and camelCase) and looked up in word lists; no regular expressions.
 */
final class ClassHints {

    /** Words in class/id that mark boilerplate. */
    private static final Set<String> NEGATIVE_WORDS = Set.of(
            "nav", "navbar", "navi", "navigation", "menu", "menus", "submenu", "megamenu", "breadcrumb", "breadcrumbs",
            "crumbs", "share", "shares", "sharing", "sharebar", "social", "socials", "cookie", "cookies", "consent",
            "gdpr", "newsletter", "subscribe", "subscription", "ad", "ads", "advert", "adverts", "advertisement",
            "advertising", "adsense", "adslot", "dfp", "sponsor", "sponsored", "promo", "promotion", "promoted",
            "related", "recommended", "recommendation", "recommendations", "popular", "trending", "mostread",
            "tags", "tag", "tagcloud", "taglist", "keywords", "comment", "comments", "commentlist", "respond",
            "disqus", "sidebar", "widget", "widgets", "footer", "masthead", "skip", "skiplink", "toolbar",
            "pagination", "pager", "byline", "meta", "dateline", "timestamp", "print", "login", "signup",
            "register", "modal", "popup", "overlay", "outbrain", "taboola", "shoutbox", "rating", "ratings", "rss",
            "follow", "copyright", "banner", "more", "author", "bio", "topics", "categories",
            "category", "cat", "addthis", "sharethis", "jump", "toc", "reactions", "likes", "recirculation",
            "newsfeed", "links", "linklist", "header", "sr", "screen", "visually", "hidden");
    /** Substrings of the lower-cased class/id that mark boilerplate (compound words). */
    private static final String[] NEGATIVE_PARTS = {"comment", "sidebar", "breadcrumb", "newsletter", "cookie",
            "related", "share", "social", "advert", "sponsor", "outbrain", "taboola", "disqus", "recommend",
            "navigation", "navbar", "popular", "consent", "mostread", "most-read", "readmore", "read-more",
            "readalso", "read-also", "seealso", "subscri"};
    /** Words in class/id that mark content. */
    private static final Set<String> POSITIVE_WORDS = Set.of("article", "content", "entry", "main", "post", "story",
            "text", "body", "blog", "hentry", "artikel", "beitrag", "inhalt", "richtext", "prose", "paragraph");
    /** Tags that are chrome wherever they appear. */
    private static final Set<String> TAG_NEGATIVE = Set.of("nav", "aside", "footer", "menu", "form", "dialog");
    private static final Set<String> ROLE_NEGATIVE = Set.of("navigation", "complementary", "contentinfo", "search",
            "menu", "menubar", "dialog", "alertdialog", "banner");

    private ClassHints() {
    }

    /** -1 for boilerplate, +1 for content, 0 when the class/id says nothing. */
    static int classWeight(Element e) {
        String cls = e.className();
        String id = e.id();
        if (cls.isEmpty() && id.isEmpty()) {
            return 0;
        }
        String all = (cls + " " + id).toLowerCase(Locale.ROOT);
        boolean positive = false;
        int n = cls.length() + 1 + id.length();
        String raw = cls + " " + id;
        int start = -1;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? raw.charAt(i) : ' ';
            boolean letter = Character.isLetter(c);
            boolean camel = letter && i > 0 && start >= 0 && Character.isUpperCase(c)
                    && Character.isLowerCase(raw.charAt(i - 1));
            if (start >= 0 && (!letter || camel)) {
                String word = all.substring(start, i);
                if (NEGATIVE_WORDS.contains(word) && negativeUnlessExempt(word, all) < 0) {
                    return -1;
                }
                if (POSITIVE_WORDS.contains(word)) {
                    positive = true;
                }
                start = -1;
            }
            if (letter && start < 0) {
                start = i;
            }
        }
        for (String part : NEGATIVE_PARTS) {
            if (all.contains(part)) {
                return -1;
            }
        }
        return positive ? 1 : 0;
    }

    private static int negativeUnlessExempt(String word, String all) {
        // "screen" and "visually" only in screen-reader-only helpers; "more"/"links"/"cat" only as whole class names
        return switch (word) {
            case "screen" -> all.contains("screen-reader") || all.contains("screenreader") ? -1 : 0;
            case "visually" -> all.contains("hidden") ? -1 : 0;
            case "sr" -> all.contains("sr-only") ? -1 : 0;
            case "hidden" -> all.equals("hidden") || all.startsWith("hidden ") ? -1 : 0;
            default -> -1;
        };
    }

    /** True for elements that are chrome by their tag or ARIA role (nav, aside, footer, forms, dialogs). */
    static boolean negativeByTag(Element e, String tag) {
        if (TAG_NEGATIVE.contains(tag)) {
            return true;
        }
        String role = e.attr("role");
        return !role.isEmpty() && ROLE_NEGATIVE.contains(role.toLowerCase(Locale.ROOT));
    }
}
