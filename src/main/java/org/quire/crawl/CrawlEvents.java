package org.quire.crawl;

import org.quire.archive.CrawlLog;
import org.quire.archive.CrawlLogEntry;
import org.quire.fetch.ErrorKind;
import org.quire.output.SummaryCollector;

import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where everything that happens to a URL is recorded, once: a crawl.log line, the summary's counts, and the live
 * counters the progress line shows. Thread-safe.
 */
final class CrawlEvents {

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
        } else if (ErrorKind.fromCode(s) == null || !ErrorKind.fromCode(s).refusal()) {
            errors.increment();
        }
    }

    /** Counts a line already in crawl.log (a resumed job recounting its earlier runs), without writing it. */
    void recount(CrawlLogEntry e) {
        summary.record(e);
        String s = e.status();
        if (s != null && !s.isEmpty() && Character.isDigit(s.charAt(0))) {
            fetches.increment();
        } else if (ErrorKind.fromCode(s) == null || !ErrorKind.fromCode(s).refusal()) {
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
