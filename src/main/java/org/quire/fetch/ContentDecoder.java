package org.quire.fetch;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import org.apache.commons.compress.compressors.brotli.BrotliCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * Undoes a response's Content-Encoding (identity, gzip/x-gzip, deflate in zlib or raw form, br, zstd, and
 * stacks of them such as {@code gzip, br}, undone last-applied first) to get the payload the extractor reads.
 * The archive keeps the encoded bytes; this is only for reading them. Output is capped, so a small
 * "decompression bomb" cannot exhaust memory.
 */
public final class ContentDecoder {

    private ContentDecoder() {
    }

    /**
     * Decodes {@code body} according to {@code contentEncodingHeader} (null or blank means identity).
     *
     * @throws ContentDecodingException for an unknown coding (named in the message), corrupt or truncated data,
     *                                  or output beyond {@code maxDecodedBytes}
     */
    public static byte[] decode(byte[] body, String contentEncodingHeader, long maxDecodedBytes)
            throws ContentDecodingException {
        return decode(body, contentEncodingHeader, maxDecodedBytes, false);
    }

    /**
     * Like {@link #decode(byte[], String, long)}, but when {@code acceptTruncated} is true a stream that ends
     * early (a body cut by the fetcher's size or time limit) yields what was decoded up to the cut instead of
     * an exception. Unknown codings, corrupt data and the size limit still throw.
     */
    public static byte[] decode(byte[] body, String contentEncodingHeader, long maxDecodedBytes,
                                boolean acceptTruncated) throws ContentDecodingException {
        return decode(body, contentEncodingHeader, maxDecodedBytes, acceptTruncated, false);
    }

    private static byte[] decode(byte[] body, String contentEncodingHeader, long maxDecodedBytes,
                                 boolean acceptTruncated, boolean cutAtLimit) throws ContentDecodingException {
        List<String> codings = codings(contentEncodingHeader);
        if (codings.isEmpty()) {
            if (body.length > maxDecodedBytes) {
                throw tooLarge(maxDecodedBytes);
            }
            return body;
        }
        if (body.length == 0) {
            return body;                                   // e.g. 304 or HEAD: nothing was encoded
        }
        InputStream in = new ByteArrayInputStream(body);
        try {
            // Codings are listed in the order applied; undo them from the last one.
            for (int i = codings.size() - 1; i >= 0; i--) {
                in = decoderFor(codings.get(i), in);
            }
            return readCapped(in, maxDecodedBytes, acceptTruncated, cutAtLimit);
        } catch (ContentDecodingException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ContentDecodingException("cannot decode Content-Encoding \"" + contentEncodingHeader.trim()
                    + "\": " + e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : ""),
                    e);
        } finally {
            try {
                in.close();
            } catch (IOException | RuntimeException ignored) {
                // nothing to release beyond memory
            }
        }
    }

    /**
     * The first {@code maxBytes} decoded bytes of {@code body}, for readers that only look at a prefix
     * (robots.txt: at most 500 KiB). Output beyond the limit is not produced, and a body that ends early
     * yields what was decoded; unknown codings and corrupt data still throw.
     */
    public static byte[] decodePrefix(byte[] body, String contentEncodingHeader, int maxBytes)
            throws ContentDecodingException {
        List<String> codings = codings(contentEncodingHeader);
        if (codings.isEmpty() || body.length == 0) {
            return body.length > maxBytes ? Arrays.copyOf(body, maxBytes) : body;
        }
        return decode(body, contentEncodingHeader, maxBytes, true, true);
    }

    /** The codings named in the header, lower-case, identity dropped, in the order they were applied. */
    static List<String> codings(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        for (String part : header.split(",")) {
            String c = part.trim().toLowerCase(Locale.ROOT);
            if (!c.isEmpty() && !c.equals("identity")) {
                out.add(c);
            }
        }
        return out;
    }

    private static InputStream decoderFor(String coding, InputStream in) throws IOException, ContentDecodingException {
        switch (coding) {
            case "gzip":
            case "x-gzip":
                return new GZIPInputStream(in, 8192);
            case "deflate":
                return deflate(in);
            case "br":
                return new BrotliCompressorInputStream(in);
            case "zstd":
                return new ZstdCompressorInputStream(in);
            default:
                throw new ContentDecodingException("unsupported Content-Encoding: \"" + coding + "\"");
        }
    }

    /** HTTP "deflate" is meant to be zlib-wrapped, but many servers send raw deflate; accept both. */
    private static InputStream deflate(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 8192);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        boolean zlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
        return new InflaterInputStream(buffered, new Inflater(!zlib), 8192) {
            @Override
            public void close() throws IOException {
                super.close();
                inf.end();
            }
        };
    }

    private static byte[] readCapped(InputStream in, long max, boolean acceptTruncated, boolean cutAtLimit)
            throws IOException, ContentDecodingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (out.size() + (long) n > max) {
                    if (cutAtLimit) {
                        out.write(buffer, 0, (int) (max - out.size()));
                        break;
                    }
                    throw tooLarge(max);
                }
                out.write(buffer, 0, n);
            }
        } catch (EOFException e) {
            if (!acceptTruncated) {
                throw e;
            }
        } catch (IOException e) {
            // Decoders report a cut stream in their own words; take what came out when the cut is expected.
            if (!acceptTruncated || !looksTruncated(e)) {
                throw e;
            }
        }
        return out.toByteArray();
    }

    private static boolean looksTruncated(IOException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("end of") || m.contains("truncated") || m.contains("eof") || m.contains("unexpected end");
    }

    private static ContentDecodingException tooLarge(long max) {
        return new ContentDecodingException("decoded body exceeds the limit of " + max
                + " bytes (possible decompression bomb)");
    }
}
