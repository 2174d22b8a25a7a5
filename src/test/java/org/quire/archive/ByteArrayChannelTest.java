package org.quire.archive;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ByteArrayChannelTest {

    @Test
    void handsOverTheBytesInAsManyReadsAsTheBufferNeedsThenSaysEnd() throws Exception {
        ByteArrayChannel ch = new ByteArrayChannel("hello world".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer small = ByteBuffer.allocate(4);
        StringBuilder got = new StringBuilder();
        int n;
        while ((n = ch.read(small)) != -1) {
            assertEquals(n, small.position());
            small.flip();
            got.append(StandardCharsets.US_ASCII.decode(small));
            small.clear();
        }
        assertEquals("hello world", got.toString());
        assertEquals(-1, ch.read(ByteBuffer.allocate(4)));
    }

    @Test
    void aFullBufferGetsNothingAndAClosedChannelRefuses() throws Exception {
        ByteArrayChannel ch = new ByteArrayChannel(new byte[] {1, 2, 3});
        assertEquals(0, ch.read(ByteBuffer.allocate(0)));
        ch.close();
        assertFalse(ch.isOpen());
        assertThrows(ClosedChannelException.class, () -> ch.read(ByteBuffer.allocate(8)));
    }
}
