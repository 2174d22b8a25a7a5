package org.quire.extract;

import org.jsoup.nodes.Document;

/**
 * Extracts main text, metadata and links from a parsed HTML document. Pure: no I/O, no shared mutable state,
 * safe to call from any thread. The document may be modified (the caller parses a fresh one per page).
 */
public interface Extractor {

    ExtractedPage extract(Document document);
}
