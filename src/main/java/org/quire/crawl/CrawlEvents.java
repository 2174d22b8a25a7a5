package org.quire.crawl;

import org.quire.archive.CrawlLog;
import org.quire.archive.CrawlLogEntry;
import org.quire.fetch.ErrorKind;
import org.quire.output.SummaryCollector;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where everything that happens to a URL is recorded, once: a crawl.log line, the summary's counts, and the live
 * counters the progress line shows. Thread-safe.
 */
final class CrawlEvents {

    private static final Set<String> NOT_ERRORS = Set.of(ErrorKind.ROBOTS_DENIED.code(),
            ErrorKind.OUT_OF_SCOPE.code(), ErrorKind.TOO_DEEP.code(), ErrorKind.TRAP.code(),
            ErrorKind.BAD_URL.code(), ErrorKind.LIMIT_REACHED.code());

    private final CrawlLog log;
    private final SummaryCollector summary;
    final LongAdder fetches = new LongAdder();
    final LongAdder pages = new LongAdder();
    final LongAdder errors = new LongAdder();

    CrawlEvents(CrawlLog log, SummaryCollector summary) {
        this.log = log;
        this.summary = summary;
    }

    /** One line of crawl.log: a fetch attempt (any outcome) or a URL refused without one. */
    void record(CrawlLogEntry e) throws IOException {
        log.log(e);
        summary.record(e);
        String s = e.status();
        if (s != null && !s.isEmpty() && Character.isDigit(s.charAt(0))) {
            fetches.increment();
        } else if (!NOT_ERRORS.contains(s)) {
            errors.increment();
        }
    }

    /** Counts a line already in crawl.log (a resumed job recounting its earlier runs), without writing it. */
    void recount(CrawlLogEntry e) {
        summary.record(e);
        String s = e.status();
        if (s != null && !s.isEmpty() && Character.isDigit(s.charAt(0))) {
            fetches.increment();
        } else if (!NOT_ERRORS.contains(s)) {
            errors.increment();
        }
    }

    /** An HTML page went to pages.jsonl. */
    void page() {
        pages.increment();
        summary.pageArchived();
    }

    SummaryCollector summary() {
        return summary;
    }
}
