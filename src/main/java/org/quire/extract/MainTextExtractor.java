package org.quire.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.List;

/**
 * Finds the main text of a page and drops the chrome around it (navigation, share bars, related boxes, comments,
 * footers, bylines). Works on semantic markup and on anonymous div soup alike: it relies on text density, link
 * density and paragraph shape first and on tag and class names only as hints. Modifies the document it is given.
 */
public final class MainTextExtractor {

    private final boolean renderMarkdown;

    /** An extractor rendering the main text as plain text and as Markdown. */
    public MainTextExtractor() {
        this(true);
    }

    /** @param renderMarkdown whether Markdown is rendered too ({@link MainText#markdown} is null otherwise) */
    public MainTextExtractor(boolean renderMarkdown) {
        this.renderMarkdown = renderMarkdown;
    }

    /** The main text rendered two ways (markdown null when it was not asked for). */
    public record MainText(String text, String markdown) {
        public static final MainText EMPTY = new MainText("", "");
    }

    /**
     * @param document the parsed page; it is modified (hidden and non-text elements are removed)
     * @param metadata the page's metadata (its title helps find the headline; its author helps drop bylines)
     */
    public MainText extract(Document document, PageMetadata metadata) {
        Element body = document.body();
        if (body == null) {
            return MainText.EMPTY;
        }
        return mainText(body, BlockCollector.analyze(body), metadata);
    }

    /**
     * The main text of {@code body}, whose sizes were counted (and which was cleaned) by {@code sizes} during an
     * earlier walk ({@link BlockCollector#sizePassWithin}).
     */
    MainText extract(Element body, BlockCollector.SizePass sizes, PageMetadata metadata) {
        if (body == null) {
            return MainText.EMPTY;
        }
        return mainText(body, BlockCollector.analyze(body, sizes), metadata);
    }

    private MainText mainText(Element body, BlockCollector.Analysis analysis, PageMetadata metadata) {
        PageMetadata md = metadata == null ? PageMetadata.EMPTY : metadata;
        List<ContentSelector.Range> ranges = ContentSelector.select(analysis, body, md.title());
        List<Block> blocks = BlockFilter.filter(analysis, ranges, md);
        return new MainText(TextRenderer.plain(blocks), renderMarkdown ? TextRenderer.markdown(blocks) : null);
    }
}
