package org.quire.frontier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.archive.RecordLocation;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SqliteFrontier#claimQueued}: how a resume marks done a URL whose capture it found in the WARC files. */
class SqliteFrontierClaimTest {

    @TempDir
    Path tmp;

    @Test
    void aClaimedUrlIsCompletedAndNeverHandedOutWhileItsHostGoesOn() throws Exception {
        Path db = tmp.resolve("state.db");
        try (SqliteFrontier f = SqliteFrontier.open(db)) {
            f.add(List.of(Candidate.seed("http://a.example/1"), Candidate.seed("http://a.example/2"),
                    Candidate.seed("http://b.example/1")));
            Optional<CrawlUrl> c = f.claimQueued("http://a.example/1");
            assertTrue(c.isPresent());
            assertEquals("a.example", c.get().hostKey());
            assertTrue(f.claimQueued("http://a.example/2").isEmpty(), "one URL per host at a time");
            f.complete(c.get(), "200", Instant.now(), new RecordLocation("x.warc.gz", 123, "<urn:uuid:1>", null, 9));
            assertTrue(f.claimQueued("http://a.example/1").isEmpty(), "done: not claimable again");
            assertTrue(f.claimQueued("http://nowhere.example/").isEmpty(), "unknown");
            f.flush();
        }
        try (SqliteFrontier f = SqliteFrontier.open(db)) {
            assertEquals(Optional.of("200"), f.outcome("http://a.example/1"));
            assertEquals(new FrontierStats(2, 0, 1, 2), f.stats());
            List<String> handedOut = new java.util.ArrayList<>();
            for (Optional<CrawlUrl> u = f.next(Duration.ofMillis(200)); u.isPresent(); u = f.next(Duration.ofMillis(200))) {
                handedOut.add(u.get().url());
                f.complete(u.get(), "200", Instant.now());
            }
            assertEquals(List.of("http://a.example/2", "http://b.example/1"), handedOut.stream().sorted().toList());
            assertTrue(f.isExhausted());
        }
    }
}
