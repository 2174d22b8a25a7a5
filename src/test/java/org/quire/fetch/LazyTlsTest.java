package org.quire.fetch;

import org.junit.jupiter.api.Test;

import java.net.Socket;

import javax.net.ssl.SSLSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LazyTlsTest {

    @Test
    void loadsThePlatformTrustStoreOnFirstTlsUseAndChecksWithIt() throws Exception {
        LazyTls tls = new LazyTls();
        assertEquals(0, tls.trustManager().getAcceptedIssuers().length, "nothing loaded while the client is built");
        try (Socket s = tls.socketFactory().createSocket()) {
            assertTrue(s instanceof SSLSocket, "a TLS socket from the platform's context");
        }
        assertTrue(tls.trustManager().getAcceptedIssuers().length > 0, "the platform's trusted issuers, once loaded");
        // That it rejects what the platform rejects: HttpFetcherTest, WireMock's self-signed certificate.
    }
}
