package org.quire.archive;

import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcWriter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Turns one WARC record into one complete gzip member (RFC 1952 header, raw deflate at {@link Deflater#BEST_SPEED},
 * CRC-32 and size trailer): jwarc writes the record, uncompressed, into a buffer, which libdeflate compresses
 * ({@link NativeDeflate}, once loaded and where installed), else one reused zlib {@link Deflater}. Encoding is the
 * CPU-heavy part of archiving, so fetch threads do it each on their own ({@link #forThisThread}) and hold a file's
 * lock only to append the finished bytes. Not thread-safe.
 */
public final class GzipMemberEncoder {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int BUFFER = 64 * 1024;
    /** Buffers grown past this for a large record are dropped after it. */
    private static final int KEEP_BUFFER = 1 << 20;
    private static final ThreadLocal<GzipMemberEncoder> PER_THREAD =
            ThreadLocal.withInitial(() -> new GzipMemberEncoder(true));

    private final RecordBuffer record = new RecordBuffer();
    private final WarcWriter warc;
    private final CRC32 crc = new CRC32();
    /** libdeflate's compressor once {@link NativeDeflate} is ready, else null. */
    private NativeDeflate.Compressor fast;
    /** zlib's, made only when a record must be compressed before (or without) libdeflate. */
    private Deflater deflater;
    private byte[] compressed;
    private final boolean mayUseNative;
    private boolean lastWasNative;

    /** An encoder that switches to libdeflate once it is loaded if {@code mayUseNative}, else keeps to zlib. */
    GzipMemberEncoder(boolean mayUseNative) {
        this.mayUseNative = mayUseNative;
        try {
            this.warc = new WarcWriter(record, WarcCompression.NONE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot set up a WARC writer on a memory buffer", e);
        }
    }

    /** The calling thread's encoder. */
    public static GzipMemberEncoder forThisThread() {
        return PER_THREAD.get();
    }

    /** The gzip member holding {@code r}. */
    public byte[] encode(WarcRecord r) throws IOException {
        record.size = 0;
        warc.write(r);
        crc.reset();
        crc.update(record.data, 0, record.size);
        if (fast == null && mayUseNative && NativeDeflate.active()) {
            fast = NativeDeflate.newCompressor();
            if (deflater != null) {
                deflater.end();
                deflater = null;
                compressed = null;
            }
        }
        byte[] member = fast != null ? fast.deflate(record.data, record.size, HEADER.length, 8) : null;
        lastWasNative = member != null;
        if (member == null) {
            member = zlibDeflate(record.data, record.size);
        }
        System.arraycopy(HEADER, 0, member, 0, HEADER.length);
        int n = putIntLe(member, member.length - 8, (int) crc.getValue());
        putIntLe(member, n, record.size);
        if (record.data.length > KEEP_BUFFER) {
            record.data = new byte[BUFFER]; // a huge record's buffers are not kept by every fetch thread for good
        }
        return member;
    }

    /** {@code size} bytes of {@code data} deflated by zlib, with room for the header before and the trailer after. */
    private byte[] zlibDeflate(byte[] data, int size) {
        if (deflater == null) {
            deflater = new Deflater(Deflater.BEST_SPEED, true);
            compressed = new byte[BUFFER];
        }
        deflater.reset();
        deflater.setInput(data, 0, size);
        deflater.finish();
        int n = HEADER.length;
        while (!deflater.finished()) {
            if (n == compressed.length) {
                compressed = Arrays.copyOf(compressed, compressed.length * 2);
            }
            n += deflater.deflate(compressed, n, compressed.length - n);
        }
        byte[] member = Arrays.copyOf(compressed, n + 8);
        if (compressed.length > KEEP_BUFFER) {
            compressed = new byte[BUFFER];
        }
        return member;
    }

    /** Whether the last record was deflated by libdeflate (for tests: the zlib fallback is silent). */
    boolean lastWasNative() {
        return lastWasNative;
    }

    private static int putIntLe(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
        return at + 4;
    }

    /** The growable in-memory channel jwarc writes one record into. */
    private static final class RecordBuffer implements WritableByteChannel {
        private byte[] data = new byte[BUFFER];
        private int size;

        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            if (data.length - size < n) {
                data = Arrays.copyOf(data, Math.max(size + n, data.length * 2));
            }
            src.get(data, size, n);
            size += n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
