package org.quire.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the size notation of quire's configuration: plain bytes ({@code 65536}) or a whole number
 * with a 1024-based unit: {@code KB} = 1024 bytes, {@code MB} = 1024 KB, {@code GB} = 1024 MB, {@code TB} = 1024 GB
 * ({@code B}, {@code KiB}, {@code MiB}, {@code GiB}, {@code TiB} are accepted too; units are case-insensitive).
 */
public final class ByteSizes {
    private static final Pattern FORM = Pattern.compile("(\\d{1,15})\\s*(b|kb|kib|mb|mib|gb|gib|tb|tib)?");
    private static final String[] UNITS = {"TB", "GB", "MB", "KB"};
    private static final long[] FACTORS = {1L << 40, 1L << 30, 1L << 20, 1L << 10};

    private ByteSizes() {
    }

    /**
     * Parses {@code text} into bytes.
     *
     * @throws IllegalArgumentException with a message saying what was expected
     */
    public static long parse(String text) {
        Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a size like 500KB, 10MB or 1GB (1024-based) or a number of "
                    + "bytes, got \"" + text + "\"");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        long factor = switch (unit.charAt(0)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            case 't' -> 1L << 40;
            default -> 1L;
        };
        try {
            return Math.multiplyExact(n, factor);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("size \"" + text + "\" is too large");
        }
    }

    /** The notation of {@code bytes} in the largest unit that divides it exactly (e.g. 20MB, 1GB, 1500). */
    public static String format(long bytes) {
        if (bytes != 0) {
            for (int i = 0; i < UNITS.length; i++) {
                if (bytes % FACTORS[i] == 0) {
                    return bytes / FACTORS[i] + UNITS[i];
                }
            }
        }
        return Long.toString(bytes);
    }
}
