package org.quire.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * One run of a scheduled crawl as kept in the run history.
 *
 * @param crawl    the crawl's name
 * @param started  when it started
 * @param duration how long it took, or null while it is still running (or was cut off by a crash)
 * @param result   {@code ok}, {@code failed: <why>}, or {@code running}
 * @param pages    pages archived (0 while running)
 * @param job      the job folder, or null when none was made
 */
public record RunRecord(String crawl, Instant started, Duration duration, String result, long pages, String job) {
}
