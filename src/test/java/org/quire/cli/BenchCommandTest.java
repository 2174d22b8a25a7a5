package org.quire.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Smoke test of 'quire bench': a real child crawl JVM over 2 hosts x 5 pages; no speed is asserted. */
class BenchCommandTest {

    @Test
    void crawlsTheWholeBenchWebInAChildJvmAndReportsItsFigures(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run("bench", "--mode", "raw", "--hosts", "2", "--pages", "5", "--runs", "1", "--no-wget",
                    "--work", tmp.resolve("w").toString(), "--keep");
        } finally {
            System.setOut(old);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        assertTrue(text.contains("      10 pages") && text.contains("pages.jsonl 10 lines"), text);
        assertTrue(text.contains("0 violations"), text);
        assertTrue(text.matches("(?s).*CPU +\\d+\\.\\d\\d s.*peak RSS \\d+ MB.*"), text);
        try (var files = Files.walk(tmp.resolve("w"))) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith(".warc.gz")), "a WARC file was written");
        }
    }

    @Test
    void aBadModeIsABadArgument() {
        assertEquals(ExitCode.BAD_INPUT, Main.run("bench", "--mode", "fast"));
    }
}
