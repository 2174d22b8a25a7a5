package org.quire.archive;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;

/**
 * A record body already in memory, as the channel jwarc's builders read a body from. Their {@code byte[]} variant
 * wraps the array in an {@code InputStream} and that in {@code Channels.newChannel}, which allocates a transfer
 * buffer for every record and copies each byte twice; this one puts the array's bytes straight into the reader's
 * buffer.
 */
public final class ByteArrayChannel implements ReadableByteChannel {

    private final byte[] data;
    private int position;
    private boolean open = true;

    public ByteArrayChannel(byte[] data) {
        this.data = data;
    }

    @Override
    public int read(ByteBuffer dst) throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
        int left = data.length - position;
        if (left == 0) {
            return -1;
        }
        int n = Math.min(left, dst.remaining());
        dst.put(data, position, n);
        position += n;
        return n;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
