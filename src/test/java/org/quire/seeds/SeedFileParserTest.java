package org.quire.seeds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.config.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedFileParserTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsUrlsSkippingCommentsAndBlankLines() throws IOException {
        Path f = file("news.txt", """
                # News sites
                
                https://Example.COM
                   http://example.org:80/a/../b#top   # trailing comment
                https://example.net/page#section
                """);
        SeedFile sf = SeedFileParser.parse(f);
        assertEquals("news", sf.crawlName());
        assertEquals(f, sf.path());
        assertEquals(List.of(new Seed("https://example.com/", 3), new Seed("http://example.org/b", 4),
                new Seed("https://example.net/page", 5)), sf.seeds());
        assertEquals(List.of(), sf.warnings());
    }

    @Test
    void badLineNamesFileAndLine() throws IOException {
        Path f = file("news.txt", "https://example.com/\n\n# c\nftp://x\n");
        InputException e = assertThrows(InputException.class, () -> SeedFileParser.parse(f));
        assertEquals(f + ":4: not an absolute http(s) URL: \"ftp://x\"", e.getMessage());
        for (String bad : List.of("example.com", "/relative/path", "http://", "https://exa mple.com/", "mailto:a@b")) {
            Path g = file("bad.txt", "# header\n" + bad + "\n");
            assertEquals(g + ":2: not an absolute http(s) URL: \"" + bad + "\"",
                    assertThrows(InputException.class, () -> SeedFileParser.parse(g)).getMessage());
        }
    }

    @Test
    void pathIsShownAsGivenWhenRelative() throws IOException {
        Path absolute = file("rel.txt", "nope\n");
        Path relative = Path.of("").toAbsolutePath().relativize(absolute);
        assertTrue(!relative.isAbsolute());
        assertEquals(relative + ":1: not an absolute http(s) URL: \"nope\"",
                assertThrows(InputException.class, () -> SeedFileParser.parse(relative)).getMessage());
    }

    @Test
    void duplicatesCollapseWithAWarning() throws IOException {
        Path f = file("news.txt", "https://example.com/\nhttps://example.org/\nhttps://EXAMPLE.com:443/#x\n");
        SeedFile sf = SeedFileParser.parse(f);
        assertEquals(List.of("https://example.com/", "https://example.org/"), sf.urls());
        assertEquals(List.of(f + ":3: duplicate of line 1 (https://example.com/)"), sf.warnings());
    }

    @Test
    void emptyOrCommentOnlyFileIsAWarningNotAnError() throws IOException {
        for (String text : List.of("", "# only a comment\n\n   \n")) {
            Path f = file("quiet.txt", text);
            SeedFile sf = SeedFileParser.parse(f);
            assertEquals(List.of(), sf.seeds());
            assertEquals(List.of(f + ": no seeds (the file is empty or has only comments)"), sf.warnings());
        }
    }

    @Test
    void crlfAndByteOrderMarkAreFine() throws IOException {
        Path f = dir.resolve("win.txt");
        Files.write(f, "\uFEFFhttps://example.com/\r\n# c\r\nhttps://example.org/\r\n".getBytes("UTF-8"));
        assertEquals(List.of(new Seed("https://example.com/", 1), new Seed("https://example.org/", 3)),
                SeedFileParser.parse(f).seeds());
    }

    @Test
    void badCrawlNameAndUnreadableFiles() throws IOException {
        Path f = file("my news.txt", "https://example.com/\n");
        assertTrue(assertThrows(InputException.class, () -> SeedFileParser.parse(f)).getMessage()
                .startsWith(f + ": crawl name 'my news'"));
        Path missing = dir.resolve("missing.txt");
        assertEquals(missing + ": seed file not found",
                assertThrows(InputException.class, () -> SeedFileParser.parse(missing)).getMessage());
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, new byte[]{'h', 't', 't', 'p', ':', '/', '/', 'x', '/', (byte) 0xE9, '\n'});
        assertEquals(latin1 + ": not UTF-8 text",
                assertThrows(InputException.class, () -> SeedFileParser.parse(latin1)).getMessage());
    }

    @Test
    void urlNormalisation() {
        assertEquals(Optional.of("https://xn--mnchen-3ya.de/"), SeedUrls.normalise("https://münchen.de"));
        assertEquals(Optional.of("http://example.com/~user/"), SeedUrls.normalise("HTTP://example.com/%7euser/"));
        assertEquals(Optional.empty(), SeedUrls.normalise("javascript:alert(1)"));
    }

    @Test
    void shippedExampleSeedsAreValid() {
        SeedFile sf = SeedFileParser.parse(Path.of("seeds", "example.txt"));
        assertEquals("example", sf.crawlName());
        assertTrue(sf.seeds().size() >= 1);
        assertEquals(List.of(), sf.warnings());
        assertTrue(sf.urls().contains("https://example.com/"));
    }
}
