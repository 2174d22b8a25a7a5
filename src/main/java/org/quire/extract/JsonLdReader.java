package org.quire.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads schema.org JSON-LD blocks of a page and picks the object that describes the page's main content
 * (an Article, NewsArticle, BlogPosting, ... or else a WebPage). Malformed JSON is ignored.
 */
final class JsonLdReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .enable(JsonParser.Feature.IGNORE_UNDEFINED)
            .build();

    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "report",
            "scholarlyarticle", "techarticle", "socialmediaposting", "liveblogposting", "discussionforumposting",
            "posting", "review", "recipe", "howto", "creativework", "medicalwebpage");
    private static final Set<String> PAGE_TYPES = Set.of("webpage", "itempage", "aboutpage", "profilepage",
            "collectionpage", "qapage", "faqpage");

    private JsonLdReader() {
    }

    /** What the JSON-LD of a page says; any field may be null. */
    record Facts(String title, String author, String published, String language, String siteName, String url,
                 String description) {
    }

    static Facts read(List<String> scripts) {
        List<JsonNode> objects = new ArrayList<>();
        for (String json : scripts) {
            if (json.length() > 2_000_000) {
                continue;
            }
            try {
                JsonNode root = MAPPER.readTree(json.strip());
                flatten(root, objects);
            } catch (Exception ignored) {
                // a broken JSON-LD block says nothing
            }
        }
        JsonNode article = null;
        JsonNode page = null;
        String siteName = null;
        for (JsonNode o : objects) {
            String type = types(o);
            if (article == null && anyOf(type, ARTICLE_TYPES)) {
                article = o;
            } else if (page == null && anyOf(type, PAGE_TYPES)) {
                page = o;
            }
            if (siteName == null && (type.contains("website") || type.contains("organization")
                    || type.contains("newsmediaorganization"))) {
                siteName = text(o.get("name"));
            }
        }
        JsonNode main = article != null ? article : page;
        if (main == null) {
            return new Facts(null, null, null, null, siteName, null, null);
        }
        String title = text(main.get("headline"));
        if (title == null) {
            title = text(main.get("name"));
        }
        String publisher = name(main.get("publisher"));
        String url = text(main.get("url"));
        JsonNode mainEntity = main.get("mainEntityOfPage");
        if (mainEntity != null) {
            String id = mainEntity.isObject() ? text(mainEntity.get("@id")) : text(mainEntity);
            if (id != null && id.startsWith("http")) {
                url = id;
            }
        }
        if (url != null && !url.startsWith("http")) {
            url = null;
        }
        String published = text(main.get("datePublished"));
        if (published == null) {
            published = text(main.get("dateCreated"));
        }
        String language = text(main.get("inLanguage"));
        if (language == null && main.get("inLanguage") != null) {
            language = name(main.get("inLanguage"));
        }
        return new Facts(title, authors(main.get("author")), published, language,
                publisher != null ? publisher : siteName, url, text(main.get("description")));
    }

    private static void flatten(JsonNode node, List<JsonNode> out) {
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.add(node);
        int guard = 0;
        while (!todo.isEmpty() && guard++ < 1000) {
            JsonNode n = todo.poll();
            if (n.isArray()) {
                n.forEach(todo::add);
            } else if (n.isObject()) {
                if (n.has("@type")) {
                    out.add(n);
                }
                JsonNode graph = n.get("@graph");
                if (graph != null) {
                    todo.add(graph);
                }
            }
        }
    }

    private static String types(JsonNode o) {
        JsonNode t = o.get("@type");
        if (t == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        if (t.isArray()) {
            t.forEach(x -> sb.append(x.asText()).append(' '));
        } else {
            sb.append(t.asText());
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean anyOf(String types, Set<String> wanted) {
        for (String t : types.split(" ")) {
            if (wanted.contains(t.strip())) {
                return true;
            }
        }
        return false;
    }

    private static String authors(JsonNode a) {
        if (a == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        if (a.isArray()) {
            for (JsonNode x : a) {
                String n = name(x);
                if (n != null && !names.contains(n)) {
                    names.add(n);
                }
            }
        } else {
            String n = name(a);
            if (n != null) {
                names.add(n);
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static String name(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isArray()) {
            return n.isEmpty() ? null : name(n.get(0));
        }
        if (n.isObject()) {
            return text(n.get("name"));
        }
        return text(n);
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isContainerNode()) {
            return null;
        }
        String s = LinkExtractor.collapse(n.asText());
        return s.isEmpty() ? null : s;
    }
}
