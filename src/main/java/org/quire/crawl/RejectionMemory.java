package org.quire.crawl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the most recently rejected URLs so that a link out of scope that appears on every page is logged
 * once, not once per page. Bounded, so memory stays flat on a long crawl.
 */
final class RejectionMemory {

    private final Map<String, Boolean> recent;

    RejectionMemory(int capacity) {
        this.recent = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time a URL is seen (recently); false when it was already logged. */
    synchronized boolean firstTime(String url) {
        return recent.put(url, Boolean.TRUE) == null;
    }
}
