package org.quire.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.quire.testweb.ConsoleCapture;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Smoke test of 'quire bench': a real child crawl JVM over 2 hosts x 5 pages; no speed is asserted. */
class BenchCommandTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void crawlsTheWholeBenchWebInAChildJvmAndReportsItsFigures(@TempDir Path tmp) throws Exception {
        int code = Main.run("bench", "--mode", "raw", "--hosts", "2", "--pages", "5", "--runs", "1", "--no-wget",
                    "--work", tmp.resolve("w").toString(), "--keep");
        String text = console.out();
        assertEquals(0, code, text);
        assertTrue(text.contains("      10 pages") && text.contains("pages.jsonl 10 lines"), text);
        assertTrue(text.contains("0 violations"), text);
        assertTrue(text.matches("(?s).*CPU +\\d+\\.\\d\\d s \\(user \\d+\\.\\d\\d \\+ sys \\d+\\.\\d\\d\\).*peak RSS \\d+ MB.*"), text);
        try (var files = Files.walk(tmp.resolve("w"))) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith(".warc.gz")), "a WARC file was written");
        }
    }

    @Test
    void fillsAFrontierInAChildJvmWithAHalfGigabyteHeapAndPrintsEveryCheckpoint(@TempDir Path tmp) throws Exception {
        int code = Main.run("bench", "--mode", "frontier", "--frontier-urls", "20000", "--frontier-hosts", "200",
                    "--work", tmp.resolve("w").toString(), "--keep");
        String text = console.out();
        assertEquals(0, code, text);
        // maxMemory() under -Xmx512m: 512 MB, or less one survivor space with the launcher's serial collector
        assertTrue(text.matches("(?s).*heap limit (4[6-9]\\d|5[01]\\d) MB.*"), text);
        for (String p : new String[]{" 10%", " 50%", "100%"}) {
            assertTrue(text.matches("(?s).*\\n +" + p + " +[\\d,]+ URLs  insert .* next\\+complete .* heap after GC .*"), p + ": " + text);
        }
        assertTrue(text.contains("verdict: 20000 of 20000 URLs stored (18000 queued, 2000 done), 200 hosts"), text);
        assertTrue(text.matches("(?s).*child JVM: exit 0, .* CPU \\d+\\.\\d\\d s \\(user .* peak RSS \\d+ MB.*"), text);
        assertTrue(Files.size(tmp.resolve("w/frontier/frontier.db")) > 20_000 * 60, "the URLs are on disk");
        assertTrue(!text.contains("== raw"), "no crawl in the frontier mode");
    }

    @Test
    void aBadModeIsABadArgument() {
        assertEquals(ExitCode.BAD_INPUT, Main.run("bench", "--mode", "fast"));
    }
}
