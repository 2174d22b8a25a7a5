package org.quire.frontier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.archive.RecordLocation;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What survives a clean close and a crash of {@link SqliteFrontier}. */
class SqliteFrontierDurabilityTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("job/frontier.db");
    }

    private static CrawlUrl next(Frontier f) throws InterruptedException {
        return f.next(WAIT).orElseThrow(() -> new AssertionError("nothing handed out"));
    }

    /** Hands out and completes everything left, returning the URLs in the order handed out. */
    private static List<String> drain(Frontier f) throws InterruptedException {
        List<String> urls = new ArrayList<>();
        while (true) {
            Optional<CrawlUrl> u = f.next(WAIT);
            if (u.isEmpty()) {
                return urls;
            }
            urls.add(u.get().url());
            f.complete(u.get(), "200", Instant.now());
        }
    }

    @Test
    void aHostsDelayStillHoldsAfterAReopenWhileAHostWithoutOneIsReadyAtOnce() throws Exception {
        try (SqliteFrontier f = SqliteFrontier.open(db())) {
            f.add(SqliteFrontierTest.seeds("slow.test", 0, 2));
            f.add(SqliteFrontierTest.seeds("fast.test", 0, 2));
            for (int i = 0; i < 2; i++) {
                CrawlUrl u = next(f);
                boolean slow = u.hostKey().startsWith("slow");
                f.complete(u, "200", slow ? Instant.now().plus(Duration.ofHours(1)) : Instant.now());
            }
        }
        try (SqliteFrontier f = SqliteFrontier.open(db())) {
            CrawlUrl u = next(f);
            assertEquals("http://fast.test/p1", u.url());
            f.complete(u, "200", Instant.now());
            assertEquals(Optional.empty(), f.next(Duration.ofMillis(200)), "slow.test waits out its hour");
        }
    }

    @Test
    void closeAndReopenKeepsQueueDoneSetAttemptsAndOutcomes() throws Exception {
        try (SqliteFrontier f = SqliteFrontier.open(db())) {
            f.add(SqliteFrontierTest.seeds("a.test", 0, 4));
            f.add(SqliteFrontierTest.seeds("b.test", 0, 2));
            CrawlUrl a0 = next(f);
            f.complete(a0, "200", Instant.now());
            CrawlUrl b0 = next(f);
            f.postpone(b0, Instant.now(), Instant.now(), true);
            assertEquals(new FrontierStats(5, 0, 1, 2), f.stats());
        }
        try (SqliteFrontier f = SqliteFrontier.open(db())) {
            assertEquals(new FrontierStats(5, 0, 1, 2), f.stats());
            assertEquals(1, f.countDone());
            assertEquals(Optional.of("200"), f.outcome("http://a.test/p0"));
            assertEquals(0, f.add(SqliteFrontierTest.seeds("a.test", 0, 4)), "the seen set survives");

            List<String> rest = new ArrayList<>();
            int b0Attempts = -1;
            while (true) {
                Optional<CrawlUrl> u = f.next(WAIT);
                if (u.isEmpty()) {
                    break;
                }
                rest.add(u.get().url());
                if (u.get().url().equals("http://b.test/p0")) {
                    b0Attempts = u.get().attempts();
                }
                f.complete(u.get(), "200", Instant.now());
            }
            assertEquals(1, b0Attempts);
            assertFalse(rest.contains("http://a.test/p0"), "a done URL was handed out again");
            assertEquals(List.of("http://a.test/p1", "http://a.test/p2", "http://a.test/p3"),
                    rest.stream().filter(s -> s.startsWith("http://a.test")).toList(), "FIFO per host");
            assertEquals(5, rest.size());
            assertTrue(f.isExhausted());
        }
    }

    @Test
    void afterACrashInFlightUrlsAreQueuedAgainAndDoneOnesStayDone() throws Exception {
        SqliteFrontier crashed = SqliteFrontier.open(db());
        crashed.add(SqliteFrontierTest.seeds("a.test", 0, 2));
        crashed.add(SqliteFrontierTest.seeds("b.test", 0, 2));
        CrawlUrl first = next(crashed);
        CrawlUrl second = next(crashed);
        CrawlUrl done = first.hostKey().equals("b.test") ? first : second;
        CrawlUrl inFlight = done == first ? second : first;
        crashed.complete(done, "200", Instant.now());
        CrawlUrl alsoInFlight = next(crashed); // b's second URL, handed out, never reported
        crashed.flush();
        crashed.abandon(); // the process dies: no close, nothing after the last commit

        try (SqliteFrontier f = SqliteFrontier.open(db())) {
            assertEquals(new FrontierStats(3, 0, 1, 2), f.stats());
            List<String> again = new ArrayList<>();
            while (true) {
                Optional<CrawlUrl> u = f.next(WAIT);
                if (u.isEmpty()) {
                    break;
                }
                assertEquals(0, u.get().attempts(), "an interrupted fetch is not a failed attempt");
                again.add(u.get().url());
                f.complete(u.get(), "200", Instant.now());
            }
            assertTrue(again.contains(inFlight.url()));
            assertTrue(again.contains(alsoInFlight.url()));
            assertFalse(again.contains(done.url()), "a done URL was handed out again after the crash");
            assertEquals(3, again.size());
        }
    }

    @Test
    void anInstanceLeftRunningDoesNotStopAReopenAndItsCommittedWorkIsKept() throws Exception {
        SqliteFrontier abandoned = SqliteFrontier.open(db());
        abandoned.add(SqliteFrontierTest.seeds("a.test", 0, 3));
        CrawlUrl u = next(abandoned);
        abandoned.complete(u, "301", Instant.now());
        next(abandoned); // left in flight
        abandoned.flush();
        try (SqliteFrontier f = SqliteFrontier.open(db())) {
            assertEquals(new FrontierStats(2, 0, 1, 1), f.stats());
            assertEquals(Optional.of("301"), f.outcome(u.url()));
            assertEquals(List.of("http://a.test/p1", "http://a.test/p2"), drain(f));
        } finally {
            abandoned.abandon();
        }
    }

    @Test
    void storesTheWarcLocationOfACompletedUrl() throws Exception {
        try (SqliteFrontier f = SqliteFrontier.open(db())) {
            f.add(SqliteFrontierTest.seeds("a.test", 0, 1));
            CrawlUrl u = next(f);
            f.complete(u, "200", Instant.now(),
                    new RecordLocation("quire-0001.warc.gz", 1234, "<urn:uuid:x>", "sha1:abc", 99));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT state, outcome, warc_file, warc_offset, record_id FROM urls")) {
            assertTrue(rs.next());
            assertEquals(UrlState.DONE.code, rs.getInt(1));
            assertEquals("200", rs.getString(2));
            assertEquals("quire-0001.warc.gz", rs.getString(3));
            assertEquals(1234, rs.getLong(4));
            assertEquals("<urn:uuid:x>", rs.getString(5));
        }
    }

    @Test
    void hostBackOffSurvivesAReopen() throws Exception {
        Instant allowed;
        try (SqliteFrontier f = SqliteFrontier.open(db())) {
            f.add(SqliteFrontierTest.seeds("a.test", 0, 2));
            allowed = Instant.now().plusMillis(300);
            f.complete(next(f), "503", allowed);
        }
        try (SqliteFrontier f = SqliteFrontier.open(db())) {
            CrawlUrl u = next(f);
            assertFalse(Instant.now().isBefore(allowed), "host asked again before its back-off ended");
            assertEquals("http://a.test/p1", u.url());
        }
    }
}
