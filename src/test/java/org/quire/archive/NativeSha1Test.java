package org.quire.archive;

import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NativeSha1Test {

    private static boolean nativeBuildExists() {
        String os = System.getProperty("os.name").toLowerCase();
        String arch = System.getProperty("os.arch");
        return (os.contains("linux") || os.contains("mac") || os.contains("windows"))
                && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    @Test
    void loadsWhereConscryptHasABuildAndThenDigestsComeFromIt() {
        assumeTrue(nativeBuildExists(), "Conscrypt ships no native library for this platform");
        assertTrue(NativeSha1.load(), "the native SHA-1 loads and passes its check");
        assertTrue(NativeSha1.active());
        MessageDigest md = NativeSha1.newDigest();
        assertNotNull(md);
        assertEquals("Conscrypt", md.getProvider().getName());
    }

    @Test
    void nativeAndJdkDigestsAgreeOnEverySizeAroundTheBlockBoundaries() throws Exception {
        assumeTrue(nativeBuildExists() && NativeSha1.load());
        MessageDigest jdk = MessageDigest.getInstance("SHA-1", "SUN");
        MessageDigest fast = NativeSha1.newDigest();
        Random random = new Random(42);
        for (int size : new int[] {0, 1, 55, 56, 63, 64, 65, 127, 128, 1000, 10_240, 1 << 20}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            assertArrayEquals(jdk.digest(data), fast.digest(data), "size " + size);
        }
        // Sha1 switches to the native digest once it is there, with the same WARC-style result
        byte[] page = new byte[10_000];
        random.nextBytes(page);
        assertEquals(new org.netpreserve.jwarc.WarcDigest("sha1", jdk.digest(page)).toString(),
                Sha1.of(page).toString());
    }
}
