package org.quire.seeds;

import org.quire.config.ConfigLoader;
import org.quire.config.InputException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a seed file: UTF-8 text, one URL per line; blank lines, whole-line {@code #} comments and trailing
 * {@code  # ...} comments are ignored. Each URL is normalised; a later duplicate collapses into the first with a
 * warning. A line that is not an absolute http(s) URL is an {@link InputException} naming {@code file:line}.
 */
public final class SeedFileParser {
    private SeedFileParser() {
    }

    /** Reads {@code file}; the crawl name is its file name without {@code .txt}. */
    public static SeedFile parse(Path file) {
        String crawl = crawlNameOf(file);
        return parse(file, crawl, readText(file));
    }

    /** The crawl name a seed file stands for, checked. */
    public static String crawlNameOf(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? "" : fileName.toString();
        if (name.endsWith(".txt")) {
            name = name.substring(0, name.length() - 4);
        }
        if (!ConfigLoader.isValidCrawlName(name)) {
            throw new InputException(file + ": crawl name '" + name
                    + "' (the file name without .txt) may only contain letters, digits, '.', '_' and '-'");
        }
        return name;
    }

    /** Parses seed-file {@code text} that was read from {@code file} (named in messages). */
    static SeedFile parse(Path file, String crawl, String text) {
        List<Seed> seeds = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String value = stripComment(lines[i]);
            if (value.isEmpty()) {
                continue;
            }
            String url = SeedUrls.normalise(value).orElseThrow(() ->
                    new InputException(file + ":" + lineNo + ": " + SeedUrls.notAUrl(value)));
            Integer first = firstLine.putIfAbsent(url, lineNo);
            if (first != null) {
                warnings.add(file + ":" + lineNo + ": duplicate of line " + first + " (" + url + ")");
            } else {
                seeds.add(new Seed(url, lineNo));
            }
        }
        if (seeds.isEmpty()) {
            warnings.add(file + ": no seeds (the file is empty or has only comments)");
        }
        return new SeedFile(crawl, file, seeds, warnings);
    }

    /** The line without its comment and surrounding blanks ("" for blank and comment lines). */
    static String stripComment(String line) {
        String s = line.strip();
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1).strip();
        }
        if (s.startsWith("#")) {
            return "";
        }
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) == '#' && Character.isWhitespace(s.charAt(i - 1))) {
                return s.substring(0, i).strip();
            }
        }
        return s;
    }

    /** The file's text, decoded strictly as UTF-8. */
    static String readText(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(file + ": not UTF-8 text");
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": seed file not found");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read seed file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }
}
