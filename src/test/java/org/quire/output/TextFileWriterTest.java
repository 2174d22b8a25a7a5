package org.quire.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextFileWriterTest {

    @Test
    void writesOneFilePerUrlInItsHostsFolderAndReplacesIt(@TempDir Path dir) throws Exception {
        TextFileWriter w = new TextFileWriter(dir.resolve("text"));
        Path a = w.write("http://127.0.0.1/a", "first ünïcode");
        assertEquals("first ünïcode", Files.readString(a, StandardCharsets.UTF_8));
        Path again = w.write("http://127.0.0.1/a", "second");
        assertEquals(a, again);
        assertEquals("second", Files.readString(a, StandardCharsets.UTF_8));
        Path b = w.write("http://127.0.0.1/b", null);
        assertEquals("", Files.readString(b));
        assertEquals(dir.resolve("text").resolve("127.0.0.1"), a.getParent(), "one folder per host");
        Path c = w.write("http://127.0.0.2:8080/", "other host");
        assertEquals(dir.resolve("text").resolve("127.0.0.2-8080"), c.getParent());
        try (Stream<Path> s = Files.walk(dir.resolve("text"))) {
            assertEquals(List.of(a, b, c), s.filter(Files::isRegularFile).sorted().toList(), "no other files");
        }
    }
}
