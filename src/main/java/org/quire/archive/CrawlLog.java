package org.quire.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Appends one line per fetch attempt to {@code crawl.log}, Heritrix-style, space-separated:
 * <pre>
 * time status size url discovery-path via mime duration-ms digest note
 * 2026-11-20T10:15:30.123Z 200 5120 https://example.org/a L https://example.org/ text/html 42 sha1:ABC... -
 * </pre>
 * Empty columns are {@code -}; no column ever holds a space. Thread-safe; each line is handed to the operating
 * system as soon as it is written (one write per line), so a killed crawl loses no line and a resume can tell
 * which archived captures were logged.
 */
public final class CrawlLog implements AutoCloseable {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TO_SECOND =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    /** First second of the year 10000: from there on (and before 1970) times go through {@link #TIME} whole. */
    private static final long YEAR_10000 = 253_402_300_800L;

    /** The formatted second of the last line logged (lines come many per second). */
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second lastSecond;

    private final LineAppender lines;

    /** Opens (appending to) the log file, creating its directory if needed. */
    public CrawlLog(Path file) throws IOException {
        this.lines = new LineAppender(file, "the crawl log");
    }

    /** Appends the entry's line. */
    public void log(CrawlLogEntry e) throws IOException {
        lines.append(format(e));
    }


    @Override
    public void close() throws IOException {
        lines.close();
    }

    /** The line for an entry, without the newline. */
    public static String format(CrawlLogEntry e) {
        return String.join(" ",
                e.time() == null ? "-" : formatTime(e.time()),
                word(e.status()),
                e.size() < 0 ? "-" : Long.toString(e.size()),
                url(e.url()),
                word(e.discoveryPath()),
                url(e.via()),
                word(e.mime()),
                e.durationMs() < 0 ? "-" : Long.toString(e.durationMs()),
                word(e.digest()),
                word(e.note()));
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC, as {@link #TIME} writes it; the date and time of day are formatted
     * once per second (the formatter showed in the crawl's profile, at two lines per page).
     */
    static String formatTime(Instant t) {
        long sec = t.getEpochSecond();
        if (sec < 0 || sec >= YEAR_10000) {
            return TIME.format(t);
        }
        Second s = lastSecond;
        if (s == null || s.epochSecond() != sec) {
            s = new Second(sec, TO_SECOND.format(t));
            lastSecond = s;
        }
        int ms = t.getNano() / 1_000_000;
        return new StringBuilder(24).append(s.text()).append('.').append((char) ('0' + ms / 100))
                .append((char) ('0' + ms / 10 % 10)).append((char) ('0' + ms % 10)).append('Z').toString();
    }

    /** A column value: "-" when empty, whitespace runs as one underscore. */
    private static String word(String s) {
        if (s == null || s.isBlank()) {
            return "-";
        }
        if (noneMatch(s, false)) {
            return s; // the common case: nothing to strip or replace
        }
        return s.strip().replaceAll("\\s+", "_");
    }

    /** True when no character of {@code s} is whitespace (nor, with {@code spaceChars}, a Unicode space). */
    private static boolean noneMatch(String s, boolean spaceChars) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x80 && (Character.isWhitespace(c) || spaceChars && Character.isSpaceChar(c))) {
                return false;
            }
        }
        return true;
    }

    /** A URL column: "-" when empty, any whitespace percent-encoded so the URL stays one column and valid. */
    private static String url(String s) {
        if (s == null || s.isBlank()) {
            return "-";
        }
        if (noneMatch(s, true)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                for (byte b : bytes) {
                    sb.append('%').append(String.format("%02X", b & 0xFF));
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
