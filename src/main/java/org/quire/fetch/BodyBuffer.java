package org.quire.fetch;

import java.util.Arrays;

/**
 * The bytes of one response body as they arrive, in one array: started at the size the server announced (never
 * above {@link #MAX_INITIAL}, so a false Content-Length reserves at most that), doubled when a body runs past it
 * (never beyond the limit), and handed over without a copy when it came out exactly full. A body of the announced
 * size is so read into one array of its size, where a {@code ByteArrayOutputStream} and a read buffer made four or
 * five. Not thread-safe.
 */
final class BodyBuffer {

    /** The largest array started from an announced length; a longer body grows from there as it arrives. */
    static final int MAX_INITIAL = 1 << 20;
    /** The first size when the length is not announced. */
    static final int UNKNOWN_INITIAL = 16 * 1024;
    /** The largest array a JVM reliably makes. */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private final int cap;
    private byte[] data;
    private int size;

    /**
     * @param announced the Content-Length, or a negative number when none was given
     * @param limit     the most bytes that will be kept (at most {@link #MAX_ARRAY})
     */
    BodyBuffer(long announced, long limit) {
        cap = (int) Math.max(0, Math.min(limit, MAX_ARRAY));
        long initial = announced >= 0 ? Math.min(announced, MAX_INITIAL) : UNKNOWN_INITIAL;
        data = new byte[(int) Math.min(initial, cap)];
    }

    /** Whether the array is full (the next read needs a larger one, or the limit is reached). */
    boolean full() {
        return size == data.length;
    }

    /** Whether the bytes held reached the limit: nothing more will be kept. */
    boolean atLimit() {
        return size >= cap;
    }

    /** The array to read into at {@link #size()}, grown (never beyond the limit) when it is full. */
    byte[] room() {
        if (full()) {
            long grown = Math.max(UNKNOWN_INITIAL, (long) data.length * 2);
            data = Arrays.copyOf(data, (int) Math.min(grown, cap));
        }
        return data;
    }

    /** Bytes held. */
    int size() {
        return size;
    }

    /** Notes that {@code n} more bytes were read into {@link #room} at {@link #size()}. */
    void advance(int n) {
        size += n;
    }

    /** The bytes read, in an array of exactly their length. */
    byte[] toArray() {
        return size == data.length ? data : Arrays.copyOf(data, size);
    }
}
