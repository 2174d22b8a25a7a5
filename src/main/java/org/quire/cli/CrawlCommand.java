package org.quire.cli;

import org.quire.config.ConfigLoader;
import org.quire.config.InputException;
import org.quire.config.LoadedConfig;
import org.quire.crawl.CrawlLock;
import org.quire.crawl.CrawlRunner;
import org.quire.crawl.IoFailures;
import org.quire.crawl.JobFolder;
import org.quire.crawl.JobManifest;
import org.quire.seeds.Seed;
import org.quire.seeds.SeedFile;
import org.quire.seeds.SeedDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code quire crawl}: runs the crawls defined by the seed files and the config, one after another. */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = {"Crawl the seeds of each named crawl (all seed files when none is named) into WARC files, "
                + "pages.jsonl and text files under the archive folder.",
                "Each seeds/NAME.txt is one crawl; its settings are config/quire.yaml's defaults overridden by "
                        + "its 'crawls: NAME:' section and by --set."},
        footer = {"", "Exit codes: 0 the crawl ran to its end (whatever single fetches returned), "
                + "1 the crawl could not run, 2 bad seeds, config or arguments.",
                "", "A crawl with an unfinished job (killed, stopped with Ctrl-C, or failed) resumes that job "
                + "with its own settings; --new starts a fresh one. See also: quire resume JOB_FOLDER."})
public final class CrawlCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Crawls to run (seed file names without .txt).")
    List<String> names = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "FILE|DIR", description = "Seed file or folder (default: ${DEFAULT-VALUE}).")
    Path seeds = Path.of("seeds");

    @Option(names = "--archive", paramLabel = "DIR", description = "Where job folders go (default: ${DEFAULT-VALUE}).")
    Path archive = Path.of("archive");

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: config/quire.yaml if present).")
    Path config;

    @Option(names = "--new", description = "Start a fresh job even when the crawl has an unfinished one "
            + "(by default an unfinished job - killed, stopped or failed - is resumed).")
    boolean fresh;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a setting, e.g. --set politeness.min-delay=2s (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        LoadedConfig cfg = ConfigLoader.load(config != null ? config : Path.of("config", "quire.yaml"),
                config != null, overrides);
        Map<String, SeedFile> all = SeedDirectory.load(seeds);
        List<SeedFile> chosen = new ArrayList<>();
        if (names.isEmpty()) {
            chosen.addAll(all.values());
        } else {
            for (String n : names) {
                SeedFile f = all.get(n);
                if (f == null) {
                    throw new InputException("no crawl named '" + n + "': expected a seed file " + seeds.resolve(n + ".txt")
                            + " (crawls: " + String.join(", ", all.keySet()) + ")");
                }
                chosen.add(f);
            }
        }
        for (SeedFile f : chosen) {
            f.warnings().forEach(w -> spec.commandLine().getErr().println("quire: warning: " + w));
        }
        // Every crawl's settings are resolved before any work starts, so a bad override fails fast.
        List<Runnable> runs = new ArrayList<>();
        CrawlRunner runner = new CrawlRunner(archive, System.out);
        for (SeedFile f : chosen) {
            var settings = cfg.settingsFor(f.crawlName());
            List<String> urls = f.seeds().stream().map(Seed::url).toList();
            runs.add(() -> {
                if (urls.isEmpty()) {
                    System.out.println("quire: crawl '" + f.crawlName() + "' has no seeds; skipped");
                    return;
                }
                try {
                    Optional<JobFolder> unfinished = fresh ? Optional.empty()
                            : JobFolder.latestUnfinished(archive, f.crawlName());
                    if (unfinished.isPresent()) {
                        System.out.println("quire: crawl '" + f.crawlName() + "' has an unfinished job; resuming "
                                + unfinished.get().root() + " (--new starts a fresh job)");
                        runner.resume(unfinished.get().root(), settings);
                    } else {
                        runner.run(f.crawlName(), urls, settings, JobManifest.settingTexts(cfg, f.crawlName()));
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        try {
            runs.forEach(Runnable::run);
        } catch (java.io.UncheckedIOException e) {
            spec.commandLine().getErr().println(failureLine(e.getCause()));
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }

    /** The one line printed when a crawl cannot go on. */
    static String failureLine(IOException e) {
        if (e instanceof CrawlLock.HeldException) {
            return "quire: " + e.getMessage();
        }
        return "quire: crawl stopped: " + IoFailures.describe(e)
                + " (fix the cause, then run the same command to resume)";
    }
}
