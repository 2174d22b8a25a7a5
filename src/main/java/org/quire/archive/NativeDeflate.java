package org.quire.archive;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Raw deflate through the system's libdeflate, loaded once in the background: its level 1 compresses WARC records
 * some 1.8 times faster than zlib's level 1 (the JDK's {@link java.util.zip.Deflater}) and a little smaller, and
 * compressing was ~15 % of a fetch thread's CPU. {@link #preload} starts loading (JNA and the library, ~0.1 s) on a
 * daemon thread while the crawl sets up; until it is ready, or where libdeflate is not installed (or JNA has no
 * build for the platform), {@link GzipMemberEncoder} uses zlib. Both make standard deflate streams, so a WARC file
 * may mix them. A round trip through the JDK's {@link Inflater} is checked before the library is used.
 */
public final class NativeDeflate {

    /** libdeflate's fastest level, the counterpart of zlib's level 1. */
    private static final int LEVEL = 1;
    private static final Cleaner CLEANER = Cleaner.create();
    /** Native buffers grown past this for a large record are dropped after it. */
    private static final long KEEP_BUFFER = 1 << 20;

    /** Unset, JNA fills it from the output of {@code ldconfig -p}, a process of its own at every start. */
    private static final String JNA_LIBRARY_PATH = "jna.platform.library.path";

    private static volatile boolean ready;
    private static final BackgroundLoad LOAD =
            new BackgroundLoad("native-deflate-load", "quire.no-native-deflate", NativeDeflate::load);

    private NativeDeflate() {
    }

    /** Starts loading libdeflate on a daemon thread (once; later calls do nothing). */
    public static void preload() {
        LOAD.start();
    }

    /** Loads and checks libdeflate on this thread; false when it cannot be had here. */
    static synchronized boolean load() {
        if (ready) {
            return true;
        }
        try {
            if (Native.SIZE_T_SIZE != 8) { // the bindings below pass size_t as a Java long
                return false;
            }
            if (System.getProperty(JNA_LIBRARY_PATH) == null) {
                System.setProperty(JNA_LIBRARY_PATH, ""); // no ldconfig run: library() names the file itself
            }
            Native.register(Lib.class, library());
            if (!roundTrips()) {
                return false;
            }
            ready = true;
            return true;
        } catch (Throwable e) { // no libdeflate, no JNA build for this platform: UnsatisfiedLinkError and the like
            return false;
        }
    }

    /**
     * libdeflate by its run-time name on Linux (found by the dynamic linker's cache; the link name libdeflate.so
     * exists only with the -dev package, and looking a bare name up makes JNA run ldconfig), else by its link name
     * (macOS, Windows, a local build).
     */
    private static NativeLibrary library() {
        try {
            return NativeLibrary.getInstance("libdeflate.so.0");
        } catch (UnsatisfiedLinkError e) {
            return NativeLibrary.getInstance("deflate");
        }
    }

    private static boolean roundTrips() throws DataFormatException {
        byte[] in = "WARC/1.1\r\nWARC-Type: response\r\n\r\nabcabcabcabcabcabc\r\n\r\n".repeat(50)
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = newCompressor().deflate(in, in.length, 0, 0);
        if (out == null) {
            return false;
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(out);
            byte[] back = new byte[in.length + 1];
            int m = inflater.inflate(back);
            return inflater.finished() && m == in.length && Arrays.equals(in, 0, m, back, 0, m);
        } finally {
            inflater.end();
        }
    }

    /** Whether compression now goes through libdeflate. */
    public static boolean active() {
        return ready;
    }

    /** A new compressor (for one thread at a time); only once {@link #active()}. */
    static Compressor newCompressor() {
        return new Compressor(Lib.libdeflate_alloc_compressor(LEVEL));
    }

    /**
     * One libdeflate compressor with its native input and output buffers (so each call copies exactly the bytes in
     * and the bytes out): not thread-safe; its native memory is freed once it is unreachable.
     */
    static final class Compressor {
        private final Pointer handle;
        private Memory in = new Memory(64 * 1024);
        private Memory out = new Memory(64 * 1024);

        private Compressor(Pointer handle) {
            if (handle == null) {
                throw new OutOfMemoryError("libdeflate could not allocate a compressor");
            }
            this.handle = handle;
            CLEANER.register(this, () -> Lib.libdeflate_free_compressor(handle));
        }

        /**
         * The first {@code length} bytes of {@code data} as one raw deflate stream, in a new array at offset
         * {@code before} with {@code after} bytes to spare behind it; null if libdeflate failed (it cannot, given
         * room for its bound).
         */
        byte[] deflate(byte[] data, int length, int before, int after) {
            long bound = Lib.libdeflate_deflate_compress_bound(handle, length);
            if (in.size() < length) {
                long grown = Math.max(length, in.size() * 2);
                in.close();
                in = new Memory(grown);
            }
            if (out.size() < bound) {
                long grown = Math.max(bound, out.size() * 2);
                out.close();
                out = new Memory(grown);
            }
            in.write(0, data, 0, length);
            long n = Lib.libdeflate_deflate_compress(handle, in, length, out, out.size());
            if (n <= 0 || before + n + after > Integer.MAX_VALUE - 16) {
                return null;
            }
            byte[] result = new byte[(int) (before + n + after)];
            out.read(0, result, before, (int) n);
            if (in.size() > KEEP_BUFFER) { // a huge record's buffers are not kept by every fetch thread for good
                in.close();
                in = new Memory(64 * 1024);
                out.close();
                out = new Memory(64 * 1024);
            }
            return result;
        }
    }

    /** libdeflate's C API, bound by JNA's direct mapping (the cheapest of its calling conventions). */
    private static final class Lib {
        static native Pointer libdeflate_alloc_compressor(int level);

        static native long libdeflate_deflate_compress(Pointer compressor, Pointer in, long inBytes, Pointer out,
                                                       long outBytesAvailable);

        static native long libdeflate_deflate_compress_bound(Pointer compressor, long inBytes);

        static native void libdeflate_free_compressor(Pointer compressor);
    }
}
