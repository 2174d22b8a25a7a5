package org.quire.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The kinds of value a configuration key can hold, each knowing how to read its YAML or {@code --set} text and how
 * to write a value back in the same notation. Raw values are a {@code String}, a {@code List<String>} (a YAML
 * sequence) or {@code null} (an empty YAML value).
 */
public enum ValueType {
    /** Free text; an empty value is the empty string. */
    STRING("text"),
    /** {@code true} or {@code false}. */
    BOOLEAN("true or false"),
    /** A whole number that fits an {@code int}. */
    INT("a whole number"),
    /** A whole number that fits a {@code long}. */
    LONG("a whole number"),
    /** A decimal number such as {@code 2} or {@code 1.5}. */
    DOUBLE("a number like 2 or 1.5"),
    /** A {@link Duration} in {@link Durations} notation. */
    DURATION("a duration like 500ms or 2s"),
    /** A number of bytes in {@link ByteSizes} notation (1024-based units). */
    SIZE("a size like 500KB, 10MB or 1GB"),
    /** A {@link CrawlScope}: {@code host}, {@code domain}, {@code prefix} or {@code any}. */
    SCOPE("one of host, domain, prefix, any"),
    /** A list of Java regular expressions (a YAML sequence; in {@code --set} a flow list {@code [a, b]}). */
    REGEX_LIST("a list of regular expressions");

    private final String expectation;

    ValueType(String expectation) {
        this.expectation = expectation;
    }

    /** What a value of this type looks like, as said in error messages. */
    public String expectation() {
        return expectation;
    }

    /**
     * Converts a raw value into this type's Java value ({@code String}, {@code Boolean}, {@code Integer},
     * {@code Long}, {@code Double}, {@link Duration}, {@code Long} bytes, {@link CrawlScope} or an unmodifiable
     * {@code List<String>}).
     *
     * @throws IllegalArgumentException whose message says what was expected and what was found
     */
    public Object parse(Object raw) {
        if (this == REGEX_LIST) {
            return parseRegexList(raw);
        }
        if (raw instanceof List<?>) {
            throw new IllegalArgumentException("expected " + expectation + ", got a list");
        }
        if (raw == null) {
            if (this == STRING) {
                return "";
            }
            throw new IllegalArgumentException("expected " + expectation + ", got nothing");
        }
        String text = raw.toString();
        String t = text.strip();
        switch (this) {
            case STRING:
                return text;
            case BOOLEAN:
                if (t.equalsIgnoreCase("true")) {
                    return Boolean.TRUE;
                }
                if (t.equalsIgnoreCase("false")) {
                    return Boolean.FALSE;
                }
                throw got(text);
            case INT:
                try {
                    return Integer.parseInt(t.replace("_", ""));
                } catch (NumberFormatException e) {
                    throw got(text);
                }
            case LONG:
                try {
                    return Long.parseLong(t.replace("_", ""));
                } catch (NumberFormatException e) {
                    throw got(text);
                }
            case DOUBLE:
                try {
                    double d = Double.parseDouble(t);
                    if (Double.isNaN(d) || Double.isInfinite(d) || t.endsWith("d") || t.endsWith("f")
                            || t.endsWith("D") || t.endsWith("F")) {
                        throw got(text);
                    }
                    return d;
                } catch (NumberFormatException e) {
                    throw got(text);
                }
            case DURATION:
                return Durations.parse(text);
            case SIZE:
                return ByteSizes.parse(text);
            case SCOPE:
                try {
                    return CrawlScope.valueOf(t.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw got(text);
                }
            default:
                throw new AssertionError(this);
        }
    }

    /** Writes {@code value} (as returned by {@link #parse}) in the notation {@link #parse} reads. */
    public String format(Object value) {
        return switch (this) {
            case DURATION -> Durations.format((Duration) value);
            case SIZE -> ByteSizes.format((Long) value);
            case SCOPE -> ((CrawlScope) value).name().toLowerCase(Locale.ROOT);
            case DOUBLE -> {
                double d = (Double) value;
                yield d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
            }
            case REGEX_LIST -> {
                List<?> list = (List<?>) value;
                List<String> quoted = new ArrayList<>();
                for (Object o : list) {
                    quoted.add("'" + o.toString().replace("'", "''") + "'");
                }
                yield "[" + String.join(", ", quoted) + "]";
            }
            default -> value.toString();
        };
    }

    private IllegalArgumentException got(String text) {
        return new IllegalArgumentException("expected " + expectation + ", got \"" + text + "\"");
    }

    private static List<String> parseRegexList(Object raw) {
        List<String> items = new ArrayList<>();
        if (raw instanceof List<?> list) {
            for (Object o : list) {
                if (o == null || o instanceof List<?>) {
                    throw new IllegalArgumentException("expected a list of regular expressions, got "
                            + (o == null ? "an empty item" : "a nested list"));
                }
                items.add(o.toString());
            }
        } else if (raw != null && !raw.toString().isBlank()) {
            items.add(raw.toString());
        }
        for (String regex : items) {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("not a valid regular expression: \"" + regex + "\" ("
                        + e.getDescription() + ")");
            }
        }
        return List.copyOf(items);
    }
}
