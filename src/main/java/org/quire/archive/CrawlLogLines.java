package org.quire.archive;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads back the lines {@link CrawlLog} writes, e.g. to recount a resumed job's summary. */
public final class CrawlLogLines {

    private CrawlLogLines() {
    }

    /** The entry of one crawl.log line; empty when the line does not have the ten columns. */
    public static Optional<CrawlLogEntry> parse(String line) {
        String[] c = line.split(" ", 10);
        if (c.length < 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CrawlLogEntry(c[0].equals("-") ? null : Instant.parse(c[0]), dash(c[1]),
                    c[2].equals("-") ? -1 : Long.parseLong(c[2]), dash(c[3]), dash(c[4]), dash(c[5]), dash(c[6]),
                    c[7].equals("-") ? -1 : Long.parseLong(c[7]), dash(c[8]), dash(c[9])));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String dash(String s) {
        return s.equals("-") ? null : s;
    }
}
