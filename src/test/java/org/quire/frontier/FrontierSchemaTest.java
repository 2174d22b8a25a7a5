package org.quire.frontier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The frontier database's schema: the fingerprint index, URLs sharing a fingerprint, and older files. */
class FrontierSchemaTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Two URLs of one host with the same {@link UrlFingerprints fingerprint} (found by a birthday search). */
    private static final String TWIN_A = "http://127.0.0.1/p/849295";
    private static final String TWIN_B = "http://127.0.0.1/p/1711745";

    @TempDir
    Path dir;

    @Test
    void twoUrlsWithOneFingerprintAreBothStoredCrawledAndAnswered() throws Exception {
        assertEquals(UrlFingerprints.of(TWIN_A), UrlFingerprints.of(TWIN_B), "the test needs a real collision");
        Path db = dir.resolve("frontier.db");
        try (SqliteFrontier f = SqliteFrontier.open(db)) {
            assertEquals(1, f.add(List.of(Candidate.seed(TWIN_A))));
            assertEquals(1, f.add(List.of(Candidate.seed(TWIN_B))), "a shared fingerprint is not a duplicate");
            assertEquals(0, f.add(List.of(Candidate.seed(TWIN_A), Candidate.seed(TWIN_B))));
            CrawlUrl first = f.next(WAIT).orElseThrow();
            assertEquals(TWIN_A, first.url());
            f.complete(first, "200", Instant.EPOCH);
            assertEquals(Optional.of("200"), f.outcome(TWIN_A));
            assertEquals(Optional.empty(), f.outcome(TWIN_B), "queued, not done");
            CrawlUrl claimed = f.claimQueued(TWIN_B).orElseThrow();
            assertEquals(TWIN_B, claimed.url());
            f.complete(claimed, "404", Instant.EPOCH);
        }
        try (SqliteFrontier f = SqliteFrontier.open(db)) {
            assertEquals(Optional.of("200"), f.outcome(TWIN_A));
            assertEquals(Optional.of("404"), f.outcome(TWIN_B));
            assertEquals(0, f.add(List.of(Candidate.seed(TWIN_B), Candidate.seed(TWIN_A))));
            assertEquals(new FrontierStats(0, 0, 2, 1), f.stats());
        }
    }

    @Test
    void aBatchRepeatingAUrlStoresItOnce() throws Exception {
        try (SqliteFrontier f = SqliteFrontier.open(dir.resolve("frontier.db"))) {
            assertEquals(2, f.add(List.of(Candidate.seed("http://a.test/x"), Candidate.seed("http://a.test/y"),
                    Candidate.seed("http://a.test/x"))));
            assertEquals(new FrontierStats(2, 0, 0, 1), f.stats());
        }
    }

    @Test
    void aVersion1DatabaseIsMigratedWithItsQueueDoneSetAndOutcomes() throws Exception {
        Path db = dir.resolve("job/state.db");
        java.nio.file.Files.createDirectories(db.getParent());
        runScript(db, "/frontier/schema-v1.sql");

        try (SqliteFrontier f = SqliteFrontier.open(db)) {
            // the in-flight URL went back to its queue; the two done ones stay done
            assertEquals(new FrontierStats(3, 0, 2, 2), f.stats());
            assertEquals(Optional.of("200"), f.outcome("http://a.test/"));
            assertEquals(Optional.of("404"), f.outcome("http://a.test/gone"));
            assertEquals(0, f.add(List.of(Candidate.seed("http://a.test/"), Candidate.seed("http://a.test/queued"),
                    Candidate.seed("http://b.test/retry"))), "the seen set survives the migration");
            assertEquals(1, f.add(List.of(Candidate.seed("http://b.test/new"))));
            List<String> order = new ArrayList<>();
            int retryAttempts = -1;
            for (Optional<CrawlUrl> u = f.next(WAIT); u.isPresent(); u = f.next(WAIT)) {
                order.add(u.get().url());
                if (u.get().url().equals("http://b.test/retry")) {
                    retryAttempts = u.get().attempts();
                }
                f.complete(u.get(), "200", Instant.EPOCH);
            }
            assertEquals(List.of("http://a.test/in-flight", "http://a.test/queued"),
                    order.stream().filter(u -> u.startsWith("http://a.test")).toList(), "FIFO by the old ids");
            assertEquals(List.of("http://b.test/retry", "http://b.test/new"),
                    order.stream().filter(u -> u.startsWith("http://b.test")).toList());
            assertEquals(2, retryAttempts);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            assertEquals(UrlStore.SCHEMA_VERSION, intOf(s, "PRAGMA user_version"));
            assertEquals(0, intOf(s, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'sqlite_autoindex_urls%'"),
                    "the unique index on the URL text is gone");
            assertEquals(1, intOf(s, "SELECT count(*) FROM sqlite_master WHERE name = 'urls_fp'"));
            assertEquals(1234, intOf(s, "SELECT warc_offset FROM urls WHERE url = 'http://a.test/'"),
                    "the record locations are kept");
            try (ResultSet rs = s.executeQuery("SELECT url, fp FROM urls")) {
                while (rs.next()) {
                    assertEquals(UrlFingerprints.of(rs.getString(1)), rs.getLong(2), rs.getString(1));
                }
            }
        }
    }

    @Test
    void aDatabaseOfANewerSchemaIsRefusedNamingTheFile() throws Exception {
        Path db = dir.resolve("newer.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (UrlStore.SCHEMA_VERSION + 1));
        }
        FrontierException e = assertThrows(FrontierException.class, () -> SqliteFrontier.open(db));
        assertTrue(e.getMessage().contains(db.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private static int intOf(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getInt(1);
        }
    }

    private static void runScript(Path db, String resource) throws Exception {
        try (InputStream in = FrontierSchemaTest.class.getResourceAsStream(resource);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
             Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("--")) {
                    s.execute(line);
                }
            }
        }
    }
}
