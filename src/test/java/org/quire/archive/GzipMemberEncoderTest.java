package org.quire.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcWriter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class GzipMemberEncoderTest {

    private static final Instant DATE = Instant.parse("2026-12-05T12:00:00Z");

    private static List<byte[]> bodies() {
        List<byte[]> bodies = new ArrayList<>();
        bodies.add(new byte[0]);
        bodies.add("hello".getBytes(StandardCharsets.UTF_8));
        byte[] big = new byte[1_500_000]; // past the size the encoder keeps its buffers at
        new Random(1).nextBytes(big);
        bodies.add(big);
        bodies.add("<p>text</p>".repeat(20_000).getBytes(StandardCharsets.UTF_8));
        bodies.add("after the large ones".getBytes(StandardCharsets.UTF_8));
        return bodies;
    }

    private static WarcRecord record(int i, byte[] body) {
        return new WarcResource.Builder(URI.create("http://127.0.0.1/" + i)).date(DATE)
                .recordId(URI.create("urn:uuid:00000000-0000-0000-0000-00000000000" + i))
                .body(MediaType.OCTET_STREAM, body).build();
    }

    private static byte[] uncompressed(WarcRecord r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WarcWriter(Channels.newChannel(out), WarcCompression.NONE).write(r);
        return out.toByteArray();
    }

    private static void assertMembersHoldTheRecords(GzipMemberEncoder encoder, boolean natively) throws Exception {
        List<byte[]> bodies = bodies();
        for (int i = 0; i < bodies.size(); i++) {
            byte[] member = encoder.encode(record(i, bodies.get(i)));
            assertEquals(natively, encoder.lastWasNative(), "record " + i + " deflated by libdeflate");
            assertEquals(0x1f, member[0] & 0xff);
            assertEquals(0x8b, member[1] & 0xff);
            // GZIPInputStream checks the CRC-32 and the length in the trailer, and reads one member only if alone
            byte[] back = new GZIPInputStream(new ByteArrayInputStream(member)).readAllBytes();
            assertArrayEquals(uncompressed(record(i, bodies.get(i))), back, "record " + i);
        }
    }

    @Test
    void zlibMembersDecodeToTheRecordsExactBytes() throws Exception {
        assertMembersHoldTheRecords(new GzipMemberEncoder(false), false);
    }

    @Test
    void libdeflateMembersDecodeToTheRecordsExactBytes() throws Exception {
        assumeTrue(NativeDeflateTest.libdeflateInstalled() && NativeDeflate.load());
        assertMembersHoldTheRecords(new GzipMemberEncoder(true), true); // not the silent zlib fallback
    }

    @Test
    void aWarcFileMayMixMembersOfBothAndJwarcReadsEveryRecord(@TempDir Path dir) throws Exception {
        assumeTrue(NativeDeflateTest.libdeflateInstalled() && NativeDeflate.load());
        GzipMemberEncoder zlib = new GzipMemberEncoder(false);
        GzipMemberEncoder fast = new GzipMemberEncoder(true);
        List<byte[]> bodies = bodies();
        Path file = dir.resolve("mixed.warc.gz");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < bodies.size(); i++) {
            all.write((i % 2 == 0 ? zlib : fast).encode(record(i, bodies.get(i))));
        }
        Files.write(file, all.toByteArray());
        int i = 0;
        try (WarcReader reader = new WarcReader(file)) {
            for (WarcRecord r : reader) {
                assertEquals(WarcCompression.GZIP, reader.compression());
                assertArrayEquals(bodies.get(i), r.body().stream().readAllBytes(), "record " + i);
                i++;
            }
        }
        assertEquals(bodies.size(), i);
    }
}
