package org.quire.crawl;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Live counters of a running crawl, updated from every fetch thread; read by progress and the summary. */
final class CrawlStats {

    final LongAdder fetches = new LongAdder();
    final LongAdder pages = new LongAdder();
    final LongAdder records = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder robotsBlocked = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder errors = new LongAdder();
    final AtomicLong pageBudget = new AtomicLong();
    private final Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byError = new ConcurrentHashMap<>();

    void status(int status) {
        byStatus.computeIfAbsent(Integer.toString(status), k -> new LongAdder()).increment();
    }

    void error(String code) {
        errors.increment();
        byError.computeIfAbsent(code, k -> new LongAdder()).increment();
    }

    Map<String, Long> byStatus() {
        return snapshot(byStatus);
    }

    Map<String, Long> byError() {
        return snapshot(byError);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
