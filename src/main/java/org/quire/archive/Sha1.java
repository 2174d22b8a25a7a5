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
        MessageDigest md = PER_THREAD.get();
        md.update(data, offset, length);
        return new WarcDigest("sha1", md.digest()); // digest() also resets it for the next use
    }

    /** One digest per thread: looking up the provider for every record showed in the crawl's profile. */
    private static final ThreadLocal<MessageDigest> PER_THREAD = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    });
}
