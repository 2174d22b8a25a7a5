package org.quire.extract;

import java.util.Locale;

/** Removes a trailing (or leading) site-name part from a page title: "Story | Site" becomes "Story". */
final class TitleCleaner {

    private static final String[] SEPARATORS = {" | ", " – ", " — ", " - ", " :: ", " · ", " » ", " « ", " / ", " : "};

    private TitleCleaner() {
    }

    /**
     * @param title    the raw title, may be null
     * @param siteName the site name when known, may be null
     */
    static String clean(String title, String siteName) {
        if (title == null) {
            return null;
        }
        String t = LinkExtractor.collapse(title);
        if (t.isEmpty()) {
            return null;
        }
        String site = siteName == null ? null : LinkExtractor.collapse(siteName).toLowerCase(Locale.ROOT);
        for (String sep : SEPARATORS) {
            int last = t.lastIndexOf(sep);
            if (last > 0) {
                String head = t.substring(0, last).strip();
                String tail = t.substring(last + sep.length()).strip();
                if (site != null && !site.isEmpty() && tail.toLowerCase(Locale.ROOT).contains(site)) {
                    return head;
                }
                int first = t.indexOf(sep);
                String lead = t.substring(0, first).strip();
                String rest = t.substring(first + sep.length()).strip();
                if (site != null && !site.isEmpty() && lead.toLowerCase(Locale.ROOT).contains(site)) {
                    return rest;
                }
                if (sep.equals(" : ") || sep.equals(" / ")) {
                    continue; // too often part of the title itself
                }
                if (words(tail) <= 4 && words(head) >= 2 && head.length() > tail.length()) {
                    return head;
                }
            }
        }
        return t;
    }

    private static int words(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean w = !Character.isWhitespace(s.charAt(i));
            if (w && !in) {
                n++;
            }
            in = w;
        }
        return n;
    }
}
