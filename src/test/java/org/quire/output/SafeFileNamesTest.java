package org.quire.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class SafeFileNamesTest {

    @TempDir
    Path tmp;

    private static final List<String> HOSTILE = List.of(
            "http://127.0.0.1/../../etc/passwd",
            "http://127.0.0.1/%2e%2e/%2e%2e/etc/passwd",
            "http://127.0.0.1/..%2f..%2fsecret",
            "http://127.0.0.1/a/..\\..\\windows\\system32",
            "http://127.0.0.1/" + "very-long-segment/".repeat(100),
            "http://bücher.example/straße/日本語/страница",
            "http://127.0.0.1/a b<c>d:e\"f|g?h*i#frag",
            "http://127.0.0.1/\u0000nul\u0001",
            "http://con/",
            "http://nul.example/aux",
            "http://COM1/",
            "/absolute/path",
            "..",
            "",
            "file:///etc/passwd",
            "http://user:pw@127.0.0.1/.hidden",
            "http://127.0.0.1/ends-with-dot.");

    @Test
    void readableNamesFromHostAndPath() {
        String url = "https://Example.org/News/2026/Story.html?id=7";
        assertEquals("example.org", SafeFileNames.folderFor(url));
        String name = SafeFileNames.fileFor(url);
        assertTrue(name.matches("news-2026-story\\.html-id-7-[0-9a-f]{12}"), name);
        assertEquals("127.0.0.1-8080", SafeFileNames.folderFor("http://user:pw@127.0.0.1:8080/x"));
        assertTrue(SafeFileNames.fileFor("http://example.org/").startsWith("index-"));
        assertTrue(SafeFileNames.fileFor("http://example.org").startsWith("index-"));
    }

    @Test
    void namesAreSafeBoundedAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (String url : HOSTILE) {
            for (String n : List.of(SafeFileNames.folderFor(url), SafeFileNames.fileFor(url))) {
                assertTrue(n.matches("_?[a-z0-9][a-z0-9._-]*"), url + " -> " + n);
                assertFalse(n.contains(".."), n);
                assertTrue(n.length() <= SafeFileNames.MAX_SLUG + 13, n.length() + " " + n);
                String device = n.split("\\.", 2)[0].split("-", 2)[0];
                assertFalse(Set.of("con", "nul", "aux", "prn", "com1", "lpt1").contains(device), n);
            }
            assertTrue(seen.add(SafeFileNames.folderFor(url) + "/" + SafeFileNames.fileFor(url)), "unique: " + url);
        }
        assertNotEquals(SafeFileNames.fileFor("http://127.0.0.1/a?x=1"), SafeFileNames.fileFor("http://127.0.0.1/a?x=2"));
        assertNotEquals(SafeFileNames.fileFor("http://127.0.0.1/A"), SafeFileNames.fileFor("http://127.0.0.1/a"));
        assertNotEquals(SafeFileNames.fileFor("http://127.0.0.1/a"), SafeFileNames.fileFor("http://127.0.0.2/a"),
                "the hash covers the host too");
        assertEquals(SafeFileNames.fileFor("http://127.0.0.1/a"), SafeFileNames.fileFor("http://127.0.0.1/a"));
    }

    @Test
    void unicodeKeepsItsLettersWhereItCan() {
        assertTrue(SafeFileNames.fileFor("http://127.0.0.1/café/naïve").startsWith("cafe-naive-"));
        assertEquals("bucher.example", SafeFileNames.folderFor("http://bücher.example/straße"));
    }

    /** The slug rules written the plain way, with regular expressions, as the reference for the one-pass slug. */
    private static String referenceSlug(String text) {
        String ascii = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("\\.{2,}", ".")
                .replaceAll("-{2,}", "-")
                .replaceAll("^[._-]+", "")
                .replaceAll("[._-]+$", "");
        if (slug.length() > SafeFileNames.MAX_SLUG) {
            slug = slug.substring(0, SafeFileNames.MAX_SLUG).replaceAll("[._-]+$", "");
        }
        return slug;
    }

    @Test
    void slugEqualsTheRegularExpressionRulesOnRandomText() {
        java.util.Random random = new java.util.Random(7);
        String alphabet = "aZz09._-/-..--__?=&%#:@ ~éÅßİ日\u0301\u0000";
        for (int n = 0; n < 50_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(n % 10 == 0 ? 300 : 30);
            for (int i = 0; i < length; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            assertEquals(referenceSlug(text), SafeFileNames.slug(text), "slug of \"" + text + "\"");
        }
        for (String url : HOSTILE) {
            assertEquals(referenceSlug(url), SafeFileNames.slug(url), url);
        }
    }

    @Test
    void textFilesStayInsideTheTextDirectory() throws Exception {
        Path textDir = tmp.resolve("job/text");
        TextFileWriter w = new TextFileWriter(textDir);
        Path real = textDir.toRealPath();
        for (String url : HOSTILE) {
            Path p = w.write(url, "text of " + url);
            assertEquals(real, p.toRealPath().getParent().getParent(), url + " -> " + p);
            assertEquals("text of " + url, Files.readString(p, StandardCharsets.UTF_8));
        }
        try (Stream<Path> s = Files.walk(textDir)) {
            assertEquals(HOSTILE.size(), s.filter(Files::isRegularFile).count(), "one file per URL, nothing else");
        }
        try (Stream<Path> s = Files.list(tmp.resolve("job"))) {
            assertEquals(List.of(textDir), s.toList(), "nothing written beside text/");
        }
    }

    @Test
    void rewritingAPageReplacesItsText() throws Exception {
        TextFileWriter w = new TextFileWriter(tmp.resolve("text"));
        Path p1 = w.write("http://127.0.0.1/p", "one");
        Path p2 = w.write("http://127.0.0.1/p", "two");
        assertEquals(p1, p2);
        assertEquals("two", Files.readString(p2));
        assertTrue(p1.getFileName().toString().endsWith(".txt"));
    }
}
