package org.quire.seeds;

/**
 * One seed URL of a crawl.
 *
 * @param url  the URL, normalised (see {@link SeedUrls#normalise})
 * @param line the 1-based line of the seed file it was read from
 */
public record Seed(String url, int line) {
}
