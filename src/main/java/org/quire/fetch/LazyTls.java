package org.quire.fetch;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * The platform's default TLS set-up (the JDK's trust store and TLS context), made on the first HTTPS connection
 * rather than when the HTTP client is built: loading and parsing the trust store costs a noticeable part of a
 * crawler's start-up, and a crawl of plain-HTTP hosts never needs it. Certificates are checked exactly as with the
 * default set-up; thread-safe.
 */
final class LazyTls {

    /** The platform's trust manager and a socket factory of a TLS context that uses it. */
    private record Platform(X509ExtendedTrustManager trustManager, SSLSocketFactory socketFactory) {
    }

    private volatile Platform platform;

    /** The trust manager to give the client: the platform's, loaded on first use. */
    X509ExtendedTrustManager trustManager() {
        return trust;
    }

    /** The socket factory to give the client: the platform's default TLS context, made on first use. */
    SSLSocketFactory socketFactory() {
        return sockets;
    }

    private Platform platform() {
        Platform p = platform;
        if (p == null) {
            synchronized (this) {
                p = platform;
                if (p == null) {
                    p = loadPlatform();
                    platform = p;
                }
            }
        }
        return p;
    }

    private static Platform loadPlatform() {
        try {
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init((KeyStore) null);
            for (TrustManager t : f.getTrustManagers()) {
                if (t instanceof X509ExtendedTrustManager x) {
                    SSLContext context = SSLContext.getInstance("TLS");
                    context.init(null, new TrustManager[] {x}, null);
                    return new Platform(x, context.getSocketFactory());
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS with the platform's trust store: " + e, e);
        }
        throw new IllegalStateException("the platform has no X509 trust manager");
    }

    private final X509ExtendedTrustManager trust = new X509ExtendedTrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            platform().trustManager().checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            platform().trustManager().checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            platform().trustManager().checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            platform().trustManager().checkServerTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            platform().trustManager().checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            platform().trustManager().checkServerTrusted(chain, authType);
        }

        /**
         * The platform's trusted issuers once loaded, none before. OkHttp asks once, while the client is built, and
         * only to trim chains for certificate pinning, which quire does not use; the TLS handshake itself checks the
         * server's chain through {@code checkServerTrusted}, which loads the trust store.
         */
        @Override
        public X509Certificate[] getAcceptedIssuers() {
            Platform p = platform;
            return p == null ? new X509Certificate[0] : p.trustManager().getAcceptedIssuers();
        }
    };

    private final SSLSocketFactory sockets = new SSLSocketFactory() {
        @Override
        public String[] getDefaultCipherSuites() {
            return platform().socketFactory().getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return platform().socketFactory().getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return platform().socketFactory().createSocket(s, host, port, autoClose);
        }

        @Override
        public Socket createSocket() throws IOException {
            return platform().socketFactory().createSocket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return platform().socketFactory().createSocket(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return platform().socketFactory().createSocket(host, port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return platform().socketFactory().createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return platform().socketFactory().createSocket(address, port, localAddress, localPort);
        }
    };
}
