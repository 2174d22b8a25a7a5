package org.quire.extract;

import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads what a page says about itself: title (without the site-name suffix), author, publication date (ISO 8601),
 * language, site name, canonical URL and description. Sources are tried in order of trust: JSON-LD, then Open Graph,
 * then other meta tags, then the markup itself. Everything is gathered in one pass over the document. Must run
 * before the main-text extractor modifies the document.
 */
public final class MetadataExtractor {

    /** The metadata of a document. */
    public PageMetadata extract(Document doc) {
        Gatherer g = gatherer();
        DomWalk.walk(doc, g);
        return metadata(g);
    }

    /** A visitor that gathers the metadata sources during a walk over a document (see {@link #metadata}). */
    static Gatherer gatherer() {
        return new Gatherer();
    }

    /** The metadata from what a gatherer found, once the walk is over. */
    static PageMetadata metadata(Gatherer g) {
        JsonLdReader.Facts ld = JsonLdReader.read(g.jsonLd);
        Map<String, String> meta = g.meta;

        String twitterSite = meta.get("twitter:site");
        String siteName = first(ld.siteName(), meta.get("og:site_name"), meta.get("application-name"),
                twitterSite != null && !twitterSite.startsWith("@") ? twitterSite : null);

        String rawTitle = first(ld.title(), meta.get("og:title"), meta.get("twitter:title"), meta.get("dc.title"),
                meta.get("dcterms.title"), g.title, g.h1);
        String title = TitleCleaner.clean(rawTitle, siteName);

        String author = first(ld.author(), notUrl(meta.get("article:author")), notUrl(meta.get("author")),
                meta.get("dc.creator"), meta.get("dcterms.creator"), meta.get("parsely-author"),
                meta.get("sailthru.author"), stripBy(meta.get("byl")), markupAuthor(g));

        String published = null;
        for (String candidate : new String[]{ld.published(), meta.get("article:published_time"),
                meta.get("og:published_time"), meta.get("og:article:published_time"), meta.get("datepublished"),
                meta.get("date"), meta.get("pubdate"), meta.get("publishdate"), meta.get("publish-date"),
                meta.get("dc.date"), meta.get("dc.date.issued"), meta.get("dcterms.date"), meta.get("dcterms.created"),
                meta.get("dcterms.issued"), meta.get("sailthru.date"), meta.get("parsely-pub-date"),
                meta.get("article.published"), g.itempropDate, g.pubdateTime, g.firstTime}) {
            published = DateNormalizer.normalize(candidate);
            if (published != null) {
                break;
            }
        }

        String language = Languages.primary(first(ld.language(), meta.get("og:locale"),
                meta.get("http-equiv:content-language"), meta.get("content-language"), meta.get("language"),
                meta.get("dc.language"), g.htmlLang));

        String ogUrl = meta.get("og:url");
        String canonical = first(ld.url(),
                ogUrl != null && (ogUrl.startsWith("http://") || ogUrl.startsWith("https://")) ? ogUrl : null,
                g.canonical);

        String description = first(ld.description(), meta.get("og:description"), meta.get("description"),
                meta.get("twitter:description"), meta.get("dc.description"));

        return new PageMetadata(title, author, published, language, siteName, canonical, description);
    }

    /** Collects, in one walk, every element the metadata may come from. */
    static final class Gatherer implements DomWalk.Visitor {
        final List<String> jsonLd = new ArrayList<>();
        final Map<String, String> meta = new HashMap<>();
        String title;
        String h1;
        String canonical;
        String htmlLang;
        String relAuthor;
        String itempropAuthor;
        String classAuthor;
        String itempropDate;
        String pubdateTime;
        String firstTime;

