package org.quire.recrawl;

import java.util.Locale;

/** How a page compares to the crawl's earlier captures of its URL; written to pages.jsonl as {@code change}. */
public enum ChangeMark {
    /** The URL was not captured before by this crawl. */
    NEW,
    /** The URL was captured before with a different payload. */
    CHANGED,
    /** The payload is identical to the last capture's, or the server answered 304 Not Modified. */
    UNCHANGED;

    /** The value written to pages.jsonl: {@code new}, {@code changed} or {@code unchanged}. */
    public String jsonValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
