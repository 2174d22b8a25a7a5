package org.quire.seeds;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormalFormUrlsTest {

    @Test
    void typicalLinksTakeTheQuickPathAndAreLeftAsTheNormaliserLeavesThem() {
        for (String u : List.of("http://127.0.1.1/x", "http://127.0.1.1/article/123.html",
                "https://example.com/", "https://www.example.com/news/2026/11/some-story_title~1.html",
                "http://a.b-c.example.org/A/B/c.D", "http://10.0.0.255/x", "https://xn--bcher-kva.example/x",
                "http://127.0.1.1:8080/x", "https://example.com:80/", "http://example.com:443/a", "http://a.b:65535/")) {
            assertTrue(NormalFormUrls.isNormal(u), u);
            assertEquals(Optional.of(u), SeedUrls.normaliseFully(u), u);
            assertEquals(Optional.of(u), SeedUrls.normalise(u), u);
        }
    }

    @Test
    void urlsTheNormaliserChangesOrRejectsDoNotTakeTheQuickPath() {
        for (String u : List.of("HTTP://example.com/", "http://Example.com/", "http://example.com",
                "http://example.com:80/", "http://user@example.com/",
                "http://example.com/a#frag", "http://example.com/a?b=1&a=2", "http://example.com/a/../b",
                "http://example.com/./b", "http://example.com//b", "http://example.com/a/.", "http://example.com/a./b",
                "http://example.com/%41", "http://example.com/a b", "http://example.com/ä", "http://bücher.example/",
                "http://example.com./", "http://.example.com/", "http://-a.example.com/", "http://a-.example.com/",
                "http://example.123/", "http://127.0.0.01/", "http://127.0.0.256/", "http://1.2.3/",
                "http://1.2.3.4.5/", " http://example.com/", "ftp://example.com/", "http://a..b/",
                "http://example.com/a;b", "http://example.com/a:b", "http:///x", "https://[::1]/x",
                "https://example.com:443/", "http://example.com:080/", "http://example.com:0/", "http://a.b:65536/",
                "http://a.b:/", "http://a.b:8x/", "http://a:b@c.d:81/")) {
            assertFalse(NormalFormUrls.isNormal(u), u);
        }
    }

    @Test
    void aFragmentIsDroppedAsTheNormaliserDropsIt() {
        for (String u : List.of("http://127.0.1.1:8080/a.html#main", "https://example.com/#", "http://a.b/x##y",
                "http://a.b/x#%41?b=1&a=2/../")) {
            String quick = NormalFormUrls.withoutFragment(u);
            assertEquals(u.substring(0, u.indexOf('#')), quick, u);
            assertEquals(SeedUrls.normaliseFully(u), Optional.of(quick), u);
        }
        assertEquals(null, NormalFormUrls.withoutFragment("http://a.b/x#a b"));
        assertEquals(null, NormalFormUrls.withoutFragment("http://a.b/./x#a"));
    }

    @Test
    void everyRandomUrlThatTakesTheQuickPathIsExactlyWhatTheNormaliserGives() {
        Random random = new Random(42);
        String[] hostParts = {"a", "z", "0", "1", "9", "-", "example", "com", "127", "255", "xn--", "A", "_",
                "256", "00", "ä", ":80", ":443", ":8080", ":0", ":65536", ":08", "@", ":", "", "."};
        String[] pathParts = {"/", "/", ".", "..", "a", "Z", "0", "-", "_", "~", "%41", "%2f", "?", "&", "=", "#",
                " ", "ä", ";", ",", "+", "!", "#", "#x y", "#a", "*", "'", "(", ")", "$", "@", ":", "[", "|", "index.html", "\\"};
        int quick = 0;
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            StringBuilder u = new StringBuilder(random.nextBoolean() ? "http://" : "https://");
            int labels = 1 + random.nextInt(3);
            for (int j = 0; j < labels; j++) {
                if (j > 0) {
                    u.append('.');
                }
                int hn = 1 + random.nextInt(3);
                for (int k = 0; k < hn; k++) {
                    u.append(hostParts[random.nextInt(random.nextInt(10) == 0 ? hostParts.length : 10)]);
                }
            }
            u.append('/');
            int pn = random.nextInt(8);
            for (int j = 0; j < pn; j++) {
                u.append(pathParts[random.nextInt(random.nextInt(4) == 0 ? pathParts.length : 10)]);
            }
            String url = u.toString();
            String fast = NormalFormUrls.withoutFragment(url);
            if (fast != null) {
                quick++;
                if (!SeedUrls.normaliseFully(url).equals(Optional.of(fast))) {
                    mismatches.add(url + " -> " + SeedUrls.normaliseFully(url) + " but quick " + fast);
                }
                PlainUrl parts = PlainUrl.of(fast);
                java.net.URI uri = java.net.URI.create(fast);
                if (parts == null || !parts.equals(new PlainUrl(uri.getScheme(), uri.getHost(), uri.getRawPath()))) {
                    mismatches.add(fast + ": parts " + parts + " but URI gives " + uri.getScheme() + " "
                            + uri.getHost() + " " + uri.getRawPath());
                }
            }
        }
        assertEquals(List.of(), mismatches);
        assertTrue(quick > 1000, "only " + quick + " random URLs took the quick path");
    }
}
