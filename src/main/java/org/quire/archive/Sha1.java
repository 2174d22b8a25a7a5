package org.quire.archive;

import org.netpreserve.jwarc.WarcDigest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-1 digests in the WARC style ({@code sha1:} + base32). */
public final class Sha1 {

    private Sha1() {
    }

    /** The digest of {@code data}. */
    public static WarcDigest of(byte[] data) {
        return of(data, 0, data.length);
    }

    /** The digest of {@code length} bytes of {@code data} from {@code offset}. */
    public static WarcDigest of(byte[] data, int offset, int length) {
        PerThread pt = PER_THREAD.get();
        MessageDigest md = pt.digest();
        md.update(data, offset, length);
        // this constructor takes the digest (which also resets it for the next use) and names the algorithm itself;
        // WarcDigest("sha1", bytes) would look up a new MessageDigest on every call just to check the length
        return new WarcDigest(md);
    }

    /**
     * One digest per thread (looking up the provider for every record showed in the crawl's profile): the JDK's,
     * until {@link NativeSha1} is ready, then the native one.
     */
    private static final ThreadLocal<PerThread> PER_THREAD = ThreadLocal.withInitial(PerThread::new);

    private static final class PerThread {
        private MessageDigest digest;
        private boolean isNative;

        MessageDigest digest() {
            if (!isNative && NativeSha1.active()) {
                MessageDigest n = NativeSha1.newDigest();
                if (n != null) {
                    digest = n;
                    isNative = true;
                }
            }
            if (digest == null) {
                try {
                    digest = MessageDigest.getInstance("SHA-1");
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("SHA-1 is not available", e);
                }
            }
            return digest;
        }
    }
}
