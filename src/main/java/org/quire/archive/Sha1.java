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
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            md.update(data, offset, length);
            return new WarcDigest("sha1", md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
