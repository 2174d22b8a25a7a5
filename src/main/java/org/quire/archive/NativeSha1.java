package org.quire.archive;

import java.security.MessageDigest;
import java.security.Provider;
import java.util.Arrays;

/**
 * SHA-1 in native code (Conscrypt's BoringSSL), loaded once in the background: under the launcher's C1-only JIT the
 * JDK's SHA-1 has no intrinsic and hashes some eight times slower, and every page needs ~30 KB hashed (payload,
 * response, request, outlinks and WET blocks). Loading takes ~0.15 s of CPU, so {@link #preload} starts it on a
 * daemon thread while the crawl is still setting up; until it is ready, or where the native library cannot be
 * loaded (a platform Conscrypt has no build for, a temporary folder that does not allow executables), digests
 * come from the JDK. Either way the bytes are the same: the native digest is checked against the FIPS 180 vector
 * before it is used.
 */
public final class NativeSha1 {

    private static volatile Provider provider;
    private static final BackgroundLoad LOAD =
            new BackgroundLoad("native-sha1-load", "quire.no-native-sha1", NativeSha1::load);

    private NativeSha1() {
    }

    /** Starts loading the native SHA-1 on a daemon thread (once; later calls do nothing). */
    public static void preload() {
        LOAD.start();
    }

    /** Loads and checks the native SHA-1 on this thread; false when it cannot be had here. */
    static boolean load() {
        try {
            Provider p = (Provider) Class.forName("org.conscrypt.OpenSSLProvider").getConstructor().newInstance();
            MessageDigest md = MessageDigest.getInstance("SHA-1", p);
            byte[] abc = md.digest(new byte[] {'a', 'b', 'c'});
            byte[] expected = {(byte) 0xa9, (byte) 0x99, 0x3e, 0x36, 0x47, 0x06, (byte) 0x81, 0x6a, (byte) 0xba, 0x3e,
                0x25, 0x71, 0x78, 0x50, (byte) 0xc2, 0x6c, (byte) 0x9c, (byte) 0xd0, (byte) 0xd8, (byte) 0x9d};
            if (!Arrays.equals(abc, expected)) {
                return false;
            }
            provider = p;
            return true;
        } catch (Throwable e) { // a missing or unloadable native library: UnsatisfiedLinkError, ExceptionInInitializerError
            return false;
        }
    }

    /** A new native SHA-1 digest, or null while (or where) there is none. */
    static MessageDigest newDigest() {
        Provider p = provider;
        if (p == null) {
            return null;
        }
        try {
            return MessageDigest.getInstance("SHA-1", p);
        } catch (Exception e) {
            return null;
        }
    }

    /** Whether digests now come from native code. */
    public static boolean active() {
        return provider != null;
    }
}
