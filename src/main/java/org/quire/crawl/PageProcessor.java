package org.quire.crawl;

import org.jsoup.nodes.Document;
import org.quire.archive.CrawlLogEntry;
import org.quire.archive.RecordLocation;
import org.quire.archive.WarcArchiver;
import org.quire.config.Settings;
import org.quire.extract.ExtractedPage;
import org.quire.extract.Extractor;
import org.quire.extract.HtmlDecoder;
import org.quire.extract.Link;
import org.quire.fetch.ContentDecoder;
import org.quire.fetch.ErrorKind;
import org.quire.fetch.FetchResult;
import org.quire.fetch.RobotsRules;
import org.quire.frontier.Candidate;
import org.quire.frontier.CrawlUrl;
import org.quire.frontier.Frontier;
import org.quire.output.PageRecord;
import org.quire.output.PagesJsonlWriter;
import org.quire.output.TextFileWriter;
import org.quire.output.WetWriter;
import org.quire.recrawl.ChangeMark;
import org.quire.seeds.SeedUrls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns one archived HTML response into outputs: decodes and parses it, extracts main text, metadata and links,
 * writes the outlinks metadata record, the pages.jsonl line and the text file, and offers in-scope links to the
 * frontier. Runs on the fetch thread that fetched the page.
 */
final class PageProcessor {

    private final Settings settings;
    private final Extractor extractor;
    private final WarcArchiver warc;
    private final PagesJsonlWriter pagesOut;
    private final TextFileWriter textOut;
    private final Frontier frontier;
    /** The links met so far, with their normal form and the scope's verdict. */
    private final LinkVerdicts linkVerdicts;
    private final CrawlEvents events;
    private UrlProcessor rejections;
    private WetWriter wet;

    PageProcessor(Settings settings, Extractor extractor, WarcArchiver warc, PagesJsonlWriter pagesOut,
                  TextFileWriter textOut, Frontier frontier, ScopeRules scope, CrawlEvents events) {
        this.settings = settings;
        this.extractor = extractor;
        this.warc = warc;
        this.pagesOut = pagesOut;
        this.textOut = textOut;
        this.frontier = frontier;
        this.linkVerdicts = new LinkVerdicts(scope, LINK_VERDICTS);
        this.events = events;
    }

    /** Links remembered with their verdicts (with their URLs' characters capped: a few MB of heap at the most). */
    static final int LINK_VERDICTS = 20_000;

    /** Where rejected links are logged (set once, before the crawl starts). */
    void logRejectionsWith(UrlProcessor processor) {
        this.rejections = processor;
    }

    /** Where each page's text also goes as a WET conversion record (set once, before the crawl starts). */
    void writeWetTo(WetWriter wetWriter) {
        this.wet = wetWriter;
    }

    /** A page may decode to at most this many times the body size limit (decompression-bomb guard). */
    private static final long MAX_DECODED_FACTOR = 10;

    static boolean isHtml(FetchResult r) {
        String mime = r.mimeType();
        return mime.equals("text/html") || mime.equals("application/xhtml+xml")
                || (mime.isEmpty() && looksLikeHtml(r.body()));
    }

