package org.quire.crawl;

import org.quire.archive.CrawlLogEntry;
import org.quire.archive.RecordLocation;
import org.quire.archive.WarcArchiver;
import org.quire.config.Settings;
import org.quire.fetch.ErrorKind;
import org.quire.fetch.FetchResult;
import org.quire.fetch.HttpFetcher;
import org.quire.fetch.PolitenessPolicy;
import org.quire.fetch.RobotsCache;
import org.quire.fetch.RobotsFetcher;
import org.quire.fetch.RobotsOutcome;
import org.quire.fetch.RobotsRules;
import org.quire.frontier.Candidate;
import org.quire.frontier.CrawlUrl;
import org.quire.frontier.Frontier;
import org.quire.recrawl.Capture;
import org.quire.recrawl.CaptureArchiver;
import org.quire.recrawl.PriorCapture;
import org.quire.seeds.SeedUrls;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes one URL the frontier handed out through one request: robots.txt first for a new origin, then the URL
 * itself; archives every exchange, logs every attempt, follows redirects as new frontier entries (each hop is
 * checked against scope here and against robots when its turn comes), hands HTML pages to the
 * {@link PageProcessor}, and reports back to the frontier with the host's next allowed time.
 */
final class UrlProcessor {

    private final Settings settings;
    private final Frontier frontier;
    private final HttpFetcher fetcher;
    private final RobotsFetcher robotsFetcher;
    private final RobotsCache robotsCache;
    private final PolitenessPolicy politeness;
    private final WarcArchiver warc;
    private final CrawlEvents events;
    private final ScopeRules scope;
    private final PageProcessor pages;
    private final Clock clock;
    private final RejectionMemory rejections = new RejectionMemory(100_000);
    private final Map<String, AtomicLong> perHost = new ConcurrentHashMap<>();
    private final AtomicLong pagesStarted = new AtomicLong();
    private volatile boolean budgetSpent;
    private CaptureArchiver captures;

    UrlProcessor(Settings settings, Frontier frontier, HttpFetcher fetcher, RobotsFetcher robotsFetcher,
                 RobotsCache robotsCache, PolitenessPolicy politeness, WarcArchiver warc, CrawlEvents events,
                 ScopeRules scope, PageProcessor pages, Clock clock) {
        this.settings = settings;
        this.frontier = frontier;
        this.fetcher = fetcher;
        this.robotsFetcher = robotsFetcher;
        this.robotsCache = robotsCache;
        this.politeness = politeness;
        this.warc = warc;
        this.events = events;
        this.scope = scope;
        this.pages = pages;
        this.clock = clock;
    }

    /** A resumed job counts the page fetches of its earlier runs against {@code crawl.max-pages}. */
    void countEarlierFetches(long n) {
        pagesStarted.addAndGet(n);
    }

    /** Archives through {@code captures} (conditional requests, revisits, change marks); set before the crawl. */
    void archiveCapturesWith(CaptureArchiver captures) {
        this.captures = captures;
    }

    /** True once {@code crawl.max-pages} fetches have been started: the crawl winds down. */
    boolean budgetSpent() {
        return budgetSpent;
    }

    /** Processes one URL; always reports back to the frontier. I/O failures of the archive propagate. */
    void process(CrawlUrl cu) throws IOException {
        if (!HostLeases.shared().tryAcquire(cu.hostKey(), this)) { // another crawl of this process is at the host
            frontier.postpone(cu, clock.instant().plus(HOST_BUSY_WAIT), clock.instant().plus(HOST_BUSY_WAIT), false);
            return;
        }
        try {
            processLeased(cu);
        } finally {
            HostLeases.shared().release(cu.hostKey(), this);
        }
    }

    /** How long a URL waits when another crawl holds its host's lease. */
    static final Duration HOST_BUSY_WAIT = Duration.ofMillis(100);

