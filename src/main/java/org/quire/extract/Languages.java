package org.quire.extract;

import java.util.Locale;

/** Normalises language declarations ({@code en-US}, {@code de_DE}, {@code EN}) to a primary BCP 47 subtag. */
final class Languages {

    private Languages() {
    }

    /** The lower-case primary subtag, or null when the value is not a plausible language tag. */
    static String primary(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        int comma = s.indexOf(',');
        if (comma > 0) {
            s = s.substring(0, comma).strip();
        }
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end)) && s.charAt(end) < 128) {
            end++;
        }
        if (end < 2 || end > 3 || (end < s.length() && s.charAt(end) != '-' && s.charAt(end) != '_')) {
            return null;
        }
        return s.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
