package org.quire.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.fetch.FetchResult;
import org.quire.testweb.WarcCheck;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Repairing WARC files and line files a crash left behind. */
class WarcFileRepairTest {

    @TempDir
    Path tmp;

    private static final WarcinfoFields INFO = new WarcinfoFields("quire/test", "host", "op", "c@example.org",
            "obey", "news", "quire/test");

    /** Writes three captures and returns the closed file and the locations of their response records. */
    private Path written(List<RecordLocation> locs) throws Exception {
        Path dir = tmp.resolve("src");
        try (WarcArchiver a = new WarcArchiver(dir, "news", Instant.parse("2026-11-20T10:00:00Z"), 0, INFO)) {
            for (int i = 0; i < 3; i++) {
                locs.add(a.archive(FetchResults.html("http://example.org/" + i,
                        "<html><body><p>page " + i + "</p></body></html>")));
            }
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findFirst().orElseThrow();
        }
    }

    private Path asOpen(Path closed, long keepBytes, byte[] extra) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("job"));
        Path open = dir.resolve(closed.getFileName() + ".open");
        Files.copy(closed, open);
        try (FileChannel ch = FileChannel.open(open, StandardOpenOption.WRITE)) {
            ch.truncate(keepBytes);
        }
        if (extra != null) {
            Files.write(open, extra, StandardOpenOption.APPEND);
        }
        return open;
    }

    @Test
    void aTornLastRecordIsCutAndTheFileRenamed() throws Exception {
        List<RecordLocation> locs = new ArrayList<>();
        Path closed = written(locs);
        RecordLocation last = locs.get(2);
        // cut in the middle of the last response record's gzip member
        Path open = asOpen(closed, last.offset() + last.length() / 2, null);
        WarcFileRepair.Result r = WarcFileRepair.repair(open);
        assertFalse(Files.exists(open));
        assertEquals(closed.getFileName(), r.file().getFileName());
        assertEquals(last.offset(), Files.size(r.file()), "cut exactly where the torn record began");
        assertEquals(last.length() / 2, r.cutBytes());
        List<WarcCheck.Rec> recs = WarcCheck.read(r.file()); // re-reads without error, digests verified
        assertEquals(List.of("warcinfo", "response", "request", "response", "request"),
                recs.stream().map(WarcCheck.Rec::type).toList());
        assertEquals(locs.get(1).offset(), r.records().get(3).offset());
        assertEquals(locs.get(1).recordId(), r.records().get(3).recordId());
        assertEquals(200, r.records().get(3).httpStatus());
    }

    @Test
    void junkAfterTheLastRecordAndABadChecksumAreCut() throws Exception {
        List<RecordLocation> locs = new ArrayList<>();
        Path closed = written(locs);
        long size = Files.size(closed);
        Path open = asOpen(closed, size, "garbage after the end".getBytes(StandardCharsets.US_ASCII));
        WarcFileRepair.Result r = WarcFileRepair.repair(open);
        assertEquals(size, Files.size(r.file()));
        WarcCheck.read(r.file());

        // flip a byte of the last member's CRC-32 trailer: that member is not whole
        Files.delete(r.file());
        Path flipped = asOpen(closed, size, null);
        byte[] b = Files.readAllBytes(flipped);
        b[b.length - 6] ^= 0x55;
        Files.write(flipped, b);
        WarcFileRepair.Result r2 = WarcFileRepair.repair(flipped);
        assertTrue(Files.size(r2.file()) < size, "the member with the bad checksum is cut");
        WarcCheck.read(r2.file());
    }

    @Test
    void aResponseRecordReadsBackAsItsFetchResult() throws Exception {
        List<RecordLocation> locs = new ArrayList<>();
        Path closed = written(locs);
        FetchResult r = WarcFileRepair.reread(closed, locs.get(1).offset());
        assertEquals("http://example.org/1", r.url().toString());
        assertEquals(200, r.status());
        assertArrayEquals("<html><body><p>page 1</p></body></html>".getBytes(StandardCharsets.UTF_8), r.body());
        assertTrue(r.mimeType().equals("text/html"), r.mimeType());
    }

    @Test
    void anOpenFileWithNothingWholeIsDeleted() throws Exception {
        List<RecordLocation> locs = new ArrayList<>();
        Path closed = written(locs);
        Path open = asOpen(closed, 7, null);
        WarcFileRepair.Result r = WarcFileRepair.repair(open);
        assertTrue(r.records().isEmpty());
        assertFalse(Files.exists(open));
        assertFalse(Files.exists(open.resolveSibling(closed.getFileName())));
    }

    @Test
    void tornLastLinesAreCut() throws Exception {
        Path f = tmp.resolve("pages.jsonl");
        Files.writeString(f, "{\"a\":1}\n{\"b\":2}\n{\"c\":");
        assertEquals(5, LineFiles.cutTornLastLine(f));
        assertEquals("{\"a\":1}\n{\"b\":2}\n", Files.readString(f));
        assertEquals(0, LineFiles.cutTornLastLine(f));
        Files.writeString(f, "no newline at all");
        LineFiles.cutTornLastLine(f);
        assertEquals("", Files.readString(f));
        assertEquals(0, LineFiles.cutTornLastLine(tmp.resolve("missing")));
    }
}
