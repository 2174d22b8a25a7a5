package org.quire.extract;

import org.jsoup.nodes.Document;

import java.util.List;

/**
 * The extractor the crawler uses: links of the whole page, metadata, and the main text as plain text and Markdown.
 * A page whose markup declares no language gets one detected from its main text ({@link LanguageDetection}).
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
        if (md.language() == null) {
            md = withLanguage(md, LanguageDetection.detect(text.text().isEmpty() ? md.description() : text.text()));
        }
        return new ExtractedPage(text.text(), text.markdown(), md, found);
    }

    private static PageMetadata withLanguage(PageMetadata m, String language) {
        return language == null ? m : new PageMetadata(m.title(), m.author(), m.published(), language, m.siteName(),
                m.canonicalUrl(), m.description());
    }
}
