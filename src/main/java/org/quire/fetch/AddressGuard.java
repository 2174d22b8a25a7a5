package org.quire.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

import okhttp3.Dns;

/**
 * The crawl's connect-time resolver: resolves a host name and, unless private addresses are allowed, refuses
 * names resolving to addresses a public crawler must never reach (loopback, RFC 1918 private ranges, link-local
 * including cloud metadata 169.254.169.254, unique-local IPv6, CGNAT 100.64/10, unspecified, multicast).
 * Because OkHttp calls it for every new connection, every redirect hop is covered; literal-IP URLs bypass DNS in
 * OkHttp, so {@link HttpFetcher} checks those with {@link #isForbidden(InetAddress)} before connecting.
 */
public final class AddressGuard implements Dns {

    /** Thrown (as an {@link UnknownHostException}, which OkHttp propagates) when a host resolves to a refused address. */
    public static final class PrivateAddressException extends UnknownHostException {
        private final String host;
        private final String address;

        public PrivateAddressException(String host, String address) {
            super("refused " + host + ": resolves to non-public address " + address);
            this.host = host;
            this.address = address;
        }

        public String host() {
            return host;
        }

        public String address() {
            return address;
        }
    }

    private final boolean allowPrivateAddresses;
    private final Dns delegate;

    public AddressGuard(boolean allowPrivateAddresses) {
        this(allowPrivateAddresses, Dns.SYSTEM);
    }

    /** With another resolver underneath (tests, or a caching resolver). */
    public AddressGuard(boolean allowPrivateAddresses, Dns delegate) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.delegate = Objects.requireNonNull(delegate);
    }

    public boolean allowsPrivateAddresses() {
        return allowPrivateAddresses;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = delegate.lookup(hostname);
        if (!allowPrivateAddresses) {
            // Refuse the whole name if any address is non-public: a name mixing public and private
            // addresses is a classic DNS-rebinding trick.
            for (InetAddress a : addresses) {
                if (isForbidden(a)) {
                    throw new PrivateAddressException(hostname, a.getHostAddress());
                }
            }
        }
        return addresses;
    }

    /** Throws when this literal address may not be contacted under the current setting. */
    public void checkLiteral(String host, InetAddress address) throws PrivateAddressException {
        if (!allowPrivateAddresses && isForbidden(address)) {
            throw new PrivateAddressException(host, address.getHostAddress());
        }
    }

    /** True for loopback, private, link-local, unique-local, CGNAT, unspecified and multicast addresses. */
    public static boolean isForbidden(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return isForbiddenV4(b);
        }
        if (a instanceof Inet6Address) {
            int b0 = b[0] & 0xff;
            if ((b0 & 0xfe) == 0xfc) {                       // fc00::/7 unique-local
                return true;
            }
            if (b0 == 0xfe && (b[1] & 0xc0) == 0x80) {       // fe80::/10 link-local
                return true;
            }
            if (b0 == 0xfe && (b[1] & 0xc0) == 0xc0) {       // fec0::/10 deprecated site-local
                return true;
            }
            if (isV4Mapped(b) || isV4Compatible(b)) {        // ::ffff:a.b.c.d and ::a.b.c.d
                byte[] v4 = {b[12], b[13], b[14], b[15]};
                return isForbiddenV4(v4) || (v4[0] == 127) || (v4[0] == 0);
            }
        }
        return false;
    }

    private static boolean isForbiddenV4(byte[] b) {
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        return b0 == 0                                   // 0.0.0.0/8 "this network"
                || b0 == 127                             // loopback
                || b0 == 10                              // 10/8
                || (b0 == 172 && (b1 & 0xf0) == 16)      // 172.16/12
                || (b0 == 192 && b1 == 168)              // 192.168/16
                || (b0 == 169 && b1 == 254)              // link-local incl. 169.254.169.254
                || (b0 == 100 && (b1 & 0xc0) == 64)      // CGNAT 100.64/10
                || b0 >= 224;                            // multicast and reserved, incl. broadcast
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private static boolean isV4Compatible(byte[] b) {
        for (int i = 0; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
