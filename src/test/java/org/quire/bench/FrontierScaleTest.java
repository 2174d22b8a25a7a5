package org.quire.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.frontier.SqliteFrontier;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The frontier fill of 'quire bench --mode frontier', run in-process on a small N. */
class FrontierScaleTest {

    @Test
    void fillsTheFrontierWithEveryUrlOnceAndReportsTenCheckpoints(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        FrontierScale.Result r = FrontierScale.run(tmp.resolve("frontier.db"), 20_000, 200, out);
        String text = bytes.toString(StandardCharsets.UTF_8);

        assertEquals(20_000, r.added(), text);
        assertEquals(10, r.checkpoints().size(), text);
        assertEquals(List.of(10, 20, 30, 40, 50, 60, 70, 80, 90, 100),
                r.checkpoints().stream().map(FrontierScale.Checkpoint::percent).toList());
        assertEquals(20_000, r.checkpoints().get(9).urls());
        // 200 URLs taken and completed at each checkpoint
        assertEquals(2_000, r.stats().done(), text);
        assertEquals(18_000, r.stats().queued(), text);
        assertEquals(200, r.stats().hosts(), text);
        assertTrue(text.matches("(?s).*\\n +100%  +20,000 URLs  insert .* links/s .* new/s\\)  next\\+complete .* us"
                + "  heap after GC .* MB  database .* MB\\n.*"), text);
        assertTrue(text.contains("verdict: 20000 of 20000 URLs stored (18000 queued, 2000 done), 200 hosts"), text);

        // reopened, the frontier still holds them all, and hands out URLs of the generated shape
        try (SqliteFrontier f = SqliteFrontier.open(tmp.resolve("frontier.db"))) {
            assertEquals(18_000, f.stats().queued());
            String url = f.next(java.time.Duration.ZERO).orElseThrow().url();
            assertTrue(url.matches("https://www\\.news\\d+\\.example/[a-z]+/20\\d\\d/[a-z]+-[a-z]+-[a-z]+-\\d+\\.html"), url);
        }
    }

    @Test
    void batchesAreAboutHalfNewRealisticallyLongAndRepeatOnlyUrlsAlreadyOffered() {
        FrontierScale gen = new FrontierScale(100_000, 1_000, new PrintStream(new ByteArrayOutputStream()));
        Set<String> offered = new HashSet<>();
        for (int b = 0; b < 4_000; b++) {
            List<org.quire.frontier.Candidate> batch = gen.nextBatch();
            int fresh = 0;
            for (var c : batch) {
                assertTrue(c.url().length() >= 55 && c.url().length() <= 95, c.url());
                if (offered.add(c.url())) {
                    fresh++;
                }
            }
            assertEquals(b == 0 ? 13 : 25, batch.size());
            assertTrue(fresh == FrontierScale.NEW_PER_BATCH, "batch " + b + ": " + fresh + " new");
        }
    }
}
