package org.quire.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads what a page says about itself: title (without the site-name suffix), author, publication date (ISO 8601),
 * language, site name, canonical URL and description. Sources are tried in order of trust: JSON-LD, then Open Graph,
 * then other meta tags, then the markup itself. Must run before the main-text extractor modifies the document.
 */
public final class MetadataExtractor {

    /** The metadata of a document. */
    public PageMetadata extract(Document doc) {
        JsonLdReader.Facts ld = JsonLdReader.read(doc);
        Map<String, String> meta = metaTags(doc);

        String siteName = first(ld.siteName(), meta.get("og:site_name"), meta.get("application-name"),
                meta.get("twitter:site") != null && !meta.get("twitter:site").startsWith("@") ? meta.get("twitter:site") : null);

        String rawTitle = first(ld.title(), meta.get("og:title"), meta.get("twitter:title"), meta.get("dc.title"),
                meta.get("dcterms.title"), doc.title(), firstText(doc, "h1"));
        String title = TitleCleaner.clean(rawTitle, siteName);

        String author = first(ld.author(), notUrl(meta.get("article:author")), notUrl(meta.get("author")),
                meta.get("dc.creator"), meta.get("dcterms.creator"), meta.get("parsely-author"),
                meta.get("sailthru.author"), meta.get("byl") == null ? null : stripBy(meta.get("byl")),
                markupAuthor(doc));

        String published = null;
        for (String candidate : new String[]{ld.published(), meta.get("article:published_time"),
                meta.get("og:published_time"), meta.get("og:article:published_time"), meta.get("datepublished"),
                meta.get("date"), meta.get("pubdate"), meta.get("publishdate"), meta.get("publish-date"),
                meta.get("dc.date"), meta.get("dc.date.issued"), meta.get("dcterms.date"), meta.get("dcterms.created"),
                meta.get("dcterms.issued"), meta.get("sailthru.date"), meta.get("parsely-pub-date"),
                meta.get("article.published"), markupDate(doc)}) {
            published = DateNormalizer.normalize(candidate);
            if (published != null) {
                break;
            }
        }

        String language = Languages.primary(first(ld.language(), meta.get("og:locale"),
                meta.get("http-equiv:content-language"), meta.get("content-language"), meta.get("language"),
                meta.get("dc.language"), attr(doc.selectFirst("html"), "lang"), attr(doc.selectFirst("html"), "xml:lang")));

        String canonical = first(ld.url(), absolute(meta.get("og:url"), doc), canonicalLink(doc));

        String description = first(ld.description(), meta.get("og:description"), meta.get("description"),
                meta.get("twitter:description"), meta.get("dc.description"));

        return new PageMetadata(title, author, published, language, siteName, canonical, description);
    }

    private static Map<String, String> metaTags(Document doc) {
        Map<String, String> m = new HashMap<>();
        for (Element e : doc.getElementsByTag("meta")) {
            String content = e.attr("content");
            if (content.isBlank()) {
                continue;
            }
            String value = LinkExtractor.collapse(content);
            for (String key : new String[]{e.attr("property"), e.attr("name"), e.attr("itemprop")}) {
                if (!key.isEmpty()) {
                    m.putIfAbsent(key.toLowerCase(Locale.ROOT).strip(), value);
                }
            }
            String eq = e.attr("http-equiv");
            if (!eq.isEmpty()) {
                m.putIfAbsent("http-equiv:" + eq.toLowerCase(Locale.ROOT).strip(), value);
            }
        }
        return m;
    }

    private static String markupAuthor(Document doc) {
        for (String q : new String[]{"[rel=author]", "[itemprop=author] [itemprop=name]", "[itemprop=author]",
                ".byline-author, .author-name, .author_name, .byline .author, .author a, .author"}) {
            Element e = doc.selectFirst(q);
            if (e != null) {
                String t = stripBy(e.text());
                if (t != null && t.length() >= 3 && t.length() <= 80) {
                    return t;
                }
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

    private static String markupDate(Document doc) {
        for (String q : new String[]{"[itemprop=datePublished]", "time[pubdate]", "time[datetime]"}) {
            Element e = doc.selectFirst(q);
            if (e != null) {
                String v = first(e.attr("datetime"), e.attr("content"), e.text());
                if (DateNormalizer.normalize(v) != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private static String canonicalLink(Document doc) {
        Element link = doc.selectFirst("link[rel=canonical][href]");
        if (link == null) {
            return null;
        }
        String abs = link.absUrl("href");
        return abs.isEmpty() ? null : abs;
    }

    private static String absolute(String url, Document doc) {
        if (url == null) {
            return null;
        }
        if (url.startsWith("http://") || url.startsWith("https://")) {
            return url;
        }
        return null;
    }

    private static String firstText(Document doc, String tag) {
        Element e = doc.selectFirst(tag);
        return e == null ? null : e.text();
    }

    private static String attr(Element e, String name) {
        return e == null ? null : e.attr(name);
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
