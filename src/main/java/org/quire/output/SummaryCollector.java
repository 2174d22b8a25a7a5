package org.quire.output;

import org.quire.archive.CrawlLogEntry;
import org.quire.fetch.ErrorKind;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts a crawl run as it goes (fed the same entries as crawl.log) and makes its {@link CrawlSummary}.
 * Thread-safe.
 */
public final class SummaryCollector {

    private long attempts;
    private long pages;
    private long bytes;
    private long robotsBlocked;
    private final Map<String, Long> byStatus = new TreeMap<>();
    private final Map<String, Long> errors = new TreeMap<>();
    private final Map<String, Long> refused = new TreeMap<>();

    /** Counts one crawl.log entry: its status (HTTP code or error kind) and its size. */
    public synchronized void record(CrawlLogEntry e) {
        attempts++;
        if (e.size() > 0) {
            bytes += e.size();
        }
        String status = e.status() == null ? "-" : e.status();
        if (allDigits(status)) {
            byStatus.merge(status, 1L, Long::sum);
        } else if (status.equals(ErrorKind.ROBOTS_DENIED.code())) {
            robotsBlocked++;
        } else if (ErrorKind.fromCode(status) != null && ErrorKind.fromCode(status).refusal()) {
            refused.merge(status, 1L, Long::sum);
        } else {
            errors.merge(status, 1L, Long::sum);
        }
    }

    private static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Counts one capture written to WARC. */
    public synchronized void pageArchived() {
        pages++;
    }

    /** The summary so far. */
    public synchronized CrawlSummary summarize(String crawlName, String jobFolder, Instant started, Instant finished,
                                               List<String> warcFiles, long warcBytes) {
        double seconds = Math.max(0, Duration.between(started, finished).toMillis()) / 1000.0;
        double rate = seconds > 0 ? pages / seconds : 0;
        return new CrawlSummary(crawlName, jobFolder, started, finished, seconds, attempts, pages, bytes, warcBytes,
                warcFiles, byStatus, robotsBlocked, errors, refused, Math.round(rate * 100) / 100.0);
    }
}
