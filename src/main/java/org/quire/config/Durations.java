package org.quire.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the duration notation of quire's configuration: a whole number followed by one unit,
 * {@code ms}, {@code s}, {@code m}, {@code h} or {@code d} (e.g. {@code 500ms}, {@code 2s}, {@code 5m}, {@code 1h},
 * {@code 1d}). A bare number is refused, because its unit would be a guess.
 */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d)");
    private static final Pattern BARE_NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

    private Durations() {
    }

    /**
     * Parses {@code text} (surrounding blanks ignored, units case-insensitive).
     *
     * @throws IllegalArgumentException with a message saying what was expected, to be prefixed by the caller
     *                                  with where the text came from
     */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        Matcher m = FORM.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        String expected = "expected a duration like 500ms or 2s, got \"" + text + "\"";
        if (BARE_NUMBER.matcher(t).matches()) {
            throw new IllegalArgumentException(expected + " (a number needs a unit: ms, s, m, h or d)");
        }
        throw new IllegalArgumentException(expected + " (units: ms, s, m, h, d)");
    }

    /** The shortest exact notation of {@code d} in the largest unit that divides it (e.g. 90s, 10m, 1500ms). */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        if (ms % 86_400_000L == 0) {
            return ms / 86_400_000L + "d";
        }
        if (ms % 3_600_000L == 0) {
            return ms / 3_600_000L + "h";
        }
        if (ms % 60_000L == 0) {
            return ms / 60_000L + "m";
        }
        if (ms % 1000L == 0) {
            return ms / 1000L + "s";
        }
        return ms + "ms";
    }
}
