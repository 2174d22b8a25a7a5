package org.quire.crawl;

import crawlercommons.domains.EffectiveTldFinder;
import org.quire.config.CrawlScope;
import org.quire.config.Settings;
import org.quire.fetch.ErrorKind;
import org.quire.seeds.PlainUrl;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Decides which discovered URLs a crawl follows: scheme, scope relative to the seeds (the union over all seeds,
 * as Heritrix does), depth, include/exclude patterns and trap rules (URL length, repeated path segments).
 * A seed that redirects adds its redirect target to the scope, so {@code example.com → www.example.com} works.
 * Thread-safe.
 */
public final class ScopeRules {

    private final Settings.Crawl settings;
    private final Set<String> hosts = ConcurrentHashMap.newKeySet();
    private final Set<String> domains = ConcurrentHashMap.newKeySet();
    private final List<String> prefixes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Pattern> include;
    private final List<Pattern> exclude;
    private final AtomicInteger version = new AtomicInteger();

    public ScopeRules(Settings.Crawl settings, List<String> seedUrls) {
        this.settings = settings;
        this.include = compile(settings.include());
        this.exclude = compile(settings.exclude());
        for (String seed : seedUrls) {
            addSeed(seed);
        }
    }

    private static List<Pattern> compile(List<String> regexes) {
        List<Pattern> out = new ArrayList<>();
        for (String r : regexes) {
            out.add(Pattern.compile(r));
        }
        return List.copyOf(out);
    }

    /** Widens the scope by one more seed (or the redirect target of a seed). */
    public void addSeed(String url) {
        URI uri = parse(url);
        if (uri == null || uri.getHost() == null) {
            return;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        hosts.add(host);
        if (settings.scope() == CrawlScope.DOMAIN) {
            domains.add(registeredDomain(host)); // only then: loading the public suffix list takes a while
        }
        String s = uri.toString();
        int slash = s.lastIndexOf('/');
        int pathStart = s.indexOf('/', s.indexOf("//") + 2);
        prefixes.add(pathStart < 0 ? s + "/" : s.substring(0, Math.max(slash, pathStart) + 1));
        version.incrementAndGet(); // after the widening, so a verdict judged at the new version sees it
    }

    /** The decision for a URL found {@code depth} link hops from a seed. */
    public ScopeDecision decide(String url, int depth) {
        return judge(url).at(depth);
    }

    /**
     * What this scope says of a URL whatever its depth (the depth is weighed by {@link Verdict#at}). It holds
     * until the scope widens ({@link #addSeed}; see {@link #version}).
     */
    public Verdict judge(String url) {
        int maxDepth = settings.maxDepth();
        if (url.length() > settings.maxUrlLength()) {
            return new Verdict(ScopeDecision.reject(ErrorKind.TRAP, "url-longer-than-" + settings.maxUrlLength()),
                    null, maxDepth);
        }
        String scheme;
        String host;
        String rawPath;
        PlainUrl plain = PlainUrl.of(url);
        if (plain != null) {
            scheme = plain.scheme();
            host = plain.host();
            rawPath = plain.rawPath();
        } else {
            URI uri = parse(url);
            if (uri == null || uri.getHost() == null || uri.getHost().isEmpty()) {
                return new Verdict(ScopeDecision.reject(ErrorKind.BAD_URL, "unparseable"), null, maxDepth);
            }
            scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            host = uri.getHost().toLowerCase(Locale.ROOT);
            rawPath = uri.getRawPath();
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Verdict(ScopeDecision.reject(ErrorKind.BAD_URL, "scheme-" + scheme), null, maxDepth);
        }
        return new Verdict(null, beyondDepth(url, host, rawPath), maxDepth);
    }

    /** The checks that come after the depth: scope, traps in the path, the exclude and include patterns. */
    private ScopeDecision beyondDepth(String url, String host, String rawPath) {
        if (!inScope(host, url)) {
            return ScopeDecision.reject(ErrorKind.OUT_OF_SCOPE, "scope-" + settings.scope().name().toLowerCase(Locale.ROOT));
        }
        if (repeatsSegments(rawPath)) {
            return ScopeDecision.reject(ErrorKind.TRAP, "repeated-path-segments");
        }
        for (Pattern p : exclude) {
            if (p.matcher(url).find()) {
                return ScopeDecision.reject(ErrorKind.OUT_OF_SCOPE, "excluded-by-" + p.pattern());
            }
        }
        if (!include.isEmpty() && include.stream().noneMatch(p -> p.matcher(url).find())) {
            return ScopeDecision.reject(ErrorKind.OUT_OF_SCOPE, "not-included");
        }
        return ScopeDecision.ACCEPT;
    }

    /** How often the scope has widened: a {@link Verdict} judged at an older version may be out of date. */
    public int version() {
        return version.get();
    }

    /**
     * A URL's verdict apart from its depth: a rejection that no depth changes (a URL too long, unparseable, not
     * http(s)), else the decision of the checks that follow the depth check.
     */
    public record Verdict(ScopeDecision beforeDepth, ScopeDecision afterDepth, int maxDepth) {
        /** The decision for the URL found {@code depth} link hops from a seed. */
        public ScopeDecision at(int depth) {
            if (beforeDepth != null) {
                return beforeDepth;
            }
            if (depth > maxDepth) {
                return ScopeDecision.reject(ErrorKind.TOO_DEEP, "depth-" + depth + "-over-" + maxDepth);
            }
            return afterDepth;
        }
    }

    private boolean inScope(String host, String url) {
        return switch (settings.scope()) {
            case ANY -> true;
            case HOST -> hosts.contains(host);
            case DOMAIN -> domains.contains(registeredDomain(host));
            case PREFIX -> prefixes.stream().anyMatch(url::startsWith);
        };
    }

    private boolean repeatsSegments(String path) {
        int max = settings.maxRepeatedSegments();
        if (path == null || path.length() < 4 || segmentCount(path) <= max) {
            return false; // no segment can occur more often than there are segments
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (counts.merge(segment, 1, Integer::sum) > max) {
                return true;
            }
        }
        return false;
    }

    /** At least as many as the non-empty segments of {@code path}: its slashes, plus one. */
    private static int segmentCount(String path) {
        int n = 1;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                n++;
            }
        }
        return n;
    }

    static String registeredDomain(String host) {
        String d = EffectiveTldFinder.getAssignedDomain(host, true, false);
        return d == null ? host : d;
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (Exception e) {
            return null;
        }
    }
}
