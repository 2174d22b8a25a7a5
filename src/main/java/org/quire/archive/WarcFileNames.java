package org.quire.archive;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Names of the WARC files of one crawl job:
 * {@code <crawl>-<yyyyMMddHHmmss>-<serial, 5 digits>-<hostname>.warc.gz}; while being written a file carries
 * the extra suffix {@code .open}.
 */
public final class WarcFileNames {

    /** Suffix of a WARC file still being written. */
    public static final String OPEN_SUFFIX = ".open";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final String prefix;
    private final String hostname;

    public WarcFileNames(String crawlName, Instant jobTimestamp, String hostname) {
        this.prefix = clean(crawlName, "crawl") + "-" + STAMP.format(jobTimestamp) + "-";
        this.hostname = clean(hostname, "localhost");
    }

    /** The final name of the file with this serial number. */
    public String name(int serial) {
        return prefix + String.format("%05d", serial) + "-" + hostname + ".warc.gz";
    }

    /** Keeps a name part to letters, digits, dot, underscore and hyphen, so it is a safe file name part. */
    static String clean(String s, String fallback) {
        if (s == null) {
            return fallback;
        }
        String c = s.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("\\.{2,}", ".");
        c = c.replaceAll("^[._-]+", "");
        return c.isEmpty() ? fallback : c;
    }
}
