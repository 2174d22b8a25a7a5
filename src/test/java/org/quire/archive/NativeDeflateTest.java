package org.quire.archive;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NativeDeflateTest {

    /** Whether libdeflate's run-time library is where Debian, Ubuntu and Fedora install it. */
    static boolean libdeflateInstalled() {
        return Stream.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib")
                .anyMatch(dir -> Files.exists(Path.of(dir, "libdeflate.so.0")));
    }

    @Test
    void loadsWhereLibdeflateIsInstalled() {
        assumeTrue(libdeflateInstalled(), "libdeflate is not installed here");
        assertTrue(NativeDeflate.load(), "libdeflate loads through JNA and passes its round trip");
        assertTrue(NativeDeflate.active());
    }

    @Test
    void everySizeAroundTheBufferBoundariesInflatesBackToTheSameBytes() throws Exception {
        assumeTrue(libdeflateInstalled() && NativeDeflate.load());
        NativeDeflate.Compressor c = NativeDeflate.newCompressor();
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 100, 65_535, 65_536, 65_537, 2_000_000, 10_000}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            if (size > 10_000) { // half random, half text: both kinds of block
                byte[] text = "<p>A harbour council vote.</p>\n".repeat(size / 60).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(text, 0, data, 0, text.length);
            }
            byte[] out = c.deflate(data, size, 3, 5);
            assertNotNull(out, "size " + size);
            assertArrayEquals(data, inflate(out, 3, out.length - 8, size), "size " + size);
        }
        byte[] text = "<p>A harbour council vote.</p>\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        byte[] out = c.deflate(text, text.length, 0, 0);
        assertTrue(out.length < text.length / 10, "text is compressed, not stored: " + out.length);
    }

    private static byte[] inflate(byte[] in, int offset, int length, int expectedSize) throws Exception {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(in, offset, length);
            byte[] out = new byte[expectedSize + 1];
            int n = 0;
            while (!inflater.finished() && n < out.length) {
                int m = inflater.inflate(out, n, out.length - n);
                if (m == 0 && inflater.needsInput()) {
                    break;
                }
                n += m;
            }
            assertTrue(inflater.finished(), "one complete deflate stream");
            assertEquals(0, inflater.getRemaining(), "nothing after the stream");
            return Arrays.copyOf(out, n);
        } finally {
            inflater.end();
        }
    }
}
