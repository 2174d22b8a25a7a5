package org.quire.extract;

import org.jsoup.nodes.Element;

import java.util.Locale;
import java.util.Set;

/**
 * Judges an element by its tag, role, class and id: does it look like page chrome (navigation, sharing, comments,
 * ads, related-article boxes, ...) or like content ("article", "entry-content", ...)? Class and id are split into
 * words (on punctuation and camelCase) and looked up in word lists; no regular expressions. Class names that only
 * describe state, layout or CMS taxonomy ("has-sidebar", "tag-energy", "elementor-widget") are ignored.
 */
final class ClassHints {

    /** Strongly chrome: boxes that are never article text. */
    static final int STRONG_NEGATIVE = -2;
    /** Weakly chrome: often chrome, sometimes a wrapper of content. */
    static final int WEAK_NEGATIVE = -1;
    static final int NEUTRAL = 0;
    static final int POSITIVE = 1;

    private static final Set<String> STRONG_WORDS = Set.of(
            "nav", "navbar", "navi", "navigation", "menu", "menus", "submenu", "megamenu", "breadcrumb", "breadcrumbs",
            "crumbs", "share", "shares", "sharing", "sharebar", "social", "socials", "cookie", "cookies", "consent",
            "gdpr", "newsletter", "subscribe", "subscription", "ad", "ads", "advert", "adverts", "advertisement",
            "advertising", "adsense", "adslot", "dfp", "sponsor", "sponsored", "promo", "promotion", "promoted",
            "related", "recommended", "recommendation", "recommendations", "popular", "trending", "mostread",
            "tags", "tagcloud", "taglist", "comment", "comments", "commentlist", "respond", "disqus", "sidebar",
            "footer", "masthead", "skip", "skiplink", "toolbar", "pagination", "pager", "byline", "dateline",
            "print", "login", "signup", "modal", "popup", "outbrain", "taboola", "shoutbox", "rss", "follow",
            "copyright", "addthis", "sharethis", "recirculation", "sr", "screen", "visually", "hidden");
    private static final Set<String> WEAK_WORDS = Set.of("widget", "widgets", "meta", "header", "more", "links",
            "linklist", "author", "bio", "banner", "rating", "ratings", "topics", "categories", "category", "cat",
            "keywords", "tag", "timestamp", "register", "overlay", "toc", "reactions", "likes", "newsfeed", "jump",
            "teaser", "teasers", "aside", "extra", "extras", "secondary", "info");
    /** Substrings of the lower-cased class/id that mark boilerplate (compound words). */
    private static final String[] STRONG_PARTS = {"comment", "sidebar", "breadcrumb", "newsletter", "cookie",
            "related", "share", "social", "advert", "sponsor", "outbrain", "taboola", "disqus", "recommend",
            "navigation", "navbar", "popular", "consent", "mostread", "most-read", "readmore", "read-more",
            "readalso", "read-also", "seealso", "subscri"};
    private static final Set<String> POSITIVE_WORDS = Set.of("article", "content", "entry", "main", "post", "story",
            "text", "body", "blog", "hentry", "artikel", "beitrag", "inhalt", "richtext", "prose", "paragraph");
    /** Class-name prefixes that describe taxonomy, state or a page builder's wrappers, not the box itself. */
    private static final String[] IGNORED_PREFIXES = {"category-", "tag-", "format-", "status-",
            "type-", "postid-", "post-format-", "topic-", "has-", "with-", "no-", "is-", "elementor-", "page-id-",
            "single-", "template-", "parent-", "wp-embed", "cb-sidebar", "td-", "tdb-", "tdi", "vc_", "et_pb_",
            "fl-", "jet-", "js-", "l-", "u-", "o-"};
    /** {@link #IGNORED_PREFIXES} by their first (ASCII) character, in list order. */
    private static final String[][] IGNORED_BY_FIRST = new String[128][];

    static {
        for (char c = 0; c < 128; c++) {
            final char first = c;
            String[] some = java.util.Arrays.stream(IGNORED_PREFIXES).filter(p -> p.charAt(0) == first)
                    .toArray(String[]::new);
            IGNORED_BY_FIRST[c] = some.length == 0 ? null : some;
        }
    }

    private static final Set<String> TAG_NEGATIVE = Set.of("nav", "aside", "footer", "menu", "form", "dialog");
    private static final Set<String> ROLE_NEGATIVE = Set.of("navigation", "complementary", "contentinfo", "search",
            "menu", "menubar", "dialog", "alertdialog", "banner");

    private ClassHints() {
    }

    /** {@link #STRONG_NEGATIVE}, {@link #WEAK_NEGATIVE}, {@link #NEUTRAL} or {@link #POSITIVE} by class and id. */
    static int classWeight(Element e) {
        return classWeight(e.className(), e.id());
    }

