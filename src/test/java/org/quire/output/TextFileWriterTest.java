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
    void writesReplacesAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        TextFileWriter w = new TextFileWriter(dir.resolve("text"));
        Path a = w.write("http://127.0.0.1/a", "first ünïcode");
        assertEquals("first ünïcode", Files.readString(a, StandardCharsets.UTF_8));
        Path again = w.write("http://127.0.0.1/a", "second");
        assertEquals(a, again);
        assertEquals("second", Files.readString(a, StandardCharsets.UTF_8));
        Path b = w.write("http://127.0.0.1/b", null);
        assertEquals("", Files.readString(b));
        try (Stream<Path> s = Files.list(dir.resolve("text"))) {
            assertEquals(List.of(a, b), s.sorted().toList());
        }
    }
}
