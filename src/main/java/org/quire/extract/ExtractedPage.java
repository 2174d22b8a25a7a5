package org.quire.extract;

import java.util.List;

/**
 * The result of extracting one HTML page: its main text with chrome removed, its metadata and its links.
 *
 * @param text     main text as plain text: one block (paragraph, heading, list item, quote, table row) per line,
 *                 blocks separated by a blank line where the page separates them
 * @param markdown the same main text as Markdown (headings with #, lists with -); null when the extractor was asked
 *                 for plain text only ({@link ExtractOptions#markdown}), as a crawl does
 * @param metadata what the page says about itself
 * @param links    every link of the whole page (not only the main text), in document order, de-duplicated
 */
public record ExtractedPage(String text, String markdown, PageMetadata metadata, List<Link> links) {

    public ExtractedPage {
        links = links == null ? List.of() : List.copyOf(links);
        metadata = metadata == null ? PageMetadata.EMPTY : metadata;
    }
}
