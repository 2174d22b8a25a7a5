package org.quire.archive;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Walks the gzip members of a file one by one and knows exactly where each begins and ends: the tool that finds
 * where a WARC file (one gzip member per record) stops being whole. A member counts only when it inflates to its
 * end and its trailer's CRC-32 and length match; the walk stops at the first member that does not (a record torn
 * by a crash, or junk), and {@link #scan} reports the end of the last whole member.
 */
public final class GzipMembers {

    /** A member's decompressed bytes above this are refused (treated as the end of the whole part). */
    static final int MAX_MEMBER_BYTES = 512 * 1024 * 1024;

    /** What the walk is told for each whole member. */
    @FunctionalInterface
    public interface Sink {
        void member(long offset, long length, byte[] data) throws IOException;
    }

    private final FileChannel ch;
    private final ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    private long bufStart;

    private GzipMembers(FileChannel ch, long from) {
        this.ch = ch;
        this.bufStart = from;
        buf.limit(0);
    }

    /**
     * Walks the members of {@code file} from byte {@code from} on.
     *
     * @return the end offset of the last whole member (== {@code from} when none is whole)
     */
    public static long scan(Path file, long from, Sink sink) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            GzipMembers g = new GzipMembers(ch, from);
            long end = from;
            while (true) {
                long offset = g.position();
                byte[] data;
                try {
                    if (!g.hasMore()) {
                        return end;
                    }
                    data = g.readMember();
                } catch (EOFException | DataFormatException | MemberException e) {
                    return end;
                }
                end = g.position();
                sink.member(offset, end - offset, data);
            }
        }
    }

    private static final class MemberException extends Exception {
        MemberException(String m) {
            super(m);
        }
    }

    private long position() {
        return bufStart + buf.position();
    }

    private boolean fill() throws IOException {
        if (buf.hasRemaining()) {
            return true;
        }
        bufStart += buf.position();
        buf.clear();
        int n = ch.read(buf, bufStart);
        buf.flip();
        return n > 0;
    }

    private boolean hasMore() throws IOException {
        return fill();
    }

    private int u8() throws IOException {
        if (!fill()) {
            throw new EOFException();
        }
        return buf.get() & 0xFF;
    }

    private int u16() throws IOException {
        return u8() | (u8() << 8);
    }

    private long u32() throws IOException {
        return (u16() & 0xFFFFL) | ((long) u16() << 16);
    }

    private byte[] readMember() throws IOException, DataFormatException, MemberException {
        if (u8() != 0x1f || u8() != 0x8b || u8() != 8) {
            throw new MemberException("not a gzip member");
        }
        int flags = u8();
        for (int i = 0; i < 6; i++) {
            u8(); // mtime, xfl, os
        }
        if ((flags & 4) != 0) {
            int xlen = u16();
            for (int i = 0; i < xlen; i++) {
                u8();
            }
        }
        if ((flags & 8) != 0) {
            while (u8() != 0) {
                // file name
            }
        }
        if ((flags & 16) != 0) {
            while (u8() != 0) {
                // comment
            }
        }
        if ((flags & 2) != 0) {
            u16();
        }
        Inflater inf = new Inflater(true);
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] chunk = new byte[64 * 1024];
            while (!inf.finished()) {
                if (inf.needsInput()) {
                    if (!fill()) {
                        throw new EOFException();
                    }
                    inf.setInput(buf.array(), buf.position(), buf.remaining());
                }
                int before = inf.getRemaining();
                int n = inf.inflate(chunk);
                buf.position(buf.position() + (before - inf.getRemaining()));
                if (n > 0) {
                    out.write(chunk, 0, n);
                    if (out.size() > MAX_MEMBER_BYTES) {
                        throw new MemberException("member too large");
                    }
                } else if (inf.needsDictionary()) {
                    throw new MemberException("needs a dictionary");
                }
            }
            byte[] data = out.toByteArray();
            long crc = u32();
            long size = u32();
            CRC32 c = new CRC32();
            c.update(data);
            if (c.getValue() != crc || (data.length & 0xFFFFFFFFL) != size) {
                throw new MemberException("CRC or length mismatch");
            }
            return data;
        } finally {
            inf.end();
        }
    }
}
