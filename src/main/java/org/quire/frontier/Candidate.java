package org.quire.frontier;

/**
 * A URL offered to the frontier: a seed, a discovered link or a redirect target.
 *
 * @param url           absolute, normalised http(s) URL
 * @param depth         link hops from the seed (seeds are 0; a redirect keeps its source's depth)
 * @param via           the URL it was found on, or null for a seed
 * @param discoveryPath Heritrix-style hop path from the seed: "" for a seed, then one letter per hop
 *                      ({@code L} link, {@code R} redirect, {@code E} embed)
 */
public record Candidate(String url, int depth, String via, String discoveryPath) {

    public static Candidate seed(String url) {
        return new Candidate(url, 0, null, "");
    }
}
