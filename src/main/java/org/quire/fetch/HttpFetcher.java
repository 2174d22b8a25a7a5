package org.quire.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

import org.quire.config.Settings;

/**
 * Performs single HTTP/1.1 GET exchanges for the crawl and reports each exactly as it went over the wire:
 * the request head as OkHttp sent it, the response head as received, the body still content-encoded.
 * One instance (one OkHttp client, one connection pool) serves the whole crawl and is safe to share between
 * threads. Redirects are never followed here: each hop is a separate {@link #fetch} so it can pass through
 * robots, scope and the archive. Network trouble never throws; it comes back as {@link FetchResult#failure}.
 */
public final class HttpFetcher implements AutoCloseable {

    /** Sent on every request so OkHttp leaves the body encoded, exactly as the server sent it. */
    public static final String ACCEPT_ENCODING = "gzip, deflate, br, zstd";

    private final Settings.Fetch settings;
    private final AddressGuard guard;
    private final OkHttpClient client;

    public HttpFetcher(Settings.Fetch settings) {
        this(settings, Dns.SYSTEM);
    }

    /** With another resolver under the address guard (tests that must not query real DNS). */
    HttpFetcher(Settings.Fetch settings, Dns resolver) {
        this.settings = settings;
        this.guard = new AddressGuard(settings.allowPrivateAddresses(), resolver);
        LazyTls tls = new LazyTls();
        this.client = new OkHttpClient.Builder()
                .sslSocketFactory(tls.socketFactory(), tls.trustManager())
                .followRedirects(false)
                .followSslRedirects(false)
                .protocols(List.of(Protocol.HTTP_1_1))
                .proxy(Proxy.NO_PROXY)
                .dns(guard)
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.fetchTimeout())
                .connectionPool(new ConnectionPool(Math.max(5, settings.threads() * 2), 30, TimeUnit.SECONDS))
                .addNetworkInterceptor(HttpFetcher::captureSentRequest)
                .build();
    }

    /** What the network interceptor saw of the request as written, and where it went. */
    private static final class Capture {
        volatile String requestHead;
        volatile String ipAddress;
    }

    private static Response captureSentRequest(Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        Capture capture = request.tag(Capture.class);
        if (capture != null) {
            Connection connection = chain.connection();
            Protocol protocol = connection != null ? connection.protocol() : Protocol.HTTP_1_1;
            StringBuilder head = new StringBuilder();
            HttpUrl url = request.url();
            String target = url.encodedPath() + (url.encodedQuery() != null ? "?" + url.encodedQuery() : "");
            head.append(request.method()).append(' ').append(target).append(' ')
                    .append(protocolName(protocol)).append("\r\n");
            Headers headers = request.headers();
            for (int i = 0; i < headers.size(); i++) {
                head.append(headers.name(i)).append(": ").append(headers.value(i)).append("\r\n");
            }
            head.append("\r\n");
            capture.requestHead = head.toString();
            if (connection != null) {
                InetSocketAddress socketAddress = connection.route().socketAddress();
                InetAddress address = socketAddress.getAddress();
                capture.ipAddress = address != null ? address.getHostAddress() : null;
            }
        }
        return chain.proceed(request);
    }

    /**
     * GETs {@code url} once. {@code extraRequestHeaders} are added after the crawl's own (User-Agent,
     * Accept-Encoding), e.g. If-None-Match / If-Modified-Since for a revisit; OkHttp adds Host and Connection.
     */
    public FetchResult fetch(URI url, List<HttpHeader> extraRequestHeaders) {
        return fetch(url, extraRequestHeaders, settings.maxBodySize());
    }

    /**
     * As {@link #fetch(URI, List)}, reading at most {@code maxBodyBytes} of the body (and at most
     * {@code fetch.max-body-size}); the rest is not downloaded and the result is marked truncated ("length").
     * robots.txt uses this, so a huge robots.txt costs a bit over 500 KiB, never its full size.
     */
    public FetchResult fetch(URI url, List<HttpHeader> extraRequestHeaders, long maxBodyBytes) {
        long bodyLimit = Math.max(0, Math.min(maxBodyBytes, settings.maxBodySize()));
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        HttpUrl httpUrl = toHttpUrl(url);
        if (httpUrl == null) {
            return FetchResult.failure(url, start, Duration.ZERO, null, null, ErrorKind.BAD_URL,
                    "not an absolute http(s) URL: " + url);
        }
        try {
            checkLiteralAddress(httpUrl);
        } catch (AddressGuard.PrivateAddressException e) {
            return FetchResult.failure(url, start, Duration.ZERO, null, null, ErrorKind.PRIVATE_ADDRESS,
                    e.getMessage());
        }

        Capture capture = new Capture();
        Request.Builder builder = new Request.Builder().url(httpUrl).get()
                .header("User-Agent", settings.userAgent())
                .header("Accept-Encoding", ACCEPT_ENCODING)
                .tag(Capture.class, capture);
        if (extraRequestHeaders != null) {
            for (HttpHeader h : extraRequestHeaders) {
                builder.addHeader(h.name(), h.value());
            }
        }
        Call call = client.newCall(builder.build());
        Response response;
        try {
            response = call.execute();
        } catch (IOException | RuntimeException e) {
            ErrorKind kind = classify(e);
            return FetchResult.failure(url, start, since(startNanos), capture.ipAddress, capture.requestHead,
                    kind, describe(kind, url, e));
        }

        try (response) {
            List<HttpHeader> headers = responseHeaders(response.headers());
            ResponseBody responseBody = response.body();
            BodyBuffer body = new BodyBuffer(responseBody == null ? 0 : responseBody.contentLength(), bodyLimit);
            String truncated = readBody(responseBody, body, startNanos);
            if (truncated != null) {
                call.cancel(); // drop the connection rather than let close() drain the rest of a huge body
            }
            return new FetchResult(url, start, since(startNanos), capture.ipAddress, capture.requestHead,
                    response.code(), response.message(), protocolName(response.protocol()), headers,
                    body.toArray(), truncated, null, null);
        }
    }

    /**
     * Reads the body incrementally into {@code out} (whose first size the Content-Length only suggests, and which
     * holds at most the body limit), and says why it stopped early, or null when the whole body arrived.
     */
    private String readBody(ResponseBody responseBody, BodyBuffer out, long startNanos) {
        if (responseBody == null) {
            return null;
        }
        long deadline = startNanos + settings.fetchTimeout().toNanos();
        BufferedSource source = responseBody.source();
        try {
            while (true) {
                if (out.full()) {
                    // the body may end exactly here (an array of the announced size is then kept as it is);
                    // a byte more at the limit means the body is longer than what is kept
                    if (source.exhausted()) {
                        return null;
                    }
                    if (out.atLimit()) {
                        return "length";
                    }
                }
                byte[] room = out.room();
                int n = source.read(room, out.size(), room.length - out.size());
                if (n == -1) {
                    return null;
                }
                out.advance(n);
                if (System.nanoTime() - deadline >= 0) {
                    return "time";
                }
            }
        } catch (SocketTimeoutException e) {
            return "time";                      // read silence longer than readTimeout
        } catch (InterruptedIOException e) {
            return "time";                      // the whole-fetch deadline (OkHttp call timeout) fired
        } catch (IOException e) {
            return System.nanoTime() - deadline >= 0 ? "time" : "disconnect";
        }
    }

    private static List<HttpHeader> responseHeaders(Headers headers) {
        List<HttpHeader> out = new ArrayList<>(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String value = headers.value(i);
            if (name.equalsIgnoreCase("Transfer-Encoding")) {
                // OkHttp removed the chunked framing; any other transfer coding is still on the body.
                String rest = withoutChunked(value);
                if (rest.isEmpty()) {
                    continue;
                }
                value = rest;
            }
            out.add(new HttpHeader(name, value));
        }
        return out;
    }

    private static String withoutChunked(String value) {
        StringBuilder sb = new StringBuilder();
        for (String part : value.split(",")) {
            String t = part.trim();
            if (t.isEmpty() || t.equalsIgnoreCase("chunked")) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(t);
        }
        return sb.toString();
    }

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private void checkLiteralAddress(HttpUrl url) throws AddressGuard.PrivateAddressException {
        String host = url.host();
        // HttpUrl.host() gives IPv6 literals without brackets; IPv4 literals as dotted quads.
        boolean literal = host.contains(":") || IPV4_LITERAL.matcher(host).matches();
        if (!literal) {
            return;
        }
        try {
            guard.checkLiteral(host, InetAddress.getByName(host)); // a literal: no DNS query is made
        } catch (AddressGuard.PrivateAddressException e) {
            throw e;
        } catch (UnknownHostException e) {
            // Not really a literal; DNS (and the guard) will deal with it at connect time.
        }
    }

    private static HttpUrl toHttpUrl(URI url) {
        if (url == null || url.getScheme() == null) {
            return null;
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        return HttpUrl.parse(url.toString());
    }

    static String protocolName(Protocol protocol) {
        return switch (protocol) {
            case HTTP_1_0 -> "HTTP/1.0";
            case HTTP_1_1 -> "HTTP/1.1";
            case HTTP_2, H2_PRIOR_KNOWLEDGE -> "HTTP/2";
            default -> protocol.toString().toUpperCase(Locale.ROOT);
        };
    }

    /** Maps an exception from connecting or reading the response head to an error kind. */
    static ErrorKind classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AddressGuard.PrivateAddressException) {
                return ErrorKind.PRIVATE_ADDRESS;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return ErrorKind.DNS;
            }
            if (t instanceof SSLException) {
                return ErrorKind.TLS;
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return ErrorKind.CONNECT;
            }
            if (t instanceof InterruptedIOException) {     // includes SocketTimeoutException
                return ErrorKind.TIMEOUT;
            }
            if (t instanceof EOFException) {
                // okio reports bytes that arrived without a line end as "limit=N content=…": the peer sent
                // something that is not an HTTP status line, then closed. Nothing at all is a plain reset.
                String m = String.valueOf(t.getMessage());
                return m.contains("limit=") && !m.contains("limit=0 ") ? ErrorKind.PROTOCOL : ErrorKind.RESET;
            }
            if (t instanceof ProtocolException) {
                return ErrorKind.PROTOCOL;
            }
            if (t instanceof SocketException) {
                return ErrorKind.RESET;
            }
        }
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("unexpected end of stream")) {
            return ErrorKind.RESET;
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return ErrorKind.PROTOCOL;                      // OkHttp's parse errors on malformed heads
        }
        return ErrorKind.IO;
    }

    private static String describe(ErrorKind kind, URI url, Throwable e) {
        String what = switch (kind) {
            case DNS -> "cannot resolve host";
            case CONNECT -> "cannot connect";
            case TIMEOUT -> "timed out";
            case TLS -> "TLS failure";
            case RESET -> "connection closed before a response";
            case PROTOCOL -> "malformed HTTP response";
            case PRIVATE_ADDRESS -> "refused private address";
            default -> "I/O error";
        };
        Throwable root = e;
        String detail = e.getMessage();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            root = t;
        }
        if (kind == ErrorKind.PRIVATE_ADDRESS) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof AddressGuard.PrivateAddressException) {
                    return oneLine(t.getMessage() + " (" + url + ")");
                }
            }
        }
        if (root != e && root.getMessage() != null && !root.getMessage().equals(detail)) {
            detail = detail + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return oneLine(what + ": " + url + ": " + e.getClass().getSimpleName()
                + (detail != null ? ": " + detail : ""));
    }

    private static String oneLine(String s) {
        String flat = s.replaceAll("[\\r\\n\\t]+", " ").trim();
        return flat.length() > 500 ? flat.substring(0, 500) + "…" : flat;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Closes the connection pool and the client's threads. */
    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
