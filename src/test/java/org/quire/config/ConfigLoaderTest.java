package org.quire.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path yaml(String text) throws IOException {
        Path p = dir.resolve("quire.yaml");
        Files.writeString(p, text);
        return p;
    }

    private String error(Path file, String... sets) {
        return assertThrows(InputException.class, () -> ConfigLoader.load(file, true, List.of(sets))).getMessage();
    }

    @Test
    void shippedConfigEqualsTheDefaults() {
        Path shipped = Path.of("config", "quire.yaml");
        LoadedConfig loaded = ConfigLoader.load(shipped, true, List.of());
        assertEquals(ConfigLoader.defaults().settings(), loaded.settings());
        for (SettingKey k : SettingKey.values()) {
            assertEquals(shipped + ":" + lineOf(shipped, k), loaded.source(null, k),
                    k.key() + " must be written out in the shipped file");
        }
        assertEquals(Set.of(), loaded.configuredCrawls());
    }

    private static int lineOf(Path file, SettingKey k) {
        try {
            List<String> lines = Files.readAllLines(file);
            String section = null;
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.matches("[a-z]+:\\s*")) {
                    section = l.strip().replace(":", "");
                } else if (k.section().equals(section) && l.strip().startsWith(k.leaf() + ":")) {
                    return i + 1;
                }
            }
            return -1;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void missingFileMeansDefaultsUnlessNamed() {
        Path missing = dir.resolve("nope.yaml");
        LoadedConfig c = ConfigLoader.load(missing, false, List.of());
        assertEquals(ConfigLoader.defaults().settings(), c.settings());
        assertEquals(Optional.empty(), c.file());
        assertEquals(missing + ": configuration file not found", error(missing));
    }

    @Test
    void readsEveryType() throws IOException {
        Path f = yaml("""
                fetch:
                  user-agent: "mybot/1.0 (+https://example.org/bot)"
                  allow-private-addresses: true
                  max-body-size: 500KB
                  threads: 4
                politeness:
                  min-delay: 500ms
                  delay-factor: 1.5
                crawl:
                  max-pages: 0
                  scope: prefix
                  exclude:
                    - '\\?replytocom='
                    - '/tag/'
                archive:
                  operator: Jane Doe
                  write-text: false
                """);
        Settings s = ConfigLoader.load(f, true, List.of()).settings();
        assertEquals("mybot/1.0 (+https://example.org/bot)", s.fetch().userAgent());
        assertTrue(s.fetch().allowPrivateAddresses());
        assertEquals(500 * 1024, s.fetch().maxBodySize());
        assertEquals(4, s.fetch().threads());
        assertEquals(Duration.ofMillis(500), s.politeness().minDelay());
        assertEquals(1.5, s.politeness().delayFactor());
        assertEquals(0, s.crawl().maxPages());
        assertEquals(CrawlScope.PREFIX, s.crawl().scope());
        assertEquals(List.of("\\?replytocom=", "/tag/"), s.crawl().exclude());
        assertEquals("Jane Doe", s.archive().operator());
        assertEquals(false, s.archive().writeText());
        assertEquals(Duration.ofSeconds(30), s.politeness().maxDelay(), "untouched keys keep their defaults");
    }

    @Test
    void unknownKeyNamesLineAndClosestKey() throws IOException {
        Path f = yaml("""
                fetch:
                  threads: 4

                # comment
                politeness:
                  max-delay: 30s
                  min-dely: 2s
                """);
        assertEquals(f + ":7: unknown key 'politeness.min-dely' (did you mean 'politeness.min-delay'?)", error(f));
    }

    @Test
    void unknownSectionAndUnrelatedKey() throws IOException {
        assertEquals(dir.resolve("quire.yaml") + ":1: unknown key 'fetc' (did you mean 'fetch'?)",
                error(yaml("fetc:\n  threads: 2\n")));
        assertEquals(dir.resolve("quire.yaml") + ":2: unknown key 'crawl.zzzzzzzz'",
                error(yaml("crawl:\n  zzzzzzzz: 1\n")));
    }

    @Test
    void wrongTypeNamesLineKeyAndValue() throws IOException {
        Path f = yaml("""
                fetch:
                  threads: 4
                politeness:
                  min-delay: fast
                """);
        assertEquals(f + ":4: politeness.min-delay: expected a duration like 500ms or 2s, got \"fast\" "
                + "(units: ms, s, m, h, d)", error(f));
    }

    @Test
    void bareNumberDurationIsAnError() throws IOException {
        Path f = yaml("politeness:\n  min-delay: 5\n");
        assertEquals(f + ":2: politeness.min-delay: expected a duration like 500ms or 2s, got \"5\" "
                + "(a number needs a unit: ms, s, m, h or d)", error(f));
    }

    @Test
    void otherTypeErrors() throws IOException {
        assertEquals(dir.resolve("quire.yaml") + ":2: fetch.threads: must be at least 1, got 0",
                error(yaml("fetch:\n  threads: 0\n")));
        assertEquals(dir.resolve("quire.yaml") + ":2: crawl.scope: expected one of host, domain, prefix, any, got "
                + "\"site\"", error(yaml("crawl:\n  scope: site\n")));
        assertEquals(dir.resolve("quire.yaml") + ":2: archive.warc-max-size: expected a size like 500KB, 10MB or "
                + "1GB (1024-based) or a number of bytes, got \"huge\"", error(yaml("archive:\n  warc-max-size: huge\n")));
        assertEquals(dir.resolve("quire.yaml") + ":2: crawl.max-depth: expected a whole number, got a list",
                error(yaml("crawl:\n  max-depth: [1, 2]\n")));
        assertTrue(error(yaml("crawl:\n  include: ['(']\n"))
                .startsWith(dir.resolve("quire.yaml") + ":2: crawl.include: not a valid regular expression: \"(\""));
        assertEquals(dir.resolve("quire.yaml") + ":1: fetch: expected a section of keys such as "
                + "fetch.user-agent, got \"5\"", error(yaml("fetch: 5\n")));
        assertEquals(dir.resolve("quire.yaml") + ":3: fetch.threads is given twice",
                error(yaml("fetch:\n  threads: 2\n  threads: 3\n")));
    }

    @Test
    void crossKeyRule() throws IOException {
        Path f = yaml("politeness:\n  min-delay: 1m\n");
        assertEquals(f + ":2: politeness.min-delay (1m) must not be longer than politeness.max-delay (30s)",
                error(f));
    }

    @Test
    void invalidYamlIsOneLineWithTheParsersLine() throws IOException {
        Path f = yaml("fetch:\n  threads: 4\n   bad: [unclosed\n");
        String msg = error(f);
        assertTrue(msg.matches(java.util.regex.Pattern.quote(f.toString()) + ":\\d+: invalid YAML: .+"), msg);
        assertTrue(!msg.contains("\n"), msg);
        assertEquals(f + ":1: expected a mapping of sections such as 'fetch:' and 'crawl:', got a list",
                error(yaml("- a\n- b\n")));
    }

    @Test
    void emptyFileIsDefaults() throws IOException {
        assertEquals(ConfigLoader.defaults().settings(),
                ConfigLoader.load(yaml("# nothing yet\n"), true, List.of()).settings());
    }

    @Test
    void layersOverrideInOrder() throws IOException {
        Path f = yaml("""
                crawl:
                  max-depth: 2
                  max-pages: 50
                  scope: domain
                politeness:
                  min-delay: 2s
                crawls:
                  news:
                    schedule: "0 3 * * *"
                    timezone: Europe/Berlin
                    crawl:
                      max-depth: 1
                      max-pages: 20
                  blog:
                    politeness:
                      min-delay: 5s
                """);
        LoadedConfig c = ConfigLoader.load(f, true, List.of("crawl.max-pages=99", "crawls.blog.crawl.max-depth=7"));
        assertEquals(Set.of("blog", "news"), c.configuredCrawls());
        assertEquals(List.of("blog", "news"), List.copyOf(c.configuredCrawls()), "sorted");

        Settings top = c.settings();
        assertEquals(2, top.crawl().maxDepth(), "file beats default");
        assertEquals(99, top.crawl().maxPages(), "--set beats file");
        assertEquals(CrawlScope.DOMAIN, top.crawl().scope());

        Settings news = c.settingsFor("news");
        assertEquals(1, news.crawl().maxDepth(), "crawl section beats top level");
        assertEquals(99, news.crawl().maxPages(), "--set beats crawl section");
        assertEquals(CrawlScope.DOMAIN, news.crawl().scope(), "top level reaches crawl");
        assertEquals(Duration.ofSeconds(2), news.politeness().minDelay());
        assertEquals(Optional.of("0 3 * * *"), c.schedule("news"));
        assertEquals(Optional.of("Europe/Berlin"), c.timezone("news"));

        Settings blog = c.settingsFor("blog");
        assertEquals(7, blog.crawl().maxDepth(), "--set crawls.blog... applies to blog only");
        assertEquals(Duration.ofSeconds(5), blog.politeness().minDelay());
        assertEquals(Optional.empty(), c.schedule("blog"));

        assertEquals(top, c.settingsFor("unconfigured"));
        assertEquals("--set crawl.max-pages=99", c.source("news", SettingKey.CRAWL_MAX_PAGES));
        assertEquals(f + ":12", c.source("news", SettingKey.CRAWL_MAX_DEPTH));
        assertEquals("default", c.source("news", SettingKey.FETCH_THREADS));
        assertEquals("1", c.valueText("news", SettingKey.CRAWL_MAX_DEPTH));
    }

    @Test
    void setAloneWithoutFile() {
        LoadedConfig c = ConfigLoader.load(null, false,
                List.of("fetch.threads=2", "fetch.threads=3", "crawl.exclude=[a, 'b,c']", "crawl.include=^https://",
                        "crawls.my.crawl.crawl.max-depth=0", "crawls.news.schedule=@daily"));
        assertEquals(3, c.settings().fetch().threads(), "later --set wins");
        assertEquals(List.of("a", "b,c"), c.settings().crawl().exclude());
        assertEquals(List.of("^https://"), c.settings().crawl().include());
        assertEquals(0, c.settingsFor("my.crawl").crawl().maxDepth(), "crawl names may contain dots");
        assertEquals(Optional.of("@daily"), c.schedule("news"));
    }

    @Test
    void setErrorsNameTheOption() {
        assertEquals("--set politeness.min-dely=2s: unknown key 'politeness.min-dely' "
                + "(did you mean 'politeness.min-delay'?)", error(null, "politeness.min-dely=2s"));
        assertEquals("--set politeness.min-delay=fast: expected a duration like 500ms or 2s, got \"fast\" "
                + "(units: ms, s, m, h, d)", error(null, "politeness.min-delay=fast"));
        assertEquals("--set crawl.max-depth: expected key=value, e.g. --set crawl.max-depth=2",
                error(null, "crawl.max-depth"));
        assertEquals("--set crawls.news.crawl.max-dpth=1: unknown key 'crawls.news.crawl.max-dpth' "
                + "(did you mean 'crawls.news.crawl.max-depth'?)", error(null, "crawls.news.crawl.max-dpth=1"));
        assertEquals("--set crawls.news.schedule=: must not be empty", error(null, "crawls.news.schedule="));
    }

    @Test
    void crawlSectionErrors() throws IOException {
        Path f = yaml("""
                crawls:
                  news:
                    crawl:
                      max-dept: 1
                """);
        assertEquals(f + ":4: unknown key 'crawls.news.crawl.max-dept' (did you mean 'crawls.news.crawl.max-depth'?)",
                error(f));
        assertEquals(dir.resolve("quire.yaml") + ":3: crawls.news.schedule: must not be empty",
                error(yaml("crawls:\n  news:\n    schedule: ''\n")));
        assertEquals(dir.resolve("quire.yaml") + ":2: crawl name 'bad name' may only contain letters, digits, "
                + "'.', '_' and '-'", error(yaml("crawls:\n  bad name:\n    crawl: {max-depth: 1}\n")));
        assertEquals(dir.resolve("quire.yaml") + ":4: politeness.min-delay (40s) must not be longer than "
                + "politeness.max-delay (30s) in crawl 'slow'",
                error(yaml("crawls:\n  slow:\n    politeness:\n      min-delay: 40s\n")));
    }

    @Test
    void emptyCrawlSectionStillNamesTheCrawl() throws IOException {
        LoadedConfig c = ConfigLoader.load(yaml("crawls:\n  quiet:\n"), true, List.of());
        assertEquals(Set.of("quiet"), c.configuredCrawls());
        assertEquals(c.settings(), c.settingsFor("quiet"));
    }
}
