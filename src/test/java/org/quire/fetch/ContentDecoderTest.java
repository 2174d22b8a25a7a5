package org.quire.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.api.Test;

class ContentDecoderTest {

    private static final byte[] TEXT = "<html><body>Some page text, repeated. </body></html>\n".repeat(100)
            .getBytes(StandardCharsets.UTF_8);
    private static final long MB = 1024 * 1024;

    @Test
    void identityAndAbsentHeaderReturnTheBody() throws Exception {
        assertArrayEquals(TEXT, ContentDecoder.decode(TEXT, null, MB));
        assertArrayEquals(TEXT, ContentDecoder.decode(TEXT, "", MB));
        assertArrayEquals(TEXT, ContentDecoder.decode(TEXT, "Identity", MB));
    }

    @Test
    void gzipAndXGzip() throws Exception {
        byte[] gz = gzip(TEXT);
        assertTrue(gz.length < TEXT.length);
        assertArrayEquals(TEXT, ContentDecoder.decode(gz, "gzip", MB));
        assertArrayEquals(TEXT, ContentDecoder.decode(gz, "X-GZIP", MB));
    }

    @Test
    void deflateZlibWrappedAndRaw() throws Exception {
        assertArrayEquals(TEXT, ContentDecoder.decode(deflate(TEXT, false), "deflate", MB));
        assertArrayEquals(TEXT, ContentDecoder.decode(deflate(TEXT, true), "deflate", MB));
    }

    @Test
    void brotliFromAFileMadeByTheBrotliTool() throws Exception {
        byte[] br = resource("brotli-plain.txt.br");
        byte[] plain = resource("brotli-plain.txt");
        assertArrayEquals(plain, ContentDecoder.decode(br, "br", MB));
    }

    @Test
    void zstd() throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZstdCompressorOutputStream z = new ZstdCompressorOutputStream(bos)) {
            z.write(TEXT);
        }
        assertArrayEquals(TEXT, ContentDecoder.decode(bos.toByteArray(), "zstd", MB));
    }

    @Test
    void stackedEncodingsAreUndoneInReverseOrder() throws Exception {
        // "deflate, gzip": deflate applied first, then gzip.
        byte[] twice = gzip(deflate(TEXT, false));
        assertArrayEquals(TEXT, ContentDecoder.decode(twice, "deflate, gzip", MB));
        // Applying them in the wrong order fails rather than returning garbage.
        assertThrows(ContentDecodingException.class, () -> ContentDecoder.decode(twice, "gzip, deflate", MB));

        byte[] gzOfBr = gzip(resource("brotli-plain.txt.br"));
        assertArrayEquals(resource("brotli-plain.txt"), ContentDecoder.decode(gzOfBr, "br, gzip", MB));
    }

    @Test
    void stopsADecompressionBomb() throws Exception {
        byte[] zeros = new byte[20 * (int) MB];
        byte[] bomb = gzip(zeros);
        assertTrue(bomb.length < 100_000);
        ContentDecodingException e = assertThrows(ContentDecodingException.class,
                () -> ContentDecoder.decode(bomb, "gzip", MB));
        assertTrue(e.getMessage().contains("exceeds the limit of " + MB), e.getMessage());

        assertThrows(ContentDecodingException.class,
                () -> ContentDecoder.decode(resource("zeros-10MiB.br"), "br", MB));
        assertEquals(10 * MB, ContentDecoder.decode(resource("zeros-10MiB.br"), "br", 10 * MB).length);
    }

    @Test
    void unknownEncodingIsNamed() {
        ContentDecodingException e = assertThrows(ContentDecodingException.class,
                () -> ContentDecoder.decode(TEXT, "gzip, compress", MB));
        assertTrue(e.getMessage().contains("\"compress\""), e.getMessage());
    }

    @Test
    void corruptDataThrows() {
        assertThrows(ContentDecodingException.class, () -> ContentDecoder.decode(TEXT, "gzip", MB));
        assertThrows(ContentDecodingException.class, () -> ContentDecoder.decode(TEXT, "br", MB));
        assertThrows(ContentDecodingException.class, () -> ContentDecoder.decode(TEXT, "zstd", MB));
    }

    @Test
    void aTruncatedBodyYieldsItsDecodedStartWhenAccepted() throws Exception {
        byte[] gz = gzip(TEXT);
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        assertThrows(ContentDecodingException.class, () -> ContentDecoder.decode(cut, "gzip", MB));
        byte[] partial = ContentDecoder.decode(cut, "gzip", MB, true);
        assertTrue(partial.length > 0 && partial.length < TEXT.length, "partial length " + partial.length);
        assertArrayEquals(Arrays.copyOf(TEXT, partial.length), partial);
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
        }
        return bos.toByteArray();
    }

    private static byte[] deflate(byte[] data, boolean raw) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        try (DeflaterOutputStream d = new DeflaterOutputStream(bos, deflater)) {
            d.write(data);
        }
        deflater.end();
        return bos.toByteArray();
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ContentDecoderTest.class.getResourceAsStream("/fetch/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource /fetch/" + name);
            }
            return in.readAllBytes();
        }
    }
}
