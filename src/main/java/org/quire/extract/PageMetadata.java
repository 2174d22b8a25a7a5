package org.quire.extract;

/**
 * What a page says about itself. Any field may be null when the page does not say it.
 *
 * @param title        the article title, without a trailing site-name suffix
 * @param author       the author(s), comma-separated
 * @param published    publication date as ISO 8601 ({@code 2026-11-20} or a full timestamp)
 * @param language     BCP 47 primary language tag (e.g. {@code en}), from markup or detected
 * @param siteName     the name of the site
 * @param canonicalUrl the canonical URL the page declares, absolute
 * @param description  the page's description
 */
public record PageMetadata(String title, String author, String published, String language, String siteName,
                           String canonicalUrl, String description) {

    public static final PageMetadata EMPTY = new PageMetadata(null, null, null, null, null, null, null);
}
