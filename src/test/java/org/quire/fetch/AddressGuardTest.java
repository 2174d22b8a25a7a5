package org.quire.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

class AddressGuardTest {

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);   // a literal: no DNS query
    }

    @Test
    void refusesNonPublicRanges() throws Exception {
        for (String a : List.of("127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1",
                "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
                "::ffff:10.0.0.1", "::ffff:127.0.0.1")) {
            assertTrue(AddressGuard.isForbidden(ip(a)), a);
        }
    }

    @Test
    void allowsPublicAddresses() throws Exception {
        for (String a : List.of("93.184.216.34", "8.8.8.8", "172.15.255.255", "172.32.0.1", "100.63.255.255",
                "100.128.0.1", "192.169.0.1", "2606:2800:220:1:248:1893:25c8:1946", "::ffff:8.8.8.8")) {
            assertFalse(AddressGuard.isForbidden(ip(a)), a);
        }
    }

    @Test
    void lookupRefusesANameWithAnyPrivateAddressAndNamesIt() throws Exception {
        AddressGuard guard = new AddressGuard(false,
                host -> List.of(ip("93.184.216.34"), ip("169.254.169.254")));
        AddressGuard.PrivateAddressException e = assertThrows(AddressGuard.PrivateAddressException.class,
                () -> guard.lookup("metadata.example"));
        assertTrue(e.getMessage().contains("metadata.example") && e.getMessage().contains("169.254.169.254"),
                e.getMessage());

        AddressGuard permissive = new AddressGuard(true, host -> List.of(ip("127.0.0.1")));
        assertEquals(List.of(ip("127.0.0.1")), permissive.lookup("anything"));
    }
}
