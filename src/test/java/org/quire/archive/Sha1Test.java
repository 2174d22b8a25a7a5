package org.quire.archive;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Sha1Test {

    @Test
    void givesTheWarcStyleDigestAgainAndAgainOnOneThread() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        // FIPS 180 test vector a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d, in base32
        for (int i = 0; i < 3; i++) {
            assertEquals("sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5", Sha1.of(abc).toString());
        }
        assertEquals("sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5", Sha1.of("xabcx".getBytes(StandardCharsets.US_ASCII), 1, 3).toString());
        assertEquals("sha1", Sha1.of(abc).algorithm());
    }
}
