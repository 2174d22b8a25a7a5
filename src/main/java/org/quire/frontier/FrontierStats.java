package org.quire.frontier;

/**
 * A snapshot of frontier counts.
 *
 * @param queued   URLs waiting (including those postponed)
 * @param inFlight URLs handed out and not yet reported back
 * @param done     URLs finished, whatever the outcome
 * @param hosts    distinct hosts seen
 */
public record FrontierStats(long queued, long inFlight, long done, long hosts) {
}
