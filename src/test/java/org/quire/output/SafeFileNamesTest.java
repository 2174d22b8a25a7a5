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
    void readableNameFromHostAndPath() {
        String name = SafeFileNames.forUrl("https://Example.org/News/2026/Story.html?id=7");
        assertTrue(name.matches("example\\.org-news-2026-story\\.html-id-7-[0-9a-f]{12}"), name);
    }

    @Test
    void namesAreSafeBoundedAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (String url : HOSTILE) {
            String n = SafeFileNames.forUrl(url);
            assertTrue(n.matches("[a-z0-9._-]+"), url + " -> " + n);
            assertFalse(n.contains(".."), n);
            assertFalse(n.startsWith("."), n);
            assertTrue(n.length() <= SafeFileNames.MAX_SLUG + 13, n.length() + " " + n);
            String device = n.split("\\.", 2)[0].split("-", 2)[0];
            assertFalse(Set.of("con", "nul", "aux", "prn", "com1", "lpt1").contains(device), n);
            assertTrue(seen.add(n), "unique: " + n);
        }
        assertNotEquals(SafeFileNames.forUrl("http://127.0.0.1/a?x=1"), SafeFileNames.forUrl("http://127.0.0.1/a?x=2"));
        assertNotEquals(SafeFileNames.forUrl("http://127.0.0.1/A"), SafeFileNames.forUrl("http://127.0.0.1/a"));
        assertEquals(SafeFileNames.forUrl("http://127.0.0.1/a"), SafeFileNames.forUrl("http://127.0.0.1/a"));
    }

    @Test
    void unicodeKeepsItsLettersWhereItCan() {
        assertTrue(SafeFileNames.forUrl("http://127.0.0.1/café/naïve").startsWith("127.0.0.1-cafe-naive-"));
    }

    @Test
    void textFilesStayInsideTheTextDirectory() throws Exception {
        Path textDir = tmp.resolve("job/text");
        TextFileWriter w = new TextFileWriter(textDir);
        Path real = textDir.toRealPath();
        for (String url : HOSTILE) {
            Path p = w.write(url, "text of " + url);
            assertEquals(real, p.toRealPath().getParent(), url + " -> " + p);
            assertEquals("text of " + url, Files.readString(p, StandardCharsets.UTF_8));
        }
        try (Stream<Path> s = Files.list(textDir)) {
            assertEquals(HOSTILE.size(), s.count(), "one file per URL, no temporary files left");
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