    private void processLeased(CrawlUrl cu) throws IOException {
        URI uri;
        try {
            uri = URI.create(cu.url());
        } catch (IllegalArgumentException e) {
            finish(cu, ErrorKind.BAD_URL, e.getMessage(), clock.instant());
            return;
        }
        RobotsRules rules = robotsCache.get(uri).orElse(null);
        if (rules == null) {
            fetchRobots(cu, uri);
            return;
        }
        if (settings.robots().obey()) {
            if (rules.isTemporaryDisallowAll()) {
                retryOrGiveUp(cu, ErrorKind.ROBOTS_UNAVAILABLE, "robots.txt unavailable",
                        clock.instant().plus(settings.robots().retryAfter()), clock.instant());
                return;
            }
            if (!rules.isAllowed(uri)) {
                finish(cu, ErrorKind.ROBOTS_DENIED, PageProcessor.DISALLOWED_NOTE, clock.instant());
                return;
            }
        }
        if (overHostLimit(cu)) {
            finish(cu, ErrorKind.LIMIT_REACHED, "max-pages-per-host", clock.instant());
            return;
        }
        if (!takePageBudget()) {
            frontier.postpone(cu, clock.instant(), clock.instant(), false);
            return;
        }
        Optional<PriorCapture> prior = captures == null ? Optional.empty() : captures.prior(cu.url());
        FetchResult r = fetcher.fetch(uri, captures == null ? List.of() : captures.conditionalHeaders(prior));
        Duration crawlDelay = settings.robots().obey() ? rules.crawlDelay() : Duration.ZERO;
        Instant hostNext = nextAllowed(cu.hostKey(), r, crawlDelay);
        if (!r.hasResponse()) {
            logAttempt(cu, r, null, r.error().code(), r.errorMessage());
            if (r.error().retryable() && cu.attempts() < settings.fetch().maxRetries()) {
                frontier.postpone(cu, retryTime(cu), hostNext, true);
            } else {
                frontier.complete(cu, r.error().code(), hostNext);
            }
            return;
        }
        Capture capture = captures != null ? captures.archive(r, cu.url(), cu.depth(), cu.via(), prior)
                : new Capture(warc.archive(r), r.status() >= 200 && r.status() < 300 ? r : null, null);
        RecordLocation loc = capture.location();
        logAttempt(cu, r, loc, Integer.toString(r.status()), r.truncated() == null ? "" : "truncated-" + r.truncated());
        if ((r.status() == 429 || r.status() == 503) && cu.attempts() < settings.fetch().maxRetries()) {
            frontier.postpone(cu, hostNext, hostNext, true);
            return;
        }
        if (r.isRedirect()) {
            followRedirect(cu, uri, r.header("Location"));
        } else if (capture.page() != null) {
            pages.process(cu, capture.page(), loc, capture.change(), rules);
        }
        // Last durable step: the URL is done, with where its capture is (a resume trusts this over the WARC).
        frontier.complete(cu, Integer.toString(r.status()), hostNext, loc);
    }

    private void fetchRobots(CrawlUrl cu, URI uri) throws IOException {
        RobotsOutcome outcome = robotsFetcher.fetch(uri);
        for (FetchResult r : outcome.hops()) {
            RecordLocation loc = !r.hasResponse() ? null : captures != null ? captures.archiveByDigest(r) : warc.archive(r);
            String status = r.hasResponse() ? Integer.toString(r.status()) : r.error().code();
            events.record(entry(r.url().toString(), cu.discoveryPath() + "P", cu.url(), r, loc, status,
                    r.hasResponse() ? "robots.txt" : r.errorMessage()));
        }
        FetchResult last = outcome.last();
        if (last != null && !last.hasResponse() && !last.error().retryable()) {
            // No request can reach this host at all (a private address, a bad URL): nothing to wait for.
            frontier.complete(cu, last.error().code(), clock.instant());
            return;
        }
        if (last != null && last.error() == ErrorKind.DNS) {
            // The name does not resolve: retry the URL with back-off rather than caching a disallow-all.
            retryOrGiveUp(cu, ErrorKind.DNS, last.errorMessage(), retryTime(cu), clock.instant());
            return;
        }
        robotsCache.put(uri, outcome.rules());
        Instant hostNext = last == null ? clock.instant() : nextAllowed(cu.hostKey(), last, outcome.rules().crawlDelay());
        if (outcome.rules().isTemporaryDisallowAll() && settings.robots().obey()) {
            // robots.txt is unavailable (5xx, 429, network): this counts as a failed attempt of the URL, so a
            // host that never answers ends the URL after fetch.max-retries instead of looping.
            retryOrGiveUp(cu, ErrorKind.ROBOTS_UNAVAILABLE, outcome.basis(),
                    later(clock.instant().plus(settings.robots().retryAfter()), hostNext), hostNext);
            return;
        }
        frontier.postpone(cu, clock.instant(), hostNext, false);
    }

    void followRedirect(CrawlUrl cu, URI from, String location) throws IOException {
        String target;
        try {
            target = SeedUrls.normalise(from.resolve(location.trim()).toString()).orElse(null);
        } catch (IllegalArgumentException e) {
            target = null;
        }
        if (target == null) {
            logRejected(location, cu, ErrorKind.BAD_URL, "unparseable-location");
            return;
        }
        if (cu.depth() == 0) {
            scope.addSeed(target);
        }
        if (isRedirectLoop(cu)) {
            logRejected(target, cu, ErrorKind.TOO_MANY_REDIRECTS, "more-than-" + MAX_REDIRECT_HOPS + "-hops");
            return;
        }
        ScopeDecision d = scope.decide(target, cu.depth());
        if (d.accepted()) {
            frontier.add(List.of(new Candidate(target, cu.depth(), cu.url(), cu.discoveryPath() + "R")));
        } else {
            logRejected(target, cu, d.rejection(), d.reason());
        }
    }

