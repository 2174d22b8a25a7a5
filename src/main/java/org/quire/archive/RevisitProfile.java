package org.quire.archive;

import org.netpreserve.jwarc.WarcRevisit;

import java.net.URI;

/** Why a capture was recorded as a {@code revisit} rather than a full {@code response} (WARC 1.1 profiles). */
public enum RevisitProfile {
    /** The payload was fetched again and is byte-identical to an earlier capture's (same payload digest). */
    IDENTICAL_PAYLOAD_DIGEST(WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1),
    /** The server answered a conditional request with 304 Not Modified. */
    SERVER_NOT_MODIFIED(WarcRevisit.SERVER_NOT_MODIFIED_1_1);

    private final URI uri;

    RevisitProfile(URI uri) {
        this.uri = uri;
    }

    /** The WARC-Profile URI. */
    public URI uri() {
        return uri;
    }
}
