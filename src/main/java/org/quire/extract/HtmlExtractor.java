package org.quire.extract;

import org.jsoup.nodes.Document;

import java.util.List;

/**
 * The extractor the crawler uses: links of the whole page, metadata, and the main text as plain text and Markdown.
 * Stateless and thread-safe; it modifies the document it is given (callers parse a fresh one per page).
 */
public final class HtmlExtractor implements Extractor {

    private final LinkExtractor links = new LinkExtractor();
    private final MetadataExtractor metadata = new MetadataExtractor();
    private final MainTextExtractor mainText = new MainTextExtractor();

    @Override
    public ExtractedPage extract(Document document) {
        List<Link> found = links.extract(document);
        PageMetadata md = metadata.extract(document);
        MainTextExtractor.MainText text = mainText.extract(document, md);
        return new ExtractedPage(text.text(), text.markdown(), md, found);
    }
}
