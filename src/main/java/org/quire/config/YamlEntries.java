package org.quire.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a YAML document into a flat list of entries, each with its path of mapping keys and the line it is on,
 * so that every later error can name {@code file:line}. Only mappings, scalars and lists of scalars are accepted.
 */
final class YamlEntries {

    /**
     * One node of the document.
     *
     * @param path    the mapping keys leading to it (empty for the root)
     * @param section true for a mapping (then {@code raw} is null)
     * @param raw     a {@code String}, a {@code List<String>} or {@code null} for an empty value
     * @param line    1-based line of the key (or of the node, for the root)
     */
    record Entry(List<String> path, boolean section, Object raw, int line) {
        String dotted() {
            return String.join(".", path);
        }
    }

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlEntries() {
    }

    /**
     * Reads the whole document; an empty document gives no entries.
     *
     * @param name shown in error messages (the file as the user gave it)
     * @throws InputException for invalid YAML or nesting quire does not read, naming {@code name:line}
     */
    static List<Entry> read(Reader reader, String name) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(reader)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return out;
            }
            if (t == JsonToken.VALUE_NULL) {
                return out;
            }
            if (t != JsonToken.START_OBJECT) {
                throw new InputException(name + ":" + line(p) + ": expected a mapping of sections such as 'fetch:' "
                        + "and 'crawl:', got " + describe(t));
            }
            readNode(p, List.of(), line(p), name, out);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            String msg = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            msg = msg.strip().replaceAll("\\s*\\R\\s*", " ");
            throw new InputException(name + (line > 0 ? ":" + line : "") + ": invalid YAML: " + msg, e);
        }
        return out;
    }

    private static void readNode(JsonParser p, List<String> path, int keyLine, String name, List<Entry> out)
            throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                out.add(new Entry(path, true, null, keyLine));
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    int fieldLine = line(p);
                    List<String> child = new ArrayList<>(path);
                    child.add(field);
                    p.nextToken();
                    readNode(p, List.copyOf(child), fieldLine, name, out);
                }
            }
            case START_ARRAY -> {
                List<String> items = new ArrayList<>();
                JsonToken item;
                while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (item == JsonToken.START_OBJECT || item == JsonToken.START_ARRAY) {
                        throw new InputException(name + ":" + line(p) + ": " + String.join(".", path)
                                + ": expected a list of plain values, got " + describe(item) + " inside it");
                    }
                    items.add(item == JsonToken.VALUE_NULL ? null : p.getText());
                }
                out.add(new Entry(path, false, java.util.Collections.unmodifiableList(items), keyLine));
            }
            case VALUE_NULL -> out.add(new Entry(path, false, null, keyLine));
            default -> out.add(new Entry(path, false, p.getText(), keyLine));
        }
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a mapping";
            default -> "a single value";
        };
    }
}
