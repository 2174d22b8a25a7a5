package org.quire.extract;

/**
 * A link found on a page.
 *
 * @param url    absolute URL as resolved against the page's base (not yet normalised or scoped)
 * @param hop    {@code L} for a navigational link (a, area), {@code E} for an embed (img, script, stylesheet, ...)
 * @param anchor the anchor text, whitespace-collapsed, or "" when none
 */
public record Link(String url, char hop, String anchor) {
}
