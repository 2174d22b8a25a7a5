package org.quire.extract;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkAndMetadataTest {

    @Test
    void linksAreAbsoluteDeduplicatedInOrderWithHops() {
        String html = "<html><head><link rel=stylesheet href=/s.css><script src=app.js></script></head><body>"
                + "<a href='#top'>top</a><a href='javascript:void(0)'>js</a><a href='mailto:a@b.c'>mail</a>"
                + "<a href='data:text/plain,x'>d</a><a href=/one>  One\n link </a><img src=/i.png alt=pic>"
                + "<map><area href=/two alt=Two></map><a href=/one>again</a><iframe src=//other.example/f></iframe>"
                + "<a href='https://x.example/p#frag'>frag</a></body></html>";
        List<Link> links = new LinkExtractor().extract(Jsoup.parse(html, "https://site.example/dir/page"));
        assertEquals(List.of(
                new Link("https://site.example/s.css", 'E', ""),
                new Link("https://site.example/dir/app.js", 'E', ""),
                new Link("https://site.example/one", 'L', "One link"),
                new Link("https://site.example/i.png", 'E', ""),
                new Link("https://site.example/two", 'L', "Two"),
                new Link("https://other.example/f", 'E', ""),
                new Link("https://x.example/p#frag", 'L', "frag")), links);
    }

    @Test
    void anchorTextHasItsWhitespaceCollapsedToSingleSpacesAndTrimmed() {
        assertEquals("", LinkExtractor.collapse(""));
        assertEquals("", LinkExtractor.collapse(" \t\n\u00a0 "));
        assertEquals("One link", LinkExtractor.collapse("  One\n link "));
        assertEquals("a b c", LinkExtractor.collapse("a b c"));
        assertEquals("a b c d", LinkExtractor.collapse("a  b\u00a0c\u2003d"));
        assertEquals("Read more »", LinkExtractor.collapse(new StringBuilder("Read more \u00bb ")));
        assertEquals("x y", LinkExtractor.collapse(" x \r\n y"));
        assertEquals("z", LinkExtractor.collapse("z "));
    }

    @Test
    void rootRelativeLinksResolveExactlyAsJavaNetUrlResolvesThem() throws Exception {
        List<String> bases = List.of("http://a.test/x/y.html", "https://a.test:8443/", "http://127.0.0.1:8080/a/b/",
                "http://user@a.test/q?x=1#f");
        List<String> hrefs = List.of("/", "/a", "/a/b.html", "/a-b_c~d/E9", "/.well-known/x", "/a//b", "/./a", "/../a",
                "/a/./b", "/a/../b", "/a/.", "/a/..", "/...", "//b.test/x", "/a?q=1", "/a#f", "/a b", "/%7Ex", "/a:b", "/a.");
        for (String base : bases) {
            StringBuilder html = new StringBuilder("<body>");
            for (String href : hrefs) {
                html.append("<a href='").append(href).append("'>x</a>");
            }
            List<Link> links = new LinkExtractor().extract(Jsoup.parse(html.toString(), base));
            java.util.Set<String> expected = new java.util.LinkedHashSet<>();
            for (String href : hrefs) {
                expected.add(new java.net.URL(new java.net.URL(base), href.strip()).toExternalForm());
            }
            assertEquals(List.copyOf(expected), links.stream().map(Link::url).toList(), base);
        }
    }

    @Test
    void metadataFallsBackFromJsonLdToOpenGraphToMetaToMarkup() {
        String html = "<html lang=de-AT><head><title>Der Titel – Die Zeitung</title>"
                + "<meta property=og:site_name content='Die Zeitung'>"
                + "<meta name=author content='Erika Muster'>"
                + "<meta name=date content='20.11.2026'>"
                + "<meta property=og:description content='Worum es geht.'>"
                + "<link rel=canonical href=/artikel/1></head><body><h1>Der Titel</h1></body></html>";
        PageMetadata md = new MetadataExtractor().extract(Jsoup.parse(html, "https://zeitung.example/x?y=1"));
        assertEquals("Der Titel", md.title());
        assertEquals("Erika Muster", md.author());
        assertEquals("2026-11-20", md.published());
        assertEquals("de", md.language());
        assertEquals("Die Zeitung", md.siteName());
        assertEquals("https://zeitung.example/artikel/1", md.canonicalUrl());
        assertEquals("Worum es geht.", md.description());
    }

    @Test
    void jsonLdGraphWithSeveralAuthors() {
        String html = "<html><head><script type='application/ld+json'>{\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Site\"},"
                + "{\"@type\":[\"NewsArticle\"],\"headline\":\"Head\",\"datePublished\":\"2025-01-02T03:04:05Z\","
                + "\"author\":[{\"@type\":\"Person\",\"name\":\"A One\"},{\"name\":\"B Two\"}],\"inLanguage\":\"fr-FR\"}]}"
                + "</script><meta property=og:title content='Other'></head><body></body></html>";
        PageMetadata md = new MetadataExtractor().extract(Jsoup.parse(html, "https://s.example/"));
        assertEquals("Head", md.title());
        assertEquals("A One, B Two", md.author());
        assertEquals("2025-01-02", md.published());
        assertEquals("fr", md.language());
        assertEquals("Site", md.siteName());
    }

    @Test
    void pageWithoutMetadataGivesNulls() {
        PageMetadata md = new MetadataExtractor().extract(Jsoup.parse("<p>x</p>", ""));
        assertNull(md.author());
        assertNull(md.published());
        assertNull(md.language());
    }

    @Test
    void datesInManyShapes() {
        assertEquals("2026-11-20", DateNormalizer.normalize("November 20, 2026"));
        assertEquals("2026-11-20", DateNormalizer.normalize("20. November 2026"));
        assertEquals("2026-03-05", DateNormalizer.normalize("5 de marzo de 2026"));
        assertEquals("2026-11-20", DateNormalizer.normalize("Fri, 20 Nov 2026 08:30:00 GMT"));
        assertEquals("2026-11-20", DateNormalizer.normalize("2026/11/20"));
        assertNull(DateNormalizer.normalize("no date here"));
    }

    @Test
    void adjacentLinksDoNotGlueAndBlocksStayOnTheirOwnLines() {
        String html = "<body><div><p>A first paragraph that is long enough to be part of the main text, surely.</p>"
                + "<p>Links: <span><a href=/a>Marvel</a></span><span><a href=/b>Argues</a></span> and more words in "
                + "this second paragraph of the article body.</p><ul><li>Item one</li><li>Item two</li></ul>"
                + "<blockquote><p>A quoted sentence that matters to the story.</p></blockquote>"
                + "<pre>code  line 1\n  line 2</pre>"
                + "<table><tr><th>Name</th><th>Value</th></tr><tr><td>alpha</td><td>1</td></tr></table></div></body>";
        MainTextExtractor.MainText t = new MainTextExtractor().extract(Jsoup.parse(html, ""), PageMetadata.EMPTY);
        assertTrue(t.text().contains("Marvel Argues"), t.text());
        assertTrue(t.text().contains("\nItem one\nItem two\n"), t.text());
        assertTrue(t.text().contains("code  line 1\n  line 2"), t.text());
        assertTrue(t.text().contains("Name | Value\nalpha | 1"), t.text());
        assertTrue(t.markdown().contains("- Item one\n- Item two"), t.markdown());
        assertTrue(t.markdown().contains("> A quoted sentence"), t.markdown());
        assertTrue(t.markdown().contains("```\ncode  line 1\n  line 2\n```"), t.markdown());
        assertTrue(t.markdown().contains("| Name | Value |\n| --- | --- |\n| alpha | 1 |"), t.markdown());

        // a crawl writes plain text only: the same text, no Markdown rendered
        ExtractedPage crawled = new HtmlExtractor(ExtractOptions.from(null)).extract(Jsoup.parse(html, ""));
        assertEquals(t.text(), crawled.text());
        assertNull(crawled.markdown());
    }

    @Test
    void hiddenElementsAreNotText() {
        String html = "<body><article><p>Visible paragraph of the article with enough words to be content.</p>"
                + "<p hidden>Hidden one</p><p aria-hidden=true>Aria hidden</p><p style='display: none'>Styled away</p>"
                + "<p style='visibility:hidden'>Invisible</p></article></body>";
        String text = new MainTextExtractor().extract(Jsoup.parse(html, ""), PageMetadata.EMPTY).text();
        assertTrue(text.contains("Visible paragraph"));
        for (String s : new String[]{"Hidden one", "Aria hidden", "Styled away", "Invisible"}) {
            assertTrue(!text.contains(s), s);
        }
    }
}