    private static boolean looksLikeHtml(byte[] body) {
        int n = Math.min(body.length, 256);
        String head = new String(body, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1).trim().toLowerCase();
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    /**
     * Processes a page; {@code change} (may be null) is how it compares to the crawl's earlier captures;
     * {@code robots} (may be null) are the robots.txt rules of the page's own origin, against which its links to
     * that origin are checked as they are found: a link that robots.txt disallows is logged and recorded as done at
     * once instead of waiting in the host's queue for a turn that would only refuse it.
     */
    void process(CrawlUrl cu, FetchResult r, RecordLocation loc, ChangeMark change, RobotsRules robots)
            throws IOException {
        handle(cu, r, loc, change, robots, true, true);
    }

    /**
     * Processes a page again from its archived response during a resume: the outlinks record and the pages.jsonl
     * line are written only when they are not there yet; the text file is (re)written; links go to the frontier
     * (which ignores those it has seen).
     */
    void redo(CrawlUrl cu, FetchResult r, RecordLocation loc, boolean outlinksArchived, boolean lineWritten)
            throws IOException {
        handle(cu, r, loc, null, null, !outlinksArchived, !lineWritten);
    }

    private void handle(CrawlUrl cu, FetchResult r, RecordLocation loc, ChangeMark change, RobotsRules robots,
                        boolean writeOutlinks, boolean writeLine) throws IOException {
        if (!isHtml(r)) {
            return;
        }
        byte[] decoded;
        try {
            decoded = ContentDecoder.decode(r.body(), r.header("Content-Encoding"), MAX_DECODED_FACTOR * settings.fetch().maxBodySize(),
                    r.truncated() != null);
        } catch (Exception e) {
            events.record(CrawlLogEntry.refused(r.fetchedAt(), cu.url(), ErrorKind.BAD_CONTENT, cu.discoveryPath(),
                    cu.via(), "undecodable-content: " + e.getMessage()));
            return;
        }
        Document doc = HtmlDecoder.parse(decoded, r.header("Content-Type"), cu.url());
        ExtractedPage page = extractor.extract(doc);

        List<Candidate> next = new ArrayList<>();
        List<LinkVerdicts.Known> offering = new ArrayList<>();
        Set<String> outlinks = new LinkedHashSet<>();
        for (Link link : page.links()) {
            if (link.hop() != 'L') { // an embed: listed among the outlinks, not followed
                SeedUrls.normalise(link.url()).ifPresent(outlinks::add);
                continue;
            }
            LinkVerdicts.Known known = linkVerdicts.of(link.url());
            String url = known.normalised;
            if (url == null || !outlinks.add(url)) {
                continue;
            }
            ScopeDecision d = known.verdict.at(cu.depth() + 1);
            if (d.accepted()) {
                if (!known.offered()) { // the frontier ignores a URL it has seen: one offer that went through will do
                    next.add(new Candidate(url, cu.depth() + 1, cu.url(), cu.discoveryPath() + "L"));
                    offering.add(known);
                }
            } else if (rejections != null && d.rejection() != ErrorKind.TOO_DEEP) {
                rejections.logRejected(url, cu, d.rejection(), d.reason());
            }
        }
        if (writeOutlinks && !outlinks.isEmpty()) {
            warc.archiveMetadata(URI.create(cu.url()), loc.recordId(), List.copyOf(outlinks));
        }
        String requested = cu.discoveryPath().endsWith("R") && cu.via() != null ? cu.via() : cu.url();
        byte[] textUtf8 = null; // encoded once for the WET record and the text file
        if (writeLine) {
            pagesOut.write(PageRecord.of(requested, r, page, loc, cu.depth(), cu.via(),
                    change == null ? null : change.jsonValue()));
            if (wet != null) {
                textUtf8 = page.text().getBytes(StandardCharsets.UTF_8);
                wet.writeUtf8(r.url(), r.fetchedAt(), loc == null ? null : loc.recordId(), textUtf8);
            }
        }
        if (settings.archive().writeText()) {
            textOut.writeUtf8(cu.url(), textUtf8 != null ? textUtf8 : page.text().getBytes(StandardCharsets.UTF_8));
        }
        if (writeLine) {
            events.page();
        }
        if (next.isEmpty()) {
            return;
        }
        String origin = robots != null && settings.robots().obey() ? originPrefix(cu.url()) : null;
        if (origin == null) {
            frontier.add(next);
            offering.forEach(LinkVerdicts.Known::markOffered);
            return;
        }
        // New links to this origin are checked against its robots.txt now (seen ones were checked before). A
        // refused one is logged before the frontier stores it as done, inside the same add: the frontier cannot
        // commit in between, so a crash can repeat the crawl.log line (the page is redone) but never lose it.
        String denied = ErrorKind.ROBOTS_DENIED.code();
        try {
            frontier.add(next, c -> {
                if (!c.url().startsWith(origin) || robots.isAllowed(c.url())) {
                    return null;
                }
                try {
                    events.record(CrawlLogEntry.refused(Instant.now(), c.url(), ErrorKind.ROBOTS_DENIED,
                            c.discoveryPath(), c.via(), DISALLOWED_NOTE));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return denied;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        offering.forEach(LinkVerdicts.Known::markOffered);
    }

    /** The crawl.log note of a URL that robots.txt disallows (the same whether found so or refused at its turn). */
    static final String DISALLOWED_NOTE = "disallowed-by-robots.txt";

    /**
     * "scheme://authority/" of a URL in normal form: a link to the same origin starts with it (normal form drops
     * default ports and lower-cases scheme and host, so equal origins have equal prefixes); null when there is none.
     */
    static String originPrefix(String url) {
        int authority = url.indexOf("://");
        int path = authority < 0 ? -1 : url.indexOf('/', authority + 3);
        return path < 0 ? null : url.substring(0, path + 1);
    }
}
