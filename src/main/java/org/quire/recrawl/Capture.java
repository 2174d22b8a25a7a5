package org.quire.recrawl;

import org.quire.archive.RecordLocation;
import org.quire.fetch.FetchResult;

/**
 * What archiving one exchange produced.
 *
 * @param location where its response or revisit record landed (for a revisit, with the payload digest of the
 *                 content it stands for), or null when nothing was written
 * @param page     the exchange to extract a page from: the fetch itself, or for a 304 the fetch with the earlier
 *                 capture's headers and body; null when there is no page content (not 2xx, or unreadable)
 * @param change   how the page compares to earlier captures, or null when not a page
 */
public record Capture(RecordLocation location, FetchResult page, ChangeMark change) {
}