        @Override
        public int head(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return DomWalk.CONTINUE;
            }
            switch (e.normalName()) {
                case "html" -> {
                    if (htmlLang == null) {
                        htmlLang = first(e.attr("lang"), e.attr("xml:lang"));
                    }
                }
                case "meta" -> meta(e);
                case "title" -> {
                    if (title == null) {
                        title = e.text();
                    }
                }
                case "h1" -> {
                    if (h1 == null) {
                        h1 = e.text();
                    }
                }
                case "link" -> {
                    if (canonical == null && e.attr("rel").equalsIgnoreCase("canonical")) {
                        String abs = e.absUrl("href");
                        canonical = abs.isEmpty() ? null : abs;
                    }
                }
                case "script" -> {
                    if (e.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                        StringBuilder sb = new StringBuilder();
                        for (Node c : e.childNodes()) {
                            if (c instanceof DataNode d) {
                                sb.append(d.getWholeData());
                            }
                        }
                        jsonLd.add(sb.toString());
                    }
                }
                case "time" -> {
                    String v = first(e.attr("datetime"), e.text());
                    if (pubdateTime == null && e.hasAttr("pubdate")) {
                        pubdateTime = v;
                    }
                    if (firstTime == null && e.hasAttr("datetime")) {
                        firstTime = v;
                    }
                }
                default -> {
                }
            }
            if (e.attributesSize() == 0) {
                return DomWalk.CONTINUE;
            }
            Attributes attrs = e.attributes();
            if (relAuthor == null && attrs.get("rel").equalsIgnoreCase("author")) {
                relAuthor = e.text();
            }
            String itemprop = attrs.get("itemprop");
            if (!itemprop.isEmpty()) {
                if (itempropAuthor == null && itemprop.equalsIgnoreCase("author")) {
                    Element name = e.selectFirst("[itemprop=name]");
                    itempropAuthor = name != null ? first(name.attr("content"), name.text())
                            : first(e.attr("content"), e.text());
                } else if (itempropDate == null && itemprop.equalsIgnoreCase("datePublished")) {
                    itempropDate = first(e.attr("datetime"), e.attr("content"), e.text());
                }
            }
            if (classAuthor == null) {
                String cls = attrs.get("class");
                if (containsIgnoreCase(cls, "author")) {
                    String lc = cls.toLowerCase(Locale.ROOT);
                    if (lc.contains("author") && !lc.contains("bio") && !lc.contains("avatar") && !lc.contains("box")) {
                        String t = e.text();
                        if (t.length() >= 3 && t.length() <= 80) {
                            classAuthor = t;
                        }
                    }
                }
            }
            return DomWalk.CONTINUE;
        }

        @Override
        public void tail(Node node, int depth) {
        }

        private void meta(Element e) {
            String content = e.attr("content");
            if (content.isBlank()) {
                return;
            }
            String value = LinkExtractor.collapse(content);
            for (String key : new String[]{e.attr("property"), e.attr("name"), e.attr("itemprop")}) {
                if (!key.isEmpty()) {
                    meta.putIfAbsent(key.toLowerCase(Locale.ROOT).strip(), value);
                }
            }
            String eq = e.attr("http-equiv");
            if (!eq.isEmpty()) {
                meta.putIfAbsent("http-equiv:" + eq.toLowerCase(Locale.ROOT).strip(), value);
            }
        }
    }

    /** Whether {@code s} contains the lower-case ASCII word {@code lower}, ignoring case, without allocating. */
    static boolean containsIgnoreCase(String s, String lower) {
        int n = lower.length();
        char first = lower.charAt(0);
        char upper = first >= 'a' && first <= 'z' ? (char) (first - 32) : first;
        for (int i = 0; i + n <= s.length(); i++) {
            char c = s.charAt(i);
            if ((c == first || c == upper || c >= 0x80 && Character.toLowerCase(c) == first)
                    && s.regionMatches(true, i, lower, 0, n)) {
                return true;
            }
        }
        return false;
    }

    private static String markupAuthor(Gatherer g) {
        for (String candidate : new String[]{g.relAuthor, g.itempropAuthor, g.classAuthor}) {
            String t = stripBy(candidate);
            if (t != null && t.length() >= 3 && t.length() <= 80) {
                return t;
            }
        }
        return null;
    }

    private static String stripBy(String s) {
        if (s == null) {
            return null;
        }
        String t = LinkExtractor.collapse(s);
        String lower = t.toLowerCase(Locale.ROOT);
        for (String p : new String[]{"by ", "von ", "par ", "por ", "di ", "door "}) {
            if (lower.startsWith(p)) {
                t = t.substring(p.length()).strip();
                break;
            }
        }
        return t.isEmpty() ? null : t;
    }

    private static String notUrl(String s) {
        return s == null || s.startsWith("http") ? null : s;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
