package org.quire.frontier;

import org.quire.archive.RecordLocation;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What to fetch next: per-host queues, the seen set and what is done, with the per-host politeness clock.
 * <p>
 * Contract: {@link #next} hands out at most one URL per host at a time and never before the host's next-allowed
 * time; the caller must answer every URL it gets with exactly one {@link #complete} or {@link #postpone}, which
 * also sets when that host may be asked again. Implementations are thread-safe.
 */
public interface Frontier extends AutoCloseable {

    /**
     * Adds URLs not seen before in this job (the seen set is keyed on the exact URL string); returns how many
     * were new. Seen URLs are ignored silently, whatever their state.
     */
    int add(Collection<Candidate> candidates);

    /**
     * As {@link #add(Collection)}, but each URL not seen before is first shown to {@code refusal}: when that names
     * an outcome (e.g. robots.txt rules already known disallow the URL), the URL is stored as seen and done with
     * that outcome instead of being queued, so it is neither handed out nor reported twice. Only new URLs are
     * shown to it, under the frontier's lock and before it is stored, so nothing is committed between the two: it
     * must be quick, and may record the refusal (a log line) first. When it throws, nothing of the batch is stored
     * and the exception propagates. Returns the URLs so refused, in their order.
     */
    List<Candidate> add(Collection<Candidate> candidates, Function<Candidate, String> refusal);

    /**
     * The next URL whose host may be asked now, waiting at most {@code maxWait} for one to become ready.
     * Empty when none became ready in time, or when the frontier is {@linkplain #isExhausted exhausted}.
     */
    Optional<CrawlUrl> next(Duration maxWait) throws InterruptedException;

    /**
     * The URL is finished (fetched, or refused for good). Its host may be asked again from
     * {@code hostNextAllowed} on.
     *
     * @param outcome short outcome text stored with it (an HTTP status or an error kind code)
     */
    void complete(CrawlUrl url, String outcome, Instant hostNextAllowed);

    /**
     * As {@link #complete(CrawlUrl, String, Instant)}, also recording where the URL's capture landed (null when
     * none was archived), so that a resume after a crash can tell archived URLs from lost ones.
     */
    void complete(CrawlUrl url, String outcome, Instant hostNextAllowed, RecordLocation where);

    /**
     * The URL goes back to its host's queue, to be handed out again not before {@code notBefore}; its host may
     * be asked again from {@code hostNextAllowed} on (which may be later than now for a host in back-off).
     *
     * @param countAsAttempt whether this counts as a failed attempt (retries) or not (e.g. robots.txt was
     *                       fetched first)
     */
    void postpone(CrawlUrl url, Instant notBefore, Instant hostNextAllowed, boolean countAsAttempt);

    /** True when nothing is queued and nothing is in flight: the crawl has run to its end. */
    boolean isExhausted();

    FrontierStats stats();

    /** Makes everything so far durable. */
    void flush();

    @Override
    void close();
}
