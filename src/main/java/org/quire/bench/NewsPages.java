package org.quire.bench;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Deterministic news-like pages for the bench web: a front page ({@code /}) and articles {@code /article/N.html}
 * with realistic chrome (navigation, cookie notice, share buttons, "Read also" box, footer) around paragraphs of
 * generated prose, padded to about the requested size. Every article is reachable from the front page within a
 * few hops (article N links to 2N+1 and 2N+2, plus neighbours and a few others), one link per page points into
 * {@code /private/} (disallowed by robots.txt) and one to another host's front page.
 */
public final class NewsPages {

    private static final String[] WORDS = ("the council said on monday that its plan for the harbour district would "
            + "be delayed until next spring after residents raised concerns about traffic noise and the cost of "
            + "new housing officials expect a final vote in march while local businesses warn that another year "
            + "of uncertainty could hurt trade along the waterfront where several shops have already closed "
            + "according to a survey published by the chamber of commerce last week").split(" ");
    private static final String[] SECTIONS = {"World", "Politics", "Business", "Science", "Culture", "Sport",
            "Opinion", "Travel"};

    private final int pagesPerHost;
    private final int targetBytes;

    /**
     * @param pagesPerHost pages on each host, the front page included (at least 1)
     * @param targetBytes  approximate size of each page in bytes
     */
    public NewsPages(int pagesPerHost, int targetBytes) {
        this.pagesPerHost = Math.max(1, pagesPerHost);
        this.targetBytes = Math.max(1024, targetBytes);
    }

    public int pagesPerHost() {
        return pagesPerHost;
    }

    /** The path of page {@code n}: {@code /} for 0, else {@code /article/n.html}. */
    public static String path(int n) {
        return n == 0 ? "/" : "/article/" + n + ".html";
    }

    /** Page number of {@code path}, or -1 when it is not a page of a host with this many pages. */
    public int pageNumber(String path) {
        if (path.equals("/")) {
            return 0;
        }
        if (!path.startsWith("/article/") || !path.endsWith(".html")) {
            return -1;
        }
        try {
            int n = Integer.parseInt(path.substring(9, path.length() - 5));
            return n > 0 && n < pagesPerHost ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The HTML of page {@code n} of host number {@code host}; {@code otherHostBase} is another host's base URL. */
    public byte[] page(int host, int n, String otherHostBase) {
        SplittableRandom rnd = new SplittableRandom(host * 1_000_003L + n);
        StringBuilder b = new StringBuilder(targetBytes + 2048);
        String title = n == 0 ? "Harbour Daily " + host + ": front page" : headline(rnd) + " (" + host + "/" + n + ")";
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(title)
                .append(" | Harbour Daily</title>\n<meta name=\"description\" content=\"").append(sentence(rnd, 14))
                .append("\">\n<meta property=\"og:title\" content=\"").append(title).append("\">\n")
                .append("<link rel=\"stylesheet\" href=\"/static/site.css\"></head>\n<body>\n")
                .append("<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n")
                .append("<div class=\"cookie-notice\">We use cookies to improve your experience. "
                        + "<button>Accept all</button> <button>Settings</button></div>\n")
                .append("<header class=\"site-header\"><a class=\"logo\" href=\"/\">Harbour Daily</a>\n<nav class=\"menu\"><ul>");
        for (int s = 0; s < SECTIONS.length; s++) {
            b.append("<li><a href=\"").append(path(Math.min(s + 1, pagesPerHost - 1))).append("\">")
                    .append(SECTIONS[s]).append("</a></li>");
        }
        b.append("</ul></nav></header>\n<main id=\"main\"><article>\n<h1>").append(title).append("</h1>\n")
                .append("<p class=\"byline\">By ").append(cap(WORDS[rnd.nextInt(WORDS.length)])).append(' ')
                .append(cap(WORDS[rnd.nextInt(WORDS.length)])).append(" &middot; <time datetime=\"2026-11-")
                .append(10 + n % 18).append("\">November ").append(10 + n % 18).append(", 2026</time></p>\n")
                .append("<div class=\"share\"><a href=\"#\">Share</a> <a href=\"#\">Print</a></div>\n");
        int footer = 1400;
        int para = 0;
        while (b.length() < targetBytes - footer) {
            b.append("<p>").append(sentence(rnd, 18 + rnd.nextInt(12))).append(' ').append(sentence(rnd, 10 + rnd.nextInt(20)));
            if (para++ % 3 == 1) {
                int t = rnd.nextInt(pagesPerHost);
                b.append(" <a href=\"").append(path(t)).append("\">More on this story</a>.");
            }
            b.append("</p>\n");
        }
        b.append("</article>\n<aside class=\"read-also\"><h2>Read also</h2><ul>");
        for (int t : links(n, rnd)) {
            b.append("<li><a href=\"").append(path(t)).append("\">").append(headline(new SplittableRandom(t)))
                    .append("</a></li>");
        }
        b.append("<li><a href=\"/private/draft-").append(n).append(".html\">Draft</a></li>");
        if (otherHostBase != null) {
            b.append("<li><a href=\"").append(otherHostBase).append("\">Our partner site</a></li>");
        }
        b.append("</ul></aside></main>\n<footer><p>&copy; 2026 Harbour Daily. All rights reserved.</p>")
                .append("<a href=\"/\">Home</a> <a href=\"").append(path(Math.min(1, pagesPerHost - 1)))
                .append("\">About</a></footer>\n</body></html>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The pages page {@code n} links to in its "Read also" box: its tree children, neighbours and a few more. */
    private int[] links(int n, SplittableRandom rnd) {
        int[] out = new int[8];
        out[0] = 2 * n + 1;
        out[1] = 2 * n + 2;
        out[2] = n + 1;
        out[3] = n - 1;
        for (int i = 4; i < out.length; i++) {
            out[i] = rnd.nextInt(pagesPerHost);
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] < 0 || out[i] >= pagesPerHost) {
                out[i] = 0;
            }
        }
        return out;
    }

    private static String headline(SplittableRandom rnd) {
        return cap(sentence(rnd, 6 + rnd.nextInt(5)).replace(".", ""));
    }

    private static String sentence(SplittableRandom rnd, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        return cap(s.toString()) + ".";
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
