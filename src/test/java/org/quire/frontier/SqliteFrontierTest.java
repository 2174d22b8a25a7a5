package org.quire.frontier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Queueing, politeness and exhaustion of {@link SqliteFrontier} on a real SQLite file. */
class SqliteFrontierTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private SqliteFrontier frontier;

    @BeforeEach
    void open() {
        // a read batch of 3 so that the tests cross batch boundaries
        frontier = SqliteFrontier.open(dir.resolve("state/frontier.db"), 3, 100);
    }

    @AfterEach
    void close() {
        frontier.close();
    }

    static String url(String host, int n) {
        return "http://" + host + "/p" + n;
    }

    static List<Candidate> seeds(String host, int from, int to) {
        List<Candidate> list = new ArrayList<>();
        for (int i = from; i < to; i++) {
            list.add(Candidate.seed(url(host, i)));
        }
        return list;
    }

    private CrawlUrl next() throws InterruptedException {
        return frontier.next(WAIT).orElseThrow(() -> new AssertionError("nothing handed out"));
    }

    @Test
    void newUrlsRefusedWhenAddedAreSeenAndDoneButNeverHandedOut() throws Exception {
        frontier.add(List.of(Candidate.seed("http://a.test/")));
        Candidate denied = new Candidate("http://a.test/private/1", 1, "http://a.test/", "L");
        Candidate deniedToo = new Candidate("http://a.test/private/2", 1, "http://a.test/", "L");
        Candidate allowed = new Candidate("http://a.test/public/1", 1, "http://a.test/", "L");
        List<String> shown = new ArrayList<>();
        Function<Candidate, String> robots = c -> {
            shown.add(c.url());
            return c.url().contains("/private/") ? "robots-denied" : null;
        };
        assertEquals(List.of(denied, deniedToo),
                frontier.add(List.of(denied, allowed, deniedToo, denied), robots));
        assertEquals(List.of(denied.url(), allowed.url(), deniedToo.url()), shown, "each new URL shown once");
        shown.clear();
        assertEquals(List.of(), frontier.add(List.of(denied, allowed), robots), "seen: not refused again");
        assertEquals(List.of(), shown, "seen URLs are not shown to the refusal");
        Candidate blank = new Candidate("http://a.test/public/2", 1, "http://a.test/", "L");
        assertEquals(List.of(), frontier.add(List.of(blank), c -> ""), "an empty outcome refuses nothing");
        frontier.complete(frontier.claimQueued(blank.url()).orElseThrow(), "200", Instant.now()); // it was queued
        assertEquals(0, frontier.add(List.of(denied)), "seen: not queued either");
        assertEquals(Optional.of("robots-denied"), frontier.outcome(denied.url()));
        assertEquals(new FrontierStats(2, 0, 3, 1), frontier.stats());

        for (String expected : List.of("http://a.test/", allowed.url())) {
            CrawlUrl u = next();
            assertEquals(expected, u.url());
            frontier.complete(u, "200", Instant.now());
        }
        assertTrue(frontier.isExhausted(), "refused URLs leave nothing to hand out");
        frontier.close();
        frontier = SqliteFrontier.open(dir.resolve("state/frontier.db"), 3, 100);
        assertEquals(5, frontier.countDone(), "kept across a reopen");
        assertTrue(frontier.isExhausted());
    }

    @Test
    void aRefusalThatThrowsStoresNothingOfItsBatch() throws Exception {
        Candidate a = Candidate.seed("http://a.test/1");
        Candidate b = Candidate.seed("http://a.test/2");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> frontier.add(List.of(a, b), c -> {
            if (c == b) {
                throw new IllegalStateException("log full");
            }
            return "robots-denied";
        }));
        assertEquals("log full", e.getMessage());
        assertEquals(new FrontierStats(0, 0, 0, 1), frontier.stats());
        assertEquals(2, frontier.add(List.of(a, b)), "neither was stored");
        frontier.flush();
        assertEquals(Optional.empty(), frontier.outcome(a.url()), "a is queued, not done");
    }

    @Test
    void seenUrlsAreIgnoredWhateverTheirState() throws Exception {
        assertEquals(2, frontier.add(List.of(Candidate.seed("http://a.test/"), Candidate.seed("http://a.test/x"),
                Candidate.seed("http://a.test/"))));
        assertEquals(0, frontier.add(List.of(Candidate.seed("http://a.test/x"))));

        CrawlUrl first = next();
        assertEquals(0, frontier.add(List.of(Candidate.seed(first.url())))); // in flight
        frontier.complete(first, "200", Instant.now());
        assertEquals(0, frontier.add(List.of(Candidate.seed(first.url())))); // done
        assertEquals(1, frontier.add(List.of(Candidate.seed("http://a.test/y"))));

        assertEquals(new FrontierStats(2, 0, 1, 1), frontier.stats());
    }

    @Test
    void handsOutEachHostsUrlsInTheOrderAdded() throws Exception {
        frontier.add(seeds("a.test", 0, 5));
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            CrawlUrl u = next();
            order.add(u.url());
            frontier.complete(u, "200", Instant.now());
        }
        frontier.add(seeds("a.test", 5, 8)); // added while the host's buffer still holds some
        while (!frontier.isExhausted()) {
            CrawlUrl u = next();
            order.add(u.url());
            frontier.complete(u, "200", Instant.now());
        }
        List<String> expected = new ArrayList<>();
        seeds("a.test", 0, 8).forEach(c -> expected.add(c.url()));
        assertEquals(expected, order);
    }

    @Test
    void keepsCandidateDetailsAndKeysHostsByLowerCaseNameWithoutPort() throws Exception {
        frontier.add(List.of(new Candidate("http://WWW.Example.TEST:8080/a", 2, "http://www.example.test/", "LL")));
        frontier.add(List.of(Candidate.seed("https://www.example.test/b")));
        CrawlUrl u = next();
        assertEquals("http://WWW.Example.TEST:8080/a", u.url());
        assertEquals("www.example.test", u.hostKey());
        assertEquals(2, u.depth());
        assertEquals("http://www.example.test/", u.via());
        assertEquals("LL", u.discoveryPath());
        assertEquals(0, u.attempts());
        // same host key: nothing else may be handed out while the first is in flight
        assertEquals(Optional.empty(), frontier.next(Duration.ofMillis(100)));
        assertEquals(1, frontier.stats().hosts());
        frontier.complete(u, "200", Instant.now());
        assertEquals("https://www.example.test/b", next().url());
    }

    @Test
    void rejectsAUrlWithoutHostNamingItAndAddsNothingOfTheBatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> frontier.add(List.of(Candidate.seed("http://ok.test/"), Candidate.seed("mailto:x@y.test"))));
        assertTrue(e.getMessage().contains("mailto:x@y.test"), e.getMessage());
        assertEquals(new FrontierStats(0, 0, 0, 0), frontier.stats());
    }

    @Test
    void waitsForTheHostsNextAllowedTime() throws Exception {
        frontier.add(seeds("a.test", 0, 2));
        CrawlUrl first = next();
        Instant allowed = Instant.now().plusMillis(200);
        frontier.complete(first, "200", allowed);

        assertEquals(Optional.empty(), frontier.next(Duration.ofMillis(20)), "host is not allowed yet");
        CrawlUrl second = next();
        assertFalse(Instant.now().isBefore(allowed), "handed out before the host's next-allowed time");
        assertEquals(url("a.test", 1), second.url());
    }

    @Test
    void postponedUrlIsSkippedUntilItsTimeWhileTheHostServesItsOthers() throws Exception {
        frontier.add(seeds("a.test", 0, 3));
        CrawlUrl first = next();
        Instant notBefore = Instant.now().plusMillis(300);
        frontier.postpone(first, notBefore, Instant.now(), true);
        assertEquals(new FrontierStats(3, 0, 0, 1), frontier.stats());

        CrawlUrl second = next();
        assertEquals(url("a.test", 1), second.url());
        frontier.complete(second, "200", Instant.now());
        CrawlUrl third = next();
        assertEquals(url("a.test", 2), third.url());
        frontier.complete(third, "200", Instant.now());

        CrawlUrl again = next();
        assertFalse(Instant.now().isBefore(notBefore), "postponed URL handed out before its time");
        assertEquals(first.url(), again.url());
        assertEquals(1, again.attempts());

        frontier.postpone(again, Instant.now(), Instant.now(), false);
        CrawlUrl once = next();
        assertEquals(first.url(), once.url());
        assertEquals(1, once.attempts(), "a postponement that is not an attempt must not count");
        frontier.postpone(once, Instant.now(), Instant.now(), true);
        assertEquals(2, next().attempts());
    }

    @Test
    void addingToAHostWhoseOnlyUrlIsPostponedMakesItReadyAtOnce() throws Exception {
        frontier.add(seeds("a.test", 0, 1));
        CrawlUrl first = next();
        frontier.postpone(first, Instant.now().plus(Duration.ofHours(1)), Instant.now(), true);
        assertEquals(Optional.empty(), frontier.next(Duration.ofMillis(50)));
        assertFalse(frontier.isExhausted(), "a postponed URL is still queued");

        frontier.add(seeds("a.test", 1, 2));
        assertEquals(url("a.test", 1), next().url());
    }

    @Test
    void manyReadyHostsDoNotWaitBehindOneSlowHost() throws Exception {
        frontier.add(seeds("slow.test", 0, 3));
        CrawlUrl slow = next();
        frontier.complete(slow, "200", Instant.now().plus(Duration.ofHours(1)));
        frontier.add(seeds("busy.test", 0, 2));
        CrawlUrl busy = next(); // stays in flight for the whole test
        assertEquals("busy.test", busy.hostKey());
        for (int h = 0; h < 20; h++) {
            frontier.add(seeds("h" + h + ".test", 0, 1));
        }
        for (int h = 0; h < 20; h++) {
            CrawlUrl u = next();
            assertTrue(u.hostKey().matches("h\\d+\\.test"), u.hostKey());
        }
    }

    @Test
    void readyHostsTakeTurnsInTheOrderTheyBecameReady() throws Exception {
        frontier.add(seeds("a.test", 0, 3));
        CrawlUrl a0 = next();
        frontier.complete(a0, "200", Instant.now());
        Thread.sleep(5); // so that b becomes ready strictly after a
        frontier.add(seeds("b.test", 0, 2));
        CrawlUrl a1 = next();
        assertEquals("a.test", a1.hostKey());
        CrawlUrl b0 = next();
        assertEquals("b.test", b0.hostKey());
        frontier.complete(a1, "200", Instant.now());
        frontier.complete(b0, "200", Instant.now());
        assertEquals("a.test", next().hostKey());
        assertEquals("b.test", next().hostKey());
    }

    @Test
    void exhaustedOnlyWhenNothingIsQueuedOrInFlight() throws Exception {
        assertTrue(frontier.isExhausted());
        assertEquals(Optional.empty(), frontier.next(Duration.ofHours(1)), "empty frontier: next must not block");

        frontier.add(seeds("a.test", 0, 1));
        assertFalse(frontier.isExhausted());
        CrawlUrl u = next();
        assertFalse(frontier.isExhausted(), "one URL still in flight");
        assertEquals(Optional.empty(), frontier.next(Duration.ofMillis(50)));

        CompletableFuture<Optional<CrawlUrl>> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return frontier.next(Duration.ofHours(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertFalse(waiter.isDone(), "must wait while a URL is in flight (it may yield new links)");
        frontier.complete(u, "200", Instant.now());
        assertTrue(frontier.isExhausted());
        assertEquals(Optional.empty(), waiter.get(10, TimeUnit.SECONDS), "the waiter is woken by exhaustion");
    }

    @Test
    void reportsOutcomesAndDoneCount() throws Exception {
        frontier.add(seeds("a.test", 0, 2));
        CrawlUrl u = next();
        assertEquals(Optional.empty(), frontier.outcome(u.url()), "in flight: no outcome yet");
        frontier.complete(u, "404", Instant.now());
        assertEquals(Optional.of("404"), frontier.outcome(u.url()));
        assertEquals(Optional.empty(), frontier.outcome(url("a.test", 1)));
        assertEquals(Optional.empty(), frontier.outcome("http://never.test/"));
        assertEquals(1, frontier.countDone());
    }

    @Test
    void refusesReportsForUrlsNotInFlight() throws Exception {
        frontier.add(seeds("a.test", 0, 2));
        CrawlUrl u = next();
        frontier.complete(u, "200", Instant.now());
        assertThrows(IllegalStateException.class, () -> frontier.complete(u, "200", Instant.now()));
        assertThrows(IllegalStateException.class, () -> frontier.postpone(u, Instant.now(), Instant.now(), true));
    }

    @Test
    void addsAHundredThousandUrlsInBatches() throws Exception {
        List<Candidate> batch = new ArrayList<>();
        int added = 0;
        for (int i = 0; i < 100_000; i++) {
            batch.add(Candidate.seed(url("h" + (i % 100) + ".test", i)));
            if (batch.size() == 1_000) {
                added += frontier.add(batch);
                batch.clear();
            }
        }
        assertEquals(100_000, added);
        assertEquals(0, frontier.add(seeds("h7.test", 7, 8)));
        assertEquals(new FrontierStats(100_000, 0, 0, 100), frontier.stats());
        CrawlUrl u = next();
        assertEquals(url(u.hostKey(), Integer.parseInt(u.hostKey().replaceAll("\\D", ""))), u.url(),
                "each host starts with its first URL");
    }
}
