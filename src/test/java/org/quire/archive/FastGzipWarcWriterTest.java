package org.quire.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;

import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FastGzipWarcWriterTest {

    @Test
    void membersAppendedTogetherLandInOrderWithTheirPositionsCounted(@TempDir Path dir) throws Exception {
        byte[] a = "first member".getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[200_000];
        new Random(2).nextBytes(b);
        byte[] c = "third".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("gathered");
        java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
        try (FastGzipWarcWriter gathering = new FastGzipWarcWriter(
                FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
             FastGzipWarcWriter oneByOne = new FastGzipWarcWriter(java.nio.channels.Channels.newChannel(plain))) {
            gathering.append(c);
            gathering.appendAll(new byte[][] {a, b});
            gathering.appendAll(new byte[][] {c});
            oneByOne.append(c);
            oneByOne.appendAll(new byte[][] {a, b}); // not a gathering channel: member by member
            oneByOne.appendAll(new byte[][] {c});
            assertEquals(c.length * 2L + a.length + b.length, gathering.position());
            assertEquals(gathering.position(), oneByOne.position());
        }
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        expected.write(c);
        expected.write(a);
        expected.write(b);
        expected.write(c);
        assertArrayEquals(expected.toByteArray(), java.nio.file.Files.readAllBytes(file));
        assertArrayEquals(expected.toByteArray(), plain.toByteArray());
    }

    @Test
    void everyRecordIsOneGzipMemberThatJwarcReadsBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.warc.gz");
        List<byte[]> bodies = new ArrayList<>();
        bodies.add("hello".getBytes(StandardCharsets.UTF_8));
        bodies.add(new byte[0]);
        byte[] big = new byte[1_500_000]; // past the size the encoder keeps its buffers at: the next records still work
        new Random(1).nextBytes(big);
        bodies.add(big);
        bodies.add("<p>text</p>".repeat(20_000).getBytes(StandardCharsets.UTF_8));
        List<Long> offsets = new ArrayList<>();
        long end;
        try (FastGzipWarcWriter w = new FastGzipWarcWriter(
                FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
            for (int i = 0; i < bodies.size(); i++) {
                offsets.add(w.position());
                w.write(new WarcResource.Builder(URI.create("http://127.0.0.1/" + i))
                        .body(MediaType.OCTET_STREAM, bodies.get(i)).build());
            }
            end = w.position();
        }
        List<Long> members = new ArrayList<>();
        long scanned = GzipMembers.scan(file, 0, (offset, length, data) -> members.add(offset));
        assertEquals(offsets, members);
        assertEquals(end, scanned);

        int i = 0;
        try (WarcReader reader = new WarcReader(file)) {
            for (WarcRecord r : reader) {
                assertEquals("http://127.0.0.1/" + i, ((WarcResource) r).target());
                assertArrayEquals(bodies.get(i), r.body().stream().readAllBytes());
                assertEquals((long) offsets.get(i), reader.position());
                i++;
            }
        }
        assertEquals(bodies.size(), i);
    }
}
