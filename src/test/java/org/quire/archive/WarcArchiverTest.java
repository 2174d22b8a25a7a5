package org.quire.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.Warcinfo;
import org.quire.fetch.ErrorKind;
import org.quire.fetch.FetchResult;
import org.quire.fetch.HttpHeader;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

class WarcArchiverTest {

    private static final WarcinfoFields INFO = new WarcinfoFields("quire/test", "crawler-1.example",
            "Test Operator", "mailto:ops@example.org", "obey", "news", "quire-test/1.0 (+https://example.org/bot)");

    @TempDir
    Path tmp;

    private WarcArchiver archiver(long maxSize) throws IOException {
        return new WarcArchiver(tmp.resolve("warc"), "news", Instant.parse("2026-11-20T10:00:00Z"), maxSize, INFO);
    }

    private List<Path> warcFiles() throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve("warc"))) {
            return s.sorted().toList();
        }
    }

    /** Every record of the file, with block digests and payload digests checked against the bytes. */
    private static List<WarcRecord> readVerified(Path file) throws IOException {
        List<WarcRecord> out = new ArrayList<>();
        try (WarcReader reader = new WarcReader(file)) {
            reader.calculateBlockDigest();
            for (WarcRecord rec : reader) {
                assertEquals(MessageVersion.WARC_1_1, rec.version(), "WARC version of " + rec.type());
                if (rec instanceof WarcResponse resp) {
                    byte[] payload = resp.http().body().stream().readAllBytes();
                    WarcDigest expected = resp.payloadDigest().orElseThrow();
                    assertEquals(expected, sha1(payload), "payload digest of " + resp.target());
                }
                rec.body().consume();
                WarcDigest declared = rec.blockDigest().orElseThrow(() -> new AssertionError("no block digest"));
                assertEquals(declared, rec.calculatedBlockDigest().orElseThrow(), "block digest of " + rec.type());
                out.add(rec);
            }
        }
        return out;
    }

    private static WarcDigest sha1(byte[] data) {
        try {
            return new WarcDigest("sha1", MessageDigest.getInstance("SHA-1").digest(data));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void writesWarcinfoThenVerifiableResponseAndRequestPair() throws IOException {
        FetchResult r = FetchResults.html("http://127.0.0.1:8080/a/page?x=1&y=2", "<html><p>hello</p></html>");
        RecordLocation loc;
        try (WarcArchiver a = archiver(1_000_000)) {
            loc = a.archive(r);
        }
        List<Path> files = warcFiles();
        assertEquals(1, files.size());
        assertEquals("news-20261120100000-00000-crawler-1.example.warc.gz", files.get(0).getFileName().toString());
        assertEquals(files.get(0).getFileName().toString(), loc.warcFile());

        List<WarcRecord> recs = readVerified(files.get(0));
        assertEquals(List.of("warcinfo", "response", "request"), recs.stream().map(WarcRecord::type).toList());
        Warcinfo info = (Warcinfo) recs.get(0);
        assertEquals(loc.warcFile(), info.filename().orElseThrow());
        String fields = new String(info.serializeHeader(), StandardCharsets.UTF_8);
        assertTrue(fields.contains("WARC-Filename: " + loc.warcFile()), fields);
        String infoBlock = new String(blocks(files.get(0)).get(0), StandardCharsets.UTF_8);
        for (String field : List.of("software: quire/test", "hostname: crawler-1.example",
                "operator: Test Operator", "contact: mailto:ops@example.org", "robots: obey", "isPartOf: news",
                "http-header-user-agent: quire-test/1.0 (+https://example.org/bot)")) {
            assertTrue(infoBlock.contains(field + "\r\n"), field + " in " + infoBlock);
        }

        WarcResponse resp = (WarcResponse) recs.get(1);
        WarcRequest req = (WarcRequest) recs.get(2);
        assertEquals(loc.recordId(), "<" + resp.id() + ">");
        assertEquals(List.of(resp.id()), req.concurrentTo());
        assertEquals("http://127.0.0.1:8080/a/page?x=1&y=2", resp.headers().first("WARC-Target-URI").orElseThrow());
        assertEquals("http://127.0.0.1:8080/a/page?x=1&y=2", req.headers().first("WARC-Target-URI").orElseThrow());
        assertEquals(FetchResults.T0, resp.date());
        assertEquals("127.0.0.1", resp.headers().first("WARC-IP-Address").orElseThrow());
        assertEquals(loc.payloadDigest(), resp.payloadDigest().orElseThrow().toString());
        assertTrue(loc.payloadDigest().matches("sha1:[A-Z2-7]{32}"), loc.payloadDigest());
        assertEquals(WarcTruncationReason.NOT_TRUNCATED, resp.truncated());
        assertTrue(resp.warcinfoID().isPresent());
        assertEquals(info.id(), resp.warcinfoID().get());
    }

    @Test
    void recordBlocksAreTheExchangeAsSentAndReceived() throws IOException {
        FetchResult r = FetchResults.ok("http://127.0.0.1/x", "text/plain",
                "body bytes".getBytes(StandardCharsets.US_ASCII),
                List.of(new HttpHeader("X-Custom", "One"), new HttpHeader("Set-Cookie", "a=1"),
                        new HttpHeader("Set-Cookie", "b=2")), null);
        try (WarcArchiver a = archiver(0)) {
            a.archive(r);
        }
        List<WarcRecord> recs = readVerified(warcFiles().get(0));
        WarcResponse resp = (WarcResponse) recs.get(1);
        assertEquals("application/http;msgtype=response", resp.contentType().toString());
        List<byte[]> blocks = blocks(warcFiles().get(0));
        byte[] block = blocks.get(1);
        assertEquals("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Custom: One\r\nSet-Cookie: a=1\r\n"
                + "Set-Cookie: b=2\r\n\r\nbody bytes", new String(block, StandardCharsets.ISO_8859_1));
        byte[] reqBlock = blocks.get(2);
        assertEquals(r.requestHead(), new String(reqBlock, StandardCharsets.ISO_8859_1));
        assertEquals(200, resp.http().status());
    }

    /** The block bytes of every record, in order. */
    private static List<byte[]> blocks(Path file) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (WarcReader reader = new WarcReader(file)) {
            for (WarcRecord rec : reader) {
                out.add(rec.body().stream().readAllBytes());
            }
        }
        return out;
    }

    @Test
    void fileIsOpenWhileWritingAndRenamedOnClose() throws IOException {
        WarcArchiver a = archiver(0);
        assertTrue(warcFiles().isEmpty(), "no file before the first record");
        RecordLocation loc = a.archive(FetchResults.html("http://127.0.0.1/", "<p>x</p>"));
        List<Path> during = warcFiles();
        assertEquals(1, during.size());
        assertEquals(loc.warcFile() + ".open", during.get(0).getFileName().toString());
        a.close();
        List<Path> after = warcFiles();
        assertEquals(List.of(tmp.resolve("warc").resolve(loc.warcFile()).toAbsolutePath()),
                after.stream().map(Path::toAbsolutePath).toList());
        assertEquals(after, a.closedFiles().stream().toList());
        a.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> a.archive(FetchResults.html("http://127.0.0.1/", "x")));
    }

    @Test
    void rotatesPastTheSizeLimitEachFileBeginningWithWarcinfo() throws IOException {
        Random rnd = new Random(7);
        List<RecordLocation> locs = new ArrayList<>();
        try (WarcArchiver a = archiver(3_000)) {
            for (int i = 0; i < 6; i++) {
                byte[] body = new byte[2_000];
                rnd.nextBytes(body); // incompressible: each capture passes the limit
                locs.add(a.archive(FetchResults.ok("http://127.0.0.1/f" + i, "application/octet-stream", body,
                        List.of(), null)));
            }
        }
        List<Path> files = warcFiles();
        assertTrue(files.size() >= 3, "several files: " + files);
        for (int i = 0; i < files.size(); i++) {
            String name = files.get(i).getFileName().toString();
            assertEquals(String.format("news-20261120100000-%05d-crawler-1.example.warc.gz", i), name);
            List<WarcRecord> recs = readVerified(files.get(i));
            assertEquals("warcinfo", recs.get(0).type(), name);
            assertEquals(name, ((Warcinfo) recs.get(0)).filename().orElseThrow());
            String infoId = recs.get(0).id().toString();
            for (WarcRecord r : recs.subList(1, recs.size())) {
                assertEquals(Optional.of(infoId), r.headers().first("WARC-Warcinfo-ID").map(v -> v.replaceAll("[<>]", "")),
                        "every record names the warcinfo record of its own file, after rotations too: " + name);
            }
        }
        for (RecordLocation loc : locs) {
            assertTrue(Files.exists(tmp.resolve("warc").resolve(loc.warcFile())), loc.warcFile());
        }
    }

    @Test
    void aPagesOutlinksStayInTheFileOfItsResponseEvenPastTheSizeLimit() throws IOException {
        byte[] body = new byte[4_000];
        new Random(3).nextBytes(body); // the response alone passes the 1 000-byte limit
        RecordLocation loc;
        try (WarcArchiver a = archiver(1_000)) {
            loc = a.archive(FetchResults.ok("http://127.0.0.1/page", "text/html", body, List.of(), null));
            a.archiveMetadata(URI.create("http://127.0.0.1/page"), loc.recordId(), List.of("http://127.0.0.1/next"));
            a.archive(FetchResults.ok("http://127.0.0.1/next", "text/html", body, List.of(), null));
        }
        List<WarcRecord> first = readVerified(tmp.resolve("warc").resolve(loc.warcFile()));
        assertEquals(List.of("warcinfo", "response", "request", "metadata"),
                first.stream().map(WarcRecord::type).toList(), "the next capture begins a new file");
        assertEquals(2, warcFiles().size());
    }

    @Test
    void truncatedCaptureCarriesWarcTruncated() throws IOException {
        FetchResult r = FetchResults.ok("http://127.0.0.1/big", "application/octet-stream", new byte[100],
                List.of(new HttpHeader("Content-Length", "100000")), "length");
        try (WarcArchiver a = archiver(0)) {
            a.archive(r);
        }
        List<WarcRecord> recs = readVerified(warcFiles().get(0));
        WarcResponse resp = (WarcResponse) recs.get(1);
        assertEquals(WarcTruncationReason.LENGTH, resp.truncated());
        assertEquals("length", resp.headers().first("WARC-Truncated").orElseThrow());
    }

    @Test
    void offsetAndLengthLocateExactlyTheResponseRecord() throws IOException {
        List<RecordLocation> locs = new ArrayList<>();
        try (WarcArchiver a = archiver(0)) {
            for (int i = 0; i < 5; i++) {
                locs.add(a.archive(FetchResults.html("http://127.0.0.1/p" + i, "<p>page " + i + "</p>")));
            }
        }
        Path file = tmp.resolve("warc").resolve(locs.get(3).warcFile());
        RecordLocation loc = locs.get(3);
        try (FileChannel ch = FileChannel.open(file)) {
            ch.position(loc.offset());
            WarcReader reader = new WarcReader(ch);
            WarcRecord rec = reader.next().orElseThrow();
            assertEquals(loc.recordId(), "<" + rec.id() + ">");
            assertEquals("http://127.0.0.1/p3", ((WarcTargetRecord) rec).target());
            String body = new String(((WarcResponse) rec).http().body().stream().readAllBytes(),
                    StandardCharsets.UTF_8);
            assertEquals("<p>page 3</p>", body);

            // the member is exactly [offset, offset+length): it inflates alone into one WARC record
            ByteBuffer member = ByteBuffer.allocate((int) loc.length());
            ch.read(member, loc.offset());
            byte[] inflated = new GZIPInputStream(new ByteArrayInputStream(member.array())).readAllBytes();
            String text = new String(inflated, StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("WARC/1.1\r\n"), text);
            assertTrue(text.endsWith("<p>page 3</p>\r\n\r\n"), text);
            assertEquals(1, text.split("WARC/1.1\r\n", -1).length - 1);
        }
    }

    @Test
    void contentEncodedBodyIsKeptByteIdenticalAndChunkedFramingHeaderIsDropped() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("<html>compressed page</html>".getBytes(StandardCharsets.UTF_8));
        }
        byte[] encoded = gz.toByteArray();
        FetchResult r = FetchResults.ok("http://127.0.0.1/gz", "text/html", encoded,
                List.of(new HttpHeader("Content-Encoding", "gzip"), new HttpHeader("Transfer-Encoding", "chunked")),
                null);
        RecordLocation loc;
        try (WarcArchiver a = archiver(0)) {
            loc = a.archive(r);
        }
        assertEquals(sha1(encoded).toString(), loc.payloadDigest(), "payload digest is over the encoded body");
        List<WarcRecord> recs = readVerified(warcFiles().get(0));
        assertEquals(3, recs.size());
        try (WarcReader reader = new WarcReader(warcFiles().get(0))) {
            reader.next();
            WarcResponse resp = (WarcResponse) reader.next().orElseThrow();
            assertEquals(List.of("gzip"), resp.http().headers().all("Content-Encoding"));
            assertTrue(resp.http().headers().all("Transfer-Encoding").isEmpty(), "no chunked framing header");
            byte[] stored = resp.http().body().stream().readAllBytes();
            assertArrayEquals(encoded, stored);
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
                assertEquals("<html>compressed page</html>", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void failuresWriteNothing() throws IOException {
        FetchResult fail = FetchResult.failure(URI.create("http://127.0.0.1:1/"), FetchResults.T0,
                Duration.ofMillis(3), null, null, ErrorKind.CONNECT, "connection refused");
        try (WarcArchiver a = archiver(0)) {
            assertNull(a.archive(fail));
        }
        assertTrue(warcFiles().isEmpty());
    }

    @Test
    void metadataRecordListsOutlinksConcurrentToTheResponse() throws IOException {
        RecordLocation loc;
        try (WarcArchiver a = archiver(0)) {
            loc = a.archive(FetchResults.html("http://127.0.0.1/page", "<a href=/b>b</a>"));
            a.archiveMetadata(URI.create("http://127.0.0.1/page"), loc.recordId(),
                    List.of("http://127.0.0.1/b", "http://127.0.0.1/c?q=1"));
        }
        List<WarcRecord> recs = readVerified(warcFiles().get(0));
        assertEquals(List.of("warcinfo", "response", "request", "metadata"),
                recs.stream().map(WarcRecord::type).toList());
        try (WarcReader reader = new WarcReader(warcFiles().get(0))) {
            WarcMetadata meta = (WarcMetadata) reader.records().filter(x -> x.type().equals("metadata"))
                    .findFirst().orElseThrow();
            assertEquals("application/warc-fields", meta.contentType().toString());
            assertEquals(loc.recordId(), "<" + meta.concurrentTo().get(0) + ">");
            assertEquals("http://127.0.0.1/page", meta.target());
            assertEquals(List.of("http://127.0.0.1/b", "http://127.0.0.1/c?q=1"), meta.fields().all("outlink"));
        }
    }

    @Test
    void unwritableWarcDirectoryFailsNamingThePath() throws IOException {
        Path blocker = tmp.resolve("not-a-dir");
        Files.writeString(blocker, "a file where the directory should be");
        Path warcDir = blocker.resolve("warc");
        IOException e = assertThrows(IOException.class,
                () -> new WarcArchiver(warcDir, "news", Instant.now(), 0, INFO));
        assertTrue(e.getMessage().contains(warcDir.toAbsolutePath().toString()), e.getMessage());
    }

    @Test
    void concurrentWritersKeepEachCaptureIntact() throws Exception {
        int threads = 4;
        int perThread = 20;
        try (WarcArchiver a = archiver(20_000)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int tt = t;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        a.archive(FetchResults.html("http://127.0.0.1/t" + tt + "/" + i, "<p>" + tt + i + "</p>"));
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            pool.shutdown();
        }
        int responses = 0;
        for (Path f : warcFiles()) {
            assertFalse(f.toString().endsWith(".open"));
            List<WarcRecord> recs = readVerified(f);
            assertEquals("warcinfo", recs.get(0).type());
            for (int i = 1; i < recs.size(); i += 2) {
                WarcCaptureRecord resp = (WarcCaptureRecord) recs.get(i);
                WarcCaptureRecord req = (WarcCaptureRecord) recs.get(i + 1);
                assertEquals("response", resp.type());
                assertEquals(List.of(resp.id()), req.concurrentTo(), "pair stays adjacent");
                responses++;
            }
        }
        assertEquals(threads * perThread, responses);
    }

    @Test
    void revisitRecordsReferToTheOriginalCapture() throws IOException {
        FetchResult first = FetchResults.html("http://127.0.0.1/same", "<p>unchanged</p>");
        FetchResult again = FetchResults.html("http://127.0.0.1/same", "<p>unchanged</p>");
        FetchResult notModified = new FetchResult(URI.create("http://127.0.0.1/same"), FetchResults.T0.plusSeconds(60),
                Duration.ofMillis(3), "127.0.0.1", FetchResults.requestHead(URI.create("http://127.0.0.1/same")),
                304, "Not Modified", "HTTP/1.1", List.of(new HttpHeader("ETag", "\"v1\"")), new byte[0], null, null,
                null);
        RecordLocation orig;
        RecordLocation dup;
        RecordLocation nm;
        try (WarcArchiver a = archiver(0)) {
            orig = a.archive(first);
            dup = a.archiveRevisit(again, RevisitProfile.IDENTICAL_PAYLOAD_DIGEST, orig.recordId(), first.url(),
                    first.fetchedAt());
            nm = a.archiveRevisit(notModified, RevisitProfile.SERVER_NOT_MODIFIED, orig.recordId(), first.url(),
                    first.fetchedAt());
        }
        assertEquals(orig.payloadDigest(), dup.payloadDigest());
        assertNull(nm.payloadDigest());
        List<WarcRecord> recs = readVerified(warcFiles().get(0));
        assertEquals(List.of("warcinfo", "response", "request", "revisit", "request", "revisit", "request"),
                recs.stream().map(WarcRecord::type).toList());
        try (FileChannel ch = FileChannel.open(warcFiles().get(0))) {
            ch.position(dup.offset());
            WarcRevisit rv = (WarcRevisit) new WarcReader(ch).next().orElseThrow();
            assertEquals(WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1, rv.profile());
            assertEquals(orig.recordId(), rv.headers().first("WARC-Refers-To").orElseThrow());
            assertEquals("http://127.0.0.1/same", rv.headers().first("WARC-Refers-To-Target-URI").orElseThrow());
            assertEquals(first.fetchedAt(), rv.refersToDate().orElseThrow());
            assertEquals(orig.payloadDigest(), rv.payloadDigest().orElseThrow().toString());
            assertEquals(200, rv.http().status());
            assertEquals(0, rv.http().body().stream().readAllBytes().length, "revisit holds no payload");
        }
        try (FileChannel ch = FileChannel.open(warcFiles().get(0))) {
            ch.position(nm.offset());
            WarcRevisit rv = (WarcRevisit) new WarcReader(ch).next().orElseThrow();
            assertEquals(WarcRevisit.SERVER_NOT_MODIFIED_1_1, rv.profile());
            assertEquals(304, rv.http().status());
        }
    }
}
