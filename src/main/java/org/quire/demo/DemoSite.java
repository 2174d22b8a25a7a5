package org.quire.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A small news-like web site served on a loopback address, for {@code quire demo} and for tests: a front page,
 * articles wrapped in realistic chrome (skip link, cookie notice, category bar, share buttons, "Read also" box,
 * newsletter box, footer), category and tag pages, a robots.txt that disallows {@code /private/}, a redirect and
 * a broken link. Pages are served gzip-compressed when the client accepts it.
 */
public final class DemoSite implements AutoCloseable {

    /** One article of the demo site. */
    record Article(String slug, String title, String author, String date, List<String> paragraphs) {
    }

    private final HttpServer server;
    private final List<Article> articles;
    private final String template;
    private final byte[] featured;

    private DemoSite(HttpServer server) {
        this.server = server;
        this.articles = loadArticles();
        this.template = resource("article.html");
        this.featured = resource("china-ev.html").getBytes(StandardCharsets.UTF_8);
        server.createContext("/", this::handle);
    }

    /** Starts the site on {@code address} (e.g. 127.0.0.1) at an ephemeral port. */
    public static DemoSite start(String address) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 64);
        DemoSite site = new DemoSite(server);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "demo-site");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return site;
    }

    /** The front page URL, e.g. {@code http://127.0.0.1:41234/}. */
    public String baseUrl() {
        InetSocketAddress a = server.getAddress();
        return "http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + "/";
    }


    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.equals("/robots.txt")) {
                send(ex, 200, "text/plain", "User-agent: *\nDisallow: /private/\nDisallow: /search\n\n"
                        + "Sitemap: " + baseUrl() + "sitemap.xml\n");
            } else if (path.equals("/")) {
                send(ex, 200, "text/html; charset=utf-8", frontPage());
            } else if (path.equals("/old-front-page")) {
                ex.getResponseHeaders().add("Location", "/");
                send(ex, 301, "text/html", "<a href=\"/\">moved</a>");
            } else if (path.startsWith("/news/")) {
                Article a = find(path.substring("/news/".length()));
                if (a == null) {
                    notFound(ex);
                } else {
                    send(ex, 200, "text/html; charset=utf-8", articlePage(a));
                }
            } else if (path.equals("/evs/china-pursues-more-than-mass-production")) {
                sendBytes(ex, 200, "text/html; charset=utf-8", featured);
            } else if (path.startsWith("/category/") || path.startsWith("/tag/")) {
                send(ex, 200, "text/html; charset=utf-8", listPage(path.substring(path.indexOf('/', 1) + 1)));
            } else if (path.startsWith("/private/")) {
                send(ex, 200, "text/html; charset=utf-8", "<html><body><p>Staff only. A polite crawler never "
                        + "sees this page.</p></body></html>");
            } else {
                notFound(ex);
            }
        }
    }

    private Article find(String slug) {
        return articles.stream().filter(a -> a.slug().equals(slug)).findFirst().orElse(null);
    }

    private String frontPage() {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Harbour Gazette</title></head><body><header><nav><a href=\"/category/city\">City</a> "
                + "<a href=\"/category/harbour\">Harbour</a></nav></header><main><h1>Harbour Gazette</h1><ul>");
        for (Article a : articles) {
            sb.append("<li><a href=\"/news/").append(a.slug()).append("\">").append(a.title()).append("</a></li>");
        }
        sb.append("<li><a href=\"/evs/china-pursues-more-than-mass-production\">China Pursues More Than Mass "
                + "Production in Electric Vehicles</a></li>");
        sb.append("<li><a href=\"/news/this-story-was-removed\">A story that is gone</a></li>");
        sb.append("</ul></main><footer><a href=\"/private/staff-notes.html\">Staff</a> "
                + "<a href=\"/old-front-page\">Old front page</a></footer></body></html>");
        return sb.toString();
    }

    private String listPage(String name) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(name)).append(" | Harbour Gazette</title></head><body><h1>")
                .append(escape(name)).append("</h1><ul>");
        for (Article a : articles) {
            sb.append("<li><a href=\"/news/").append(a.slug()).append("\">").append(a.title()).append("</a></li>");
        }
        return sb.append("</ul><p><a href=\"/\">Front page</a></p></body></html>").toString();
    }

    private String articlePage(Article a) {
        StringBuilder body = new StringBuilder();
        for (String p : a.paragraphs()) {
            body.append("<p>").append(p).append("</p>\n");
        }
        StringBuilder related = new StringBuilder();
        for (Article other : articles) {
            if (!other.equals(a)) {
                related.append("<li><a href=\"/news/").append(other.slug()).append("\">").append(other.title())
                        .append("</a></li>");
            }
        }
        return template.replace("{{title}}", a.title()).replace("{{author}}", a.author())
                .replace("{{date}}", a.date()).replace("{{slug}}", a.slug())
                .replace("{{lede}}", a.paragraphs().get(0)).replace("{{body}}", body)
                .replace("{{related}}", related);
    }

    private void notFound(HttpExchange ex) throws IOException {
        send(ex, 404, "text/html; charset=utf-8", "<html><body><h1>Not found</h1></body></html>");
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        sendBytes(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendBytes(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        String accept = ex.getRequestHeaders().getFirst("Accept-Encoding");
        if (accept != null && accept.contains("gzip") && body.length > 512) {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
                gz.write(body);
            }
            body = bos.toByteArray();
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
        }
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static List<Article> loadArticles() {
        List<Article> out = new ArrayList<>();
        for (String line : resource("articles.txt").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" \\| ", 5);
            out.add(new Article(f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim(), List.of(f[4].trim().split(" // "))));
        }
        return List.copyOf(out);
    }

    private static String resource(String name) {
        try (InputStream in = DemoSite.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing demo resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
