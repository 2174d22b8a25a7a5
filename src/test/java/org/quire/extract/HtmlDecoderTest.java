package org.quire.extract;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HtmlDecoderTest {

    private static final Charset W1252 = Charset.forName("windows-1252");

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void byteOrderMarkWinsOverHeaderAndMeta() {
        byte[] body = concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "<meta charset=iso-8859-1><p>Grüße</p>".getBytes(StandardCharsets.UTF_8));
        Document doc = HtmlDecoder.parse(body, "text/html; charset=windows-1252", null);
        assertEquals("Grüße", doc.select("p").text());
    }

    @Test
    void headerCharsetWinsOverMeta() {
        byte[] body = "<meta charset=utf-8><p>Grüße</p>".getBytes(W1252);
        assertEquals("Grüße", HtmlDecoder.parse(body, "text/html; charset=\"ISO-8859-1\"", null).select("p").text());
    }

    @Test
    void metaCharsetAndHttpEquivAreRead() {
        byte[] a = "<html><head><meta charset=\"windows-1252\"></head><p>Café</p>".getBytes(W1252);
        assertEquals("Café", HtmlDecoder.parse(a, "text/html", null).select("p").text());
        byte[] b = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"><p>Привет</p>"
                .getBytes(Charset.forName("koi8-r"));
        assertEquals("Привет", HtmlDecoder.parse(b, null, null).select("p").text());
    }

    @Test
    void guessesUtf8OrWindows1252() {
        assertEquals("Straße", HtmlDecoder.parse("<p>Straße</p>".getBytes(StandardCharsets.UTF_8), null, null)
                .select("p").text());
        assertEquals("Straße €", HtmlDecoder.parse("<p>Straße €</p>".getBytes(W1252), null, null).select("p").text());
    }

    @Test
    void unknownCharsetNamesFallThrough() {
        byte[] body = "<meta charset=no-such-charset><p>Grüße</p>".getBytes(StandardCharsets.UTF_8);
        assertEquals("Grüße", HtmlDecoder.parse(body, "text/html; charset=x-bogus", null).select("p").text());
    }

    @Test
    void baseUrlResolvesLinks() {
        Document doc = HtmlDecoder.parse("<a href=b/c>x</a>".getBytes(StandardCharsets.UTF_8), null,
                "https://site.example/a/");
        assertEquals("https://site.example/a/b/c", doc.select("a").first().absUrl("href"));
    }

    @Test
    void validUtf8MislabelledAsLatin1InMetaIsReadAsUtf8() {
        byte[] body = "<meta charset=iso-8859-1><p>Maßnahmen</p>".getBytes(StandardCharsets.UTF_8);
        assertEquals("Maßnahmen", HtmlDecoder.parse(body, null, null).select("p").text());
        // but a header is authoritative
        assertEquals("MaÃŸnahmen", HtmlDecoder.parse(body, "text/html; charset=windows-1252", null).select("p").text());
    }
}
