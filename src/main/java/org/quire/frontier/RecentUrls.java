package org.quire.frontier;

import java.util.HashSet;
import java.util.Set;

/**
 * The URLs the frontier stored or found stored most recently, at most about twice {@code generation} of them:
 * menus, footers and "latest" boxes repeat the same links on every page of a site, and answering those from memory
 * spares a database statement each. Exact, not probabilistic: a URL here is certainly in the database (which never
 * forgets one), so skipping it changes nothing. Kept as two generations: when the current one is full it becomes
 * the old one and the oldest is dropped, so URLs still being linked stay while the rest age out. Not thread-safe.
 */
final class RecentUrls {

    private final int generation;
    private Set<String> current = new HashSet<>();
    private Set<String> previous = new HashSet<>();

    RecentUrls(int generation) {
        if (generation < 1) {
            throw new IllegalArgumentException("generation must be positive");
        }
        this.generation = generation;
    }

    /** True when {@code url} was {@link #remember remembered} lately (then it is kept for another generation). */
    boolean contains(String url) {
        if (current.contains(url)) {
            return true;
        }
        if (previous.contains(url)) {
            remember(url);
            return true;
        }
        return false;
    }

    /** Notes that {@code url} is in the database. */
    void remember(String url) {
        if (current.size() >= generation) {
            previous = current;
            current = new HashSet<>();
        }
        current.add(url);
    }
}
