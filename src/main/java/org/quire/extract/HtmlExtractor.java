package org.quire.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.util.List;

/**
 * The extractor the crawler uses: links of the whole page, metadata, and the main text as plain text and Markdown.
 * A page whose markup declares no language gets one detected from its main text ({@link LanguageDetection}).
 * Stateless and thread-safe; it modifies the document it is given (callers parse a fresh one per page).
 */
public final class HtmlExtractor implements Extractor {

    private final MainTextExtractor mainText;
    private final ExtractOptions options;

    /** An extractor with the default options (comment sections dropped). */
    public HtmlExtractor() {
        this(ExtractOptions.DEFAULT);
    }

    public HtmlExtractor(ExtractOptions options) {
        this.options = options == null ? ExtractOptions.DEFAULT : options;
        this.mainText = new MainTextExtractor(this.options.markdown());
    }

    @Override
    public ExtractedPage extract(Document document) {
        ExtractionWarmUp.shared().awaitStopped(); // never alongside the start-up warm-up (see there)
        // links, metadata and (unless comment sections are wanted, which must be found in the untouched body)
        // the main text's size pass in one walk; the size pass removes hidden parts only as the walk leaves them
        LinkExtractor.Collector linkCollector = LinkExtractor.collector(document);
        MetadataExtractor.Gatherer gatherer = MetadataExtractor.gatherer();
        Element body = options.withComments() ? null : document.body();
        BlockCollector.SizePass sizes = body == null ? null : BlockCollector.sizePassWithin(body);
        DomWalk.walk(document, new DomWalk.Visitor() {
            @Override
            public int head(Node node, int depth) {
                linkCollector.head(node, depth);
                gatherer.head(node, depth);
                if (sizes != null) {
                    sizes.head(node, depth);
                }
                return DomWalk.CONTINUE;
            }

            @Override
            public void tail(Node node, int depth) {
                linkCollector.tail(node, depth);
                gatherer.tail(node, depth);
                if (sizes != null) {
                    sizes.tail(node, depth);
                }
            }
        });
        List<Link> found = LinkExtractor.links(linkCollector);
        PageMetadata md = MetadataExtractor.metadata(gatherer);
        List<Element> comments = options.withComments() && document.body() != null
                ? CommentSection.find(document.body()) : List.of();
        MainTextExtractor.MainText text = sizes != null ? mainText.extract(body, sizes, md)
                : mainText.extract(document, md);
        if (!comments.isEmpty()) {
            text = withComments(text, CommentSection.paragraphs(comments));
        }
        if (md.language() == null) {
            md = withLanguage(md, LanguageDetection.detect(text.text().isEmpty() ? md.description() : text.text()));
        }
        return new ExtractedPage(text.text(), text.markdown(), md, found);
    }

    /** Appends the comment paragraphs not already in the main text under a "Comments" heading. */
    private static MainTextExtractor.MainText withComments(MainTextExtractor.MainText main, List<String> comments) {
        StringBuilder plain = new StringBuilder(main.text());
        StringBuilder md = main.markdown() == null ? null : new StringBuilder(main.markdown());
        boolean first = true;
        for (String c : comments) {
            if (main.text().contains(c)) {
                continue;
            }
            if (first) {
                separate(plain).append("Comments");
                if (md != null) {
                    separate(md).append("## Comments");
                }
                first = false;
            }
            separate(plain).append(c);
            if (md != null) {
                separate(md).append(c);
            }
        }
        return new MainTextExtractor.MainText(plain.toString(), md == null ? null : md.toString());
    }

    private static StringBuilder separate(StringBuilder sb) {
        return sb.isEmpty() ? sb : sb.append("\n\n");
    }

    private static PageMetadata withLanguage(PageMetadata m, String language) {
        return language == null ? m : new PageMetadata(m.title(), m.author(), m.published(), language, m.siteName(),
                m.canonicalUrl(), m.description());
    }
}
