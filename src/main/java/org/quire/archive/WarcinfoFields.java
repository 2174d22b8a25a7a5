package org.quire.archive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the {@code warcinfo} record at the head of every WARC file says about the crawl that wrote it.
 *
 * @param software     e.g. {@code quire/0.1.0}
 * @param hostname     the machine that crawled
 * @param operator     the person or organisation running the crawl ("" when not given)
 * @param contact      an operator URL or e-mail ("" when not given)
 * @param robotsPolicy {@code obey} or {@code ignore}
 * @param crawlName    the crawl this file belongs to (written as {@code isPartOf})
 * @param userAgent    the User-Agent header sent
 */
public record WarcinfoFields(String software, String hostname, String operator, String contact,
                             String robotsPolicy, String crawlName, String userAgent) {

    /** The fields in the customary order, empty values left out. */
    public Map<String, List<String>> asFields() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        put(m, "software", software);
        put(m, "hostname", hostname);
        put(m, "operator", operator);
        put(m, "contact", contact);
        put(m, "robots", robotsPolicy);
        put(m, "isPartOf", crawlName);
        put(m, "http-header-user-agent", userAgent);
        put(m, "format", "WARC File Format 1.1");
        put(m, "conformsTo", "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/");
        return m;
    }

    private static void put(Map<String, List<String>> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, List.of(value.replaceAll("[\\r\\n]+", " ").strip()));
        }
    }
}
