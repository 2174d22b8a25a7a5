package org.quire.bench;

import java.util.List;

/**
 * Politeness arithmetic over the request times a bench web host saw.
 *
 * <p>A violation is a request that arrived while another request to the same host was still being answered, or
 * one that arrived less than the host's delay after the previous request to it. Efficiency is the number of
 * requests the hosts got ÷ the most their delays allow: for each host, {@code floor((last - t0) / delay) + 1},
 * where {@code t0} is the first request of the whole crawl and {@code last} the host's last request (a host with
 * nothing left to fetch is not counted as idle after its last request).
 */
public final class PolitenessAudit {

    /** What one host saw: its delay, the arrival times of its requests (nanoseconds, ascending), overlaps. */
    public record HostTimes(String host, long delayNanos, List<Long> arrivals, int overlaps) {
        public HostTimes {
            arrivals = List.copyOf(arrivals);
        }
    }

    /** The audit's result. {@code efficiency} is NaN when every delay is zero. */
    public record Result(long requests, long allowed, double efficiency, long gapViolations, long overlapViolations,
                         long shortestGapMillis) {
        public long violations() {
            return gapViolations + overlapViolations;
        }
    }

    private PolitenessAudit() {
    }

    /** Audits the hosts' request times. */
    public static Result audit(List<HostTimes> hosts) {
        long t0 = Long.MAX_VALUE;
        for (HostTimes h : hosts) {
            if (!h.arrivals().isEmpty()) {
                t0 = Math.min(t0, h.arrivals().get(0));
            }
        }
        long requests = 0;
        long allowed = 0;
        long gapViolations = 0;
        long overlaps = 0;
        long shortest = Long.MAX_VALUE;
        boolean anyDelay = false;
        for (HostTimes h : hosts) {
            List<Long> a = h.arrivals();
            overlaps += h.overlaps();
            if (a.isEmpty()) {
                continue;
            }
            requests += a.size();
            for (int i = 1; i < a.size(); i++) {
                long gap = a.get(i) - a.get(i - 1);
                shortest = Math.min(shortest, gap);
                if (gap < h.delayNanos()) {
                    gapViolations++;
                }
            }
            if (h.delayNanos() > 0) {
                anyDelay = true;
                allowed += (a.get(a.size() - 1) - t0) / h.delayNanos() + 1;
            } else {
                allowed += a.size();
            }
        }
        double efficiency = anyDelay && allowed > 0 ? (double) requests / allowed : Double.NaN;
        return new Result(requests, allowed, efficiency, gapViolations, overlaps,
                shortest == Long.MAX_VALUE ? -1 : shortest / 1_000_000);
    }
}
