package org.quire.extract;

import org.quire.config.Settings;

/**
 * What the extractor keeps beyond the main text.
 *
 * @param withComments whether the page's comment section is kept, after the main text (config key
 *                     {@code extract.comments}, {@code quire extract --with-comments})
 * @param markdown     whether the main text is also rendered as Markdown ({@link ExtractedPage#markdown} is null
 *                     otherwise)
 */
public record ExtractOptions(boolean withComments, boolean markdown) {

    /** The defaults: comment sections are dropped, Markdown is rendered. */
    public static final ExtractOptions DEFAULT = new ExtractOptions(false, true);

    /** With or without comment sections, Markdown rendered. */
    public ExtractOptions(boolean withComments) {
        this(withComments, true);
    }

    /**
     * The options a crawl's settings ask for. A crawl writes plain text only (pages.jsonl, text/, WET), so no
     * Markdown is rendered.
     */
    public static ExtractOptions from(Settings settings) {
        return new ExtractOptions(settings != null && settings.extract() != null && settings.extract().comments(),
                false);
    }
}
