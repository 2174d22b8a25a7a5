package org.quire.extract;

import org.quire.config.Settings;

/**
 * What the extractor keeps beyond the main text.
 *
 * @param withComments whether the page's comment section is kept, after the main text (config key
 *                     {@code extract.comments}, {@code quire extract --with-comments})
 */
public record ExtractOptions(boolean withComments) {

    /** The defaults: comment sections are dropped. */
    public static final ExtractOptions DEFAULT = new ExtractOptions(false);

    /** The options a crawl's settings ask for. */
    public static ExtractOptions from(Settings settings) {
        return settings == null || settings.extract() == null ? DEFAULT
                : new ExtractOptions(settings.extract().comments());
    }
}