    /** The weight of a class attribute value and an id. */
    static int classWeight(String cls, String id) {
        if (cls.isEmpty() && id.isEmpty()) {
            return NEUTRAL;
        }
        if (cls.indexOf('-') > 0 || cls.indexOf('_') > 0) {
            cls = withoutIgnoredClasses(cls);
        }
        String raw = cls + " " + id;
        String all = raw.toLowerCase(Locale.ROOT);
        boolean positive = false;
        boolean weak = false;
        int n = raw.length();
        int start = -1;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? raw.charAt(i) : ' ';
            boolean letter;
            boolean camel;
            if (c < 0x80) { // ASCII letters, upper and lower case by range (same answers as Character's)
                letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                camel = start >= 0 && c >= 'A' && c <= 'Z' && isLowerCase(raw.charAt(i - 1));
            } else {
                letter = Character.isLetter(c);
                camel = letter && start >= 0 && Character.isUpperCase(c) && isLowerCase(raw.charAt(i - 1));
            }
            if (start >= 0 && (!letter || camel)) {
                int slot = wordSlot(all, start, i);
                if (slot >= 0) {
                    int kinds = WORD_KINDS[slot];
                    if ((kinds & STRONG_KIND) != 0 && !exempt(WORD_TABLE[slot], all)) {
                        return STRONG_NEGATIVE;
                    }
                    if ((kinds & WEAK_KIND) != 0) {
                        weak = true;
                    }
                    if ((kinds & POSITIVE_KIND) != 0) {
                        positive = true;
                    }
                }
                start = -1;
            }
            if (letter && start < 0) {
                start = i;
            }
        }
        for (String part : STRONG_PARTS) {
            if (all.contains(part)) {
                return STRONG_NEGATIVE;
            }
        }
        if (weak) {
            return WEAK_NEGATIVE;
        }
        return positive ? POSITIVE : NEUTRAL;
    }

    private static boolean isLowerCase(char c) {
        return c < 0x80 ? c >= 'a' && c <= 'z' : Character.isLowerCase(c);
    }

    private static final int STRONG_KIND = 1;
    private static final int WEAK_KIND = 2;
    private static final int POSITIVE_KIND = 4;
    /** The class words of all three lists in one open-addressing table (looked up without a substring). */
    private static final String[] WORD_TABLE = new String[512];
    private static final byte[] WORD_KINDS = new byte[512];

    static {
        addWords(STRONG_WORDS, STRONG_KIND);
        addWords(WEAK_WORDS, WEAK_KIND);
        addWords(POSITIVE_WORDS, POSITIVE_KIND);
    }

    private static void addWords(Set<String> words, int kind) {
        for (String w : words) {
            int slot = spread(w.hashCode());
            while (WORD_TABLE[slot] != null && !WORD_TABLE[slot].equals(w)) {
                slot = (slot + 1) & (WORD_TABLE.length - 1);
            }
            WORD_TABLE[slot] = w;
            WORD_KINDS[slot] |= (byte) kind;
        }
    }

    private static int spread(int h) {
        return (h ^ (h >>> 16)) & (WORD_TABLE.length - 1);
    }

    /** The table slot of the word {@code s[start, end)}, or -1 when it is in none of the lists. */
    private static int wordSlot(String s, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + s.charAt(i);
        }
        int len = end - start;
        for (int slot = spread(h); WORD_TABLE[slot] != null; slot = (slot + 1) & (WORD_TABLE.length - 1)) {
            String w = WORD_TABLE[slot];
            if (w.length() == len && s.regionMatches(start, w, 0, len)) {
                return slot;
            }
        }
        return -1;
    }

    private static String withoutIgnoredClasses(String cls) {
        String lower = cls.toLowerCase(Locale.ROOT);
        if (lower.length() != cls.length()) {
            return withoutIgnoredClassesSlow(cls); // lower-casing changed the length: offsets do not line up
        }
        StringBuilder sb = new StringBuilder(cls.length());
        int n = cls.length();
        int start = 0;
        while (start <= n) {
            int end = cls.indexOf(' ', start);
            if (end < 0) {
                end = n;
            }
            boolean ignored = false;
            char first = start < end ? lower.charAt(start) : 0;
            String[] prefixes = first < 128 ? IGNORED_BY_FIRST[first] : null;
            for (int p = 0; prefixes != null && p < prefixes.length; p++) {
                String prefix = prefixes[p];
                if (end - start >= prefix.length() && lower.startsWith(prefix, start)) {
                    ignored = true;
                    break;
                }
            }
            if (!ignored) {
                sb.append(cls, start, end).append(' ');
            }
            start = end + 1;
        }
        return sb.toString().strip();
    }

    private static String withoutIgnoredClassesSlow(String cls) {
        StringBuilder sb = new StringBuilder(cls.length());
        for (String c : cls.split(" ")) {
            String l = c.toLowerCase(Locale.ROOT);
            boolean ignored = false;
            for (String prefix : IGNORED_PREFIXES) {
                if (l.startsWith(prefix)) {
                    ignored = true;
                    break;
                }
            }
            if (!ignored) {
                sb.append(c).append(' ');
            }
        }
        return sb.toString().strip();
    }

    /** Words that are chrome only in a particular combination. */
    private static boolean exempt(String word, String all) {
        return switch (word) {
            case "screen" -> !(all.contains("screen-reader") || all.contains("screenreader"));
            case "visually" -> !all.contains("hidden");
            case "sr" -> !all.contains("sr-only");
            case "hidden" -> !(all.equals("hidden") || all.startsWith("hidden "));
            default -> false;
        };
    }

    /** True for elements that are chrome by their tag or ARIA role (nav, aside, footer, forms, dialogs). */
    static boolean negativeByTag(Element e, String tag) {
        if (TAG_NEGATIVE.contains(tag)) {
            return true;
        }
        if (e.attributesSize() == 0) {
            return false;
        }
        String role = e.attributes().get("role"); // the parser lower-cases attribute names
        return !role.isEmpty() && ROLE_NEGATIVE.contains(role.toLowerCase(Locale.ROOT));
    }
}
