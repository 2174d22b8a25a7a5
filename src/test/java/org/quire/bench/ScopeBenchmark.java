package org.quire.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.quire.config.ConfigLoader;
import org.quire.crawl.ScopeDecision;
import org.quire.crawl.ScopeRules;

import java.util.List;

/** Cost of one scope decision for a discovered link (done for every link of every page). */
@State(Scope.Benchmark)
public class ScopeBenchmark {

    private ScopeRules rules;
    private int i;

    @Setup
    public void setUp() {
        rules = new ScopeRules(ConfigLoader.defaults().settings().crawl(),
                List.of("https://news.example.org/", "https://blog.example.com/start/"));
    }

    @Benchmark
    public ScopeDecision decide() {
        i++;
        return rules.decide("https://news.example.org/section/" + (i & 1023) + "/story-" + i + ".html", 2);
    }
}