    static final int MAX_REDIRECT_HOPS = 10;

    private static boolean isRedirectLoop(CrawlUrl cu) {
        String p = cu.discoveryPath();
        int n = 0;
        for (int i = p.length() - 1; i >= 0 && p.charAt(i) == 'R'; i--) {
            n++;
        }
        return n >= MAX_REDIRECT_HOPS;
    }

    /** Logs a URL that will not be crawled, once (recently) per URL. */
    void logRejected(String url, CrawlUrl from, ErrorKind kind, String reason) throws IOException {
        if (rejections.firstTime(url)) {
            events.record(CrawlLogEntry.refused(clock.instant(), url, kind, from.discoveryPath() + "L", from.url(),
                    reason));
        }
    }

    private boolean overHostLimit(CrawlUrl cu) {
        long max = settings.crawl().maxPagesPerHost();
        return max > 0 && perHost.computeIfAbsent(cu.hostKey(), k -> new AtomicLong()).incrementAndGet() > max;
    }

    private boolean takePageBudget() {
        long max = settings.crawl().maxPages();
        if (max <= 0) {
            return true;
        }
        if (pagesStarted.incrementAndGet() > max) {
            budgetSpent = true;
            return false;
        }
        return true;
    }

    private Instant nextAllowed(String host, FetchResult r, Duration crawlDelay) {
        Instant end = r.fetchedAt().plus(r.elapsed());
        return politeness.nextAllowed(host, end, r.elapsed(), r.status(), r.header("Retry-After"), crawlDelay);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private Instant retryTime(CrawlUrl cu) {
        Duration wait = settings.politeness().backoff().multipliedBy(1L << Math.min(cu.attempts(), 10));
        Duration max = settings.politeness().maxBackoff();
        return clock.instant().plus(wait.compareTo(max) > 0 ? max : wait);
    }

    private void retryOrGiveUp(CrawlUrl cu, ErrorKind kind, String message, Instant notBefore, Instant hostNext)
            throws IOException {
        if (cu.attempts() < settings.fetch().maxRetries()) {
            frontier.postpone(cu, notBefore, hostNext, true);
        } else {
            finish(cu, kind, "gave-up-after-" + (cu.attempts() + 1) + "-attempts: " + message, hostNext);
        }
    }

    /** Logs a URL that ends without (another) fetch, and completes it. */
    /**
     * The URL's processing failed unexpectedly (a bug or a page no parser step was ready for): it is logged in
     * crawl.log as bad-content with the exception named, counted in the summary, and completed, so it is neither
     * lost silently nor retried forever. A URL already completed before the failure is left as it is.
     */
    void failUnexpectedly(CrawlUrl cu, RuntimeException e) throws IOException {
        String note = "unexpected-" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        events.record(CrawlLogEntry.refused(clock.instant(), cu.url(), ErrorKind.BAD_CONTENT, cu.discoveryPath(),
                cu.via(), note.length() > 300 ? note.substring(0, 300) : note));
        try {
            frontier.complete(cu, ErrorKind.BAD_CONTENT.code(), clock.instant());
        } catch (IllegalStateException alreadyCompleted) {
            // it failed after its last durable step
        }
    }

    private void finish(CrawlUrl cu, ErrorKind kind, String note, Instant hostNext) throws IOException {
        events.record(CrawlLogEntry.refused(clock.instant(), cu.url(), kind, cu.discoveryPath(), cu.via(), note));
        frontier.complete(cu, kind.code(), hostNext);
    }

    private void logAttempt(CrawlUrl cu, FetchResult r, RecordLocation loc, String status, String note)
            throws IOException {
        events.record(entry(cu.url(), cu.discoveryPath(), cu.via(), r, loc, status, note));
    }

    private static CrawlLogEntry entry(String url, String path, String via, FetchResult r, RecordLocation loc,
                                       String status, String note) {
        return new CrawlLogEntry(r.fetchedAt(), status, r.hasResponse() ? r.body().length : -1, url, path, via,
                r.hasResponse() ? r.mimeType() : null, r.elapsed().toMillis(),
                loc == null ? null : loc.payloadDigest(), note);
    }
}
