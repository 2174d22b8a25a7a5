package org.quire.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Documentation of every configuration key: a table for humans ({@link #keyTable()}) and a complete, commented
 * YAML file of the defaults ({@link #defaultYaml()}), the source of the shipped {@code config/quire.yaml}.
 */
public final class ConfigDocs {
    private ConfigDocs() {
    }

    /** One documented key. */
    public record KeyDoc(String key, String type, String defaultText, String doc) {
    }

    /** Every key with its type, default (in configuration notation) and description, in file order. */
    public static List<KeyDoc> keys() {
        List<KeyDoc> out = new ArrayList<>();
        for (SettingKey k : SettingKey.values()) {
            out.add(new KeyDoc(k.key(), k.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    k.defaultText(), k.doc()));
        }
        return out;
    }

    /** One line per key: {@code key = default  # description}. */
    public static String keyTable() {
        StringBuilder sb = new StringBuilder();
        int width = 0;
        for (SettingKey k : SettingKey.values()) {
            width = Math.max(width, k.key().length() + 3 + k.defaultText().length());
        }
        for (SettingKey k : SettingKey.values()) {
            String left = k.key() + " = " + k.defaultText();
            sb.append(left).append(" ".repeat(width - left.length())).append("  # ").append(k.doc()).append('\n');
        }
        return sb.toString();
    }

    /** A YAML file setting every key to its default, each under a comment line saying what it does. */
    public static String defaultYaml() {
        StringBuilder sb = new StringBuilder();
        sb.append("""
                # quire configuration. Every key is optional: this file lists each one with its default.
                # Durations: a whole number and a unit: 500ms, 2s, 5m, 1h, 1d (a bare number is an error).
                # Sizes: plain bytes, or KB, MB, GB with 1024-based units (1KB = 1024 bytes).
                # Precedence: defaults < this file's top level < its crawls.<name> section
                #             < --set key=value (e.g. --set crawl.max-depth=2 or --set crawls.news.crawl.max-depth=2).
                """);
        String section = null;
        for (SettingKey k : SettingKey.values()) {
            if (!k.section().equals(section)) {
                section = k.section();
                sb.append('\n').append(section).append(":\n");
            }
            sb.append("  # ").append(k.doc()).append('\n');
            sb.append("  ").append(k.leaf()).append(": ").append(yamlValue(k)).append('\n');
        }
        sb.append("""

                # One section per crawl (the crawl named by seeds/<name>.txt), overriding any key above in the same
                # nested shape, plus 'schedule' (a cron expression) and 'timezone' for scheduled runs. For example:
                # crawls:
                #   example:
                #     schedule: "0 3 * * *"
                #     timezone: Europe/Berlin
                #     politeness:
                #       min-delay: 2s
                #     crawl:
                #       max-depth: 1
                #       exclude: ['\\?replytocom=']
                """);
        return sb.toString();
    }

    private static String yamlValue(SettingKey k) {
        if (k.type() == ValueType.STRING) {
            String s = (String) k.defaultValue();
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return k.defaultText();
    }
}
