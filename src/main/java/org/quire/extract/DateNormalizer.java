package org.quire.extract;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the many ways pages write a publication date into an ISO 8601 calendar date ({@code 2026-11-20}).
 * Understands ISO timestamps, {@code 2026/11/20}, {@code 20.11.2026}, {@code November 20, 2026},
 * {@code 20 November 2026} (English, German, French, Spanish, Italian month names) and HTTP-style dates.
 */
public final class DateNormalizer {

    private static final Pattern ISO = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern DMY = Pattern.compile("\\b(\\d{1,2})[./](\\d{1,2})[./](\\d{4})\\b");
    private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})(?:\\D|$)");
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("(?iu)\\b(\\p{L}{3,10})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern DAY_MONTH_YEAR =
            Pattern.compile("(?iu)\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:de\\s+)?(\\p{L}{3,10})\\.?,?\\s+(?:de\\s+)?(\\d{4})\\b");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("january", 1), Map.entry("januar", 1), Map.entry("janvier", 1),
            Map.entry("enero", 1), Map.entry("gennaio", 1), Map.entry("jänner", 1),
            Map.entry("feb", 2), Map.entry("february", 2), Map.entry("februar", 2), Map.entry("février", 2),
            Map.entry("febrero", 2), Map.entry("febbraio", 2),
            Map.entry("mar", 3), Map.entry("march", 3), Map.entry("märz", 3), Map.entry("mars", 3),
            Map.entry("marzo", 3),
            Map.entry("apr", 4), Map.entry("april", 4), Map.entry("avril", 4), Map.entry("abril", 4),
            Map.entry("aprile", 4),
            Map.entry("may", 5), Map.entry("mai", 5), Map.entry("mayo", 5), Map.entry("maggio", 5),
            Map.entry("jun", 6), Map.entry("june", 6), Map.entry("juni", 6), Map.entry("juin", 6),
            Map.entry("junio", 6), Map.entry("giugno", 6),
            Map.entry("jul", 7), Map.entry("july", 7), Map.entry("juli", 7), Map.entry("juillet", 7),
            Map.entry("julio", 7), Map.entry("luglio", 7),
            Map.entry("aug", 8), Map.entry("august", 8), Map.entry("août", 8), Map.entry("agosto", 8),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("september", 9), Map.entry("septembre", 9),
            Map.entry("septiembre", 9), Map.entry("settembre", 9),
            Map.entry("oct", 10), Map.entry("october", 10), Map.entry("oktober", 10), Map.entry("octobre", 10),
            Map.entry("octubre", 10), Map.entry("ottobre", 10), Map.entry("okt", 10),
            Map.entry("nov", 11), Map.entry("november", 11), Map.entry("novembre", 11),
            Map.entry("noviembre", 11),
            Map.entry("dec", 12), Map.entry("december", 12), Map.entry("dezember", 12), Map.entry("décembre", 12),
            Map.entry("diciembre", 12), Map.entry("dicembre", 12), Map.entry("dez", 12));

    private DateNormalizer() {
    }

    /** The ISO date in this text, or null when none is recognised. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.isEmpty() || s.length() > 200) {
            return null;
        }
        Matcher m = ISO.matcher(s);
        if (m.find()) {
            String d = date(m.group(1), m.group(2), m.group(3));
            if (d != null) {
                return d;
            }
        }
        m = COMPACT.matcher(s);
        if (m.find()) {
            String d = date(m.group(1), m.group(2), m.group(3));
            if (d != null) {
                return d;
            }
        }
        m = DMY.matcher(s);
        if (m.find()) {
            String d = date(m.group(3), m.group(2), m.group(1));
            if (d != null) {
                return d;
            }
        }
        m = MONTH_DAY_YEAR.matcher(s);
        while (m.find()) {
            Integer month = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
            if (month != null) {
                String d = date(m.group(3), Integer.toString(month), m.group(2));
                if (d != null) {
                    return d;
                }
            }
        }
        m = DAY_MONTH_YEAR.matcher(s);
        while (m.find()) {
            Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
            if (month != null) {
                String d = date(m.group(3), Integer.toString(month), m.group(1));
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    /** True when the text contains something {@link #normalize} recognises as a date. */
    static boolean containsDate(String s) {
        return normalize(s) != null;
    }

    /**
     * True for a short line that is only a date or time: "Dezember 2012", "3:59 PM", "opublikowano: 7 kwietnia".
     * Expects lower-case text.
     */
    static boolean looksLikeDateOrTime(String lower) {
        int words = 0;
        int dateWords = 0;
        boolean named = false;
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            boolean wordChar = Character.isLetterOrDigit(c) || c == ':';
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                String w = lower.substring(start, i);
                words++;
                if (isDateWord(w)) {
                    dateWords++;
                    named |= !Character.isDigit(w.charAt(0)) || w.indexOf(':') > 0;
                }
                start = -1;
            }
        }
        return named && words <= 6 && dateWords * 2 >= words;
    }

    private static boolean isDateWord(String w) {
        if (MONTHS.containsKey(w) || MORE_MONTH_WORDS.contains(w)) {
            return true;
        }
        int digits = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isDigit(c)) {
                digits++;
            } else if (c != ':') {
                return w.equals("am") || w.equals("pm") || w.equals("uhr") || w.equals("h");
            }
        }
        return digits > 0;
    }

    private static final java.util.Set<String> MORE_MONTH_WORDS = java.util.Set.of("am", "pm", "uhr",
            "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
            "października", "listopada", "grudnia", "januari", "februari", "maart", "mei", "augustus", "oktober",
            "ene", "abr", "ago", "dic", "gen", "mag", "giu", "lug", "set", "ott");

    private static String date(String y, String mo, String d) {
        int year = Integer.parseInt(y);
        int month = Integer.parseInt(mo);
        int day = Integer.parseInt(d);
        if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        // year has four digits here; String.format showed in crawl profiles
        return year + (month < 10 ? "-0" : "-") + month + (day < 10 ? "-0" : "-") + day;
    }
}
