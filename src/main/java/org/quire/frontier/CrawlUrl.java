package org.quire.frontier;

/**
 * A URL handed out by the frontier for fetching. While the caller holds it, its host is busy: no other URL of
 * that host is handed out until the caller reports back with {@link Frontier#complete} or
 * {@link Frontier#postpone}.
 *
 * @param id            the frontier's key for it
 * @param url           absolute, normalised URL
 * @param hostKey       the politeness key (lower-case host name, no port)
 * @param depth         link hops from the seed
 * @param via           where it was found, or null for a seed
 * @param discoveryPath Heritrix-style hop letters from the seed
 * @param attempts      how many earlier attempts failed with a retryable error
 */
public record CrawlUrl(long id, String url, String hostKey, int depth, String via, String discoveryPath,
                       int attempts) {
}
