package org.quire.archive;

import org.netpreserve.jwarc.WarcRecord;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * Writes WARC records to a channel, one gzip member per record ({@link GzipMemberEncoder}, deflate at
 * {@code BEST_SPEED}): the same record-at-a-time gzip WARC that jwarc's own gzip writer makes, at about a third of
 * the CPU (jwarc's uses the default level). Records can be encoded beforehand, outside any lock, and
 * {@link #append appended} as bytes. Not thread-safe: callers serialise writes.
 */
public final class FastGzipWarcWriter implements AutoCloseable {

    private final WritableByteChannel out;
    private long position;

    /** Writes to {@code out}, whose current position is taken as 0. */
    public FastGzipWarcWriter(WritableByteChannel out) {
        this.out = out;
    }

    /** Writes {@code r} as one gzip member. */
    public void write(WarcRecord r) throws IOException {
        append(GzipMemberEncoder.forThisThread().encode(r));
    }

    /** Appends one gzip member made by {@link GzipMemberEncoder#encode}. */
    public void append(byte[] member) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(member);
        try {
            while (buf.hasRemaining()) {
                out.write(buf);
            }
        } finally {
            position += buf.position();
        }
    }

    /**
     * Appends gzip members one after the other, in one gathering write where the channel takes one (a response
     * and its request record: one system call instead of two).
     */
    public void appendAll(byte[][] members) throws IOException {
        if (members.length == 1 || !(out instanceof GatheringByteChannel g)) {
            for (byte[] m : members) {
                append(m);
            }
            return;
        }
        ByteBuffer[] bufs = new ByteBuffer[members.length];
        long total = 0;
        for (int i = 0; i < members.length; i++) {
            bufs[i] = ByteBuffer.wrap(members[i]);
            total += members[i].length;
        }
        long written = 0;
        try {
            while (written < total) {
                written += g.write(bufs);
            }
        } finally {
            position += written; // what reached the file, even when a write failed part-way
        }
    }

    /** Bytes written so far (compressed), i.e. where the next record's gzip member begins. */
    public long position() {
        return position;
    }

    /** Closes the channel. */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
