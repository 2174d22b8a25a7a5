package org.quire.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns the bytes of an HTML response (already content-decoded: no gzip/br) into a jsoup {@link Document}, choosing
 * the character set the way browsers do: byte order mark, then the Content-Type header's charset, then a
 * {@code <meta charset>} or {@code http-equiv} declaration near the start, then a guess from the bytes (valid UTF-8
 * means UTF-8, anything else windows-1252). Never throws on junk input.
 */
public final class HtmlDecoder {

    /** How many leading bytes are searched for a meta charset declaration. */
    static final int META_SCAN_BYTES = 4096;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private HtmlDecoder() {
    }

    /**
     * Parses an HTML body.
     *
     * @param decodedBody        the body bytes after Content-Encoding decoding; null means empty
     * @param contentTypeHeader  the Content-Type header value, or null
     * @param baseUrl            the URL the page was fetched from, used to resolve relative links; null means none
     */
    public static Document parse(byte[] decodedBody, String contentTypeHeader, String baseUrl) {
        ExtractionWarmUp.shared().awaitStopped(); // never alongside the start-up warm-up (see there)
        byte[] body = decodedBody == null ? new byte[0] : decodedBody;
        Charset charset = detectCharset(body, contentTypeHeader);
        // jsoup decodes the bytes itself while it parses (in chunks, skipping a byte order mark): no whole-page
        // String is built, and with the charset given it does no sniffing of its own
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), charset.name(), baseUrl == null ? "" : baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
    }

    /** The charset {@link #parse} would use for these bytes and header. */
    public static Charset detectCharset(byte[] body, String contentTypeHeader) {
        Charset bom = bomCharset(body);
        if (bom != null) {
            return bom;
        }
        Charset header = charsetFromContentType(contentTypeHeader);
        if (header != null) {
            return header;
        }
        Charset meta = charsetFromMeta(body);
        if (meta != null) {
            // a legacy single-byte label on bytes that are valid, non-ASCII UTF-8 is a mislabel (re-saved pages,
            // CMS templates): such byte sequences practically never occur in real single-byte text
            if (!meta.equals(StandardCharsets.UTF_8) && singleByte(meta) && hasMultiByteUtf8(body) && isValidUtf8(body)) {
                return StandardCharsets.UTF_8;
            }
            return meta;
        }
        return isValidUtf8(body) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    private static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** The charset named by a {@code charset=} parameter, or null when absent or unknown. */
    static Charset charsetFromContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        String lower = contentType.toLowerCase(Locale.ROOT);
        int i = lower.indexOf("charset");
        while (i >= 0) {
            int j = i + "charset".length();
            while (j < lower.length() && lower.charAt(j) == ' ') {
                j++;
            }
            if (j < lower.length() && lower.charAt(j) == '=') {
                return lookup(readCharsetName(contentType, j + 1));
            }
            i = lower.indexOf("charset", i + 1);
        }
        return null;
    }

    private static String readCharsetName(String s, int from) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '"' || s.charAt(i) == '\'')) {
            i++;
        }
        int start = i;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ';' || c == '"' || c == '\'' || c == ' ' || c == '>' || c == '/' || c == ',') {
                break;
            }
            i++;
        }
        return s.substring(start, i);
    }

    /** Looks for {@code <meta charset=...>} or {@code <meta http-equiv=content-type content="...charset=...">}. */
    static Charset charsetFromMeta(byte[] body) {
        int n = Math.min(body.length, META_SCAN_BYTES);
        String head = new String(body, 0, n, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int at = head.indexOf("<meta");
        while (at >= 0) {
            int end = head.indexOf('>', at);
            if (end < 0) {
                end = head.length();
            }
            String tag = head.substring(at, end);
            int cs = tag.indexOf("charset");
            if (cs >= 0) {
                int j = cs + "charset".length();
                while (j < tag.length() && tag.charAt(j) == ' ') {
                    j++;
                }
                if (j < tag.length() && tag.charAt(j) == '=') {
                    Charset c = lookup(readCharsetName(tag, j + 1));
                    if (c != null) {
                        // a page that declares UTF-16 in ASCII-compatible bytes is really UTF-8 (HTML spec)
                        return c.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : c;
                    }
                }
            }
            at = head.indexOf("<meta", end);
        }
        return null;
    }

    private static Charset lookup(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        // browsers treat these labels as windows-1252
        if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")
                || n.equals("iso8859-1") || n.equals("l1")) {
            return WINDOWS_1252;
        }
        try {
            return Charset.isSupported(n) ? Charset.forName(n) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean singleByte(Charset c) {
        String n = c.name().toLowerCase(Locale.ROOT);
        return n.startsWith("windows-125") || n.startsWith("iso-8859") || n.startsWith("koi8") || n.equals("us-ascii");
    }

    private static boolean hasMultiByteUtf8(byte[] body) {
        for (byte b : body) {
            if ((b & 0xE0) == 0xC0 || (b & 0xF0) == 0xE0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the bytes are well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF, no
     * sequence cut off at the end): checked in place, without decoding into a buffer.
     */
    static boolean isValidUtf8(byte[] body) {
        int n = body.length;
        int i = 0;
        while (i < n) {
            int c = body[i];
            if (c >= 0) {
                i++;
                continue;
            }
            c &= 0xff;
            if (c < 0xC2 || c > 0xF4) {
                return false;
            }
            int len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            if (i + len > n) {
                return false;
            }
            int b1 = body[i + 1] & 0xff;
            if ((b1 & 0xC0) != 0x80
                    || (c == 0xE0 && b1 < 0xA0) || (c == 0xED && b1 > 0x9F)
                    || (c == 0xF0 && b1 < 0x90) || (c == 0xF4 && b1 > 0x8F)) {
                return false;
            }
            for (int k = 2; k < len; k++) {
                if ((body[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += len;
        }
        return true;
    }
}
