package org.quire.cli;

import org.quire.config.ConfigLoader;
import org.quire.config.InputException;
import org.quire.seeds.Seed;
import org.quire.seeds.SeedDirectory;
import org.quire.seeds.SeedFile;
import org.quire.seeds.SeedFileEditor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;

/** {@code quire seeds add|list}: edits and shows the seed files, one per crawl ({@code seeds/NAME.txt}). */
@Command(name = "seeds", mixinStandardHelpOptions = true,
        description = {"Shows and adds seed URLs. Each file seeds/NAME.txt is the crawl NAME: one URL per line, "
                + "blank lines and # comments allowed."},
        subcommands = {SeedsCommand.Add.class, SeedsCommand.ListSeeds.class})
public final class SeedsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing sub-command: add or list");
    }

    /** {@code quire seeds add URL... [--to NAME] [--seeds DIR]}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Appends URLs to the seed file of a crawl, normalised, skipping those already in it. "
                    + "The file's comments and order are kept; it is created if missing."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "URL", description = "absolute http(s) URLs")
        List<String> urls;

        @Option(names = "--to", paramLabel = "NAME", defaultValue = "default",
                description = "the crawl to add to: the file DIR/NAME.txt, created if missing (default: ${DEFAULT-VALUE})")
        String crawl;

        @Option(names = "--seeds", paramLabel = "DIR", defaultValue = "seeds",
                description = "the seed folder (default: ${DEFAULT-VALUE})")
        Path seeds;

        @Override
        public Integer call() {
            if (!ConfigLoader.isValidCrawlName(crawl)) {
                throw new InputException("--to " + crawl + ": a crawl name may only contain letters, digits, "
                        + "'.', '_' and '-'");
            }
            SeedFileEditor.AddResult r = SeedFileEditor.add(seeds.resolve(crawl + ".txt"), urls);
            PrintWriter out = spec.commandLine().getOut();
            if (r.created()) {
                out.println("created " + r.file());
            }
            for (String u : r.added()) {
                out.println("added " + u);
            }
            for (SeedFileEditor.Skipped s : r.skipped()) {
                out.println("skipped " + s.url() + " (" + s.reason() + ")");
            }
            out.println(r.file() + ": " + r.added().size() + " added, " + r.skipped().size() + " skipped");
            out.flush();
            return ExitCode.OK;
        }
    }

    /** {@code quire seeds list [NAME] [--seeds DIR]}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Prints each crawl with its seeds (normalised); warnings go to standard error."})
    static final class ListSeeds implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "NAME", description = "only this crawl")
        String crawl;

        @Option(names = "--seeds", paramLabel = "DIR", defaultValue = "seeds",
                description = "the seed folder, or one seed file (default: ${DEFAULT-VALUE})")
        Path seeds;

        @Override
        public Integer call() {
            SortedMap<String, SeedFile> all = SeedDirectory.load(seeds);
            Map<String, SeedFile> shown = all;
            if (crawl != null) {
                SeedFile one = all.get(crawl);
                if (one == null) {
                    throw new InputException("no crawl named '" + crawl + "' in "
                            + (java.nio.file.Files.isDirectory(seeds) ? SeedDirectory.shown(seeds) : seeds.toString())
                            + " (crawls: "
                            + String.join(", ", all.keySet()) + ")");
                }
                shown = Map.of(crawl, one);
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            for (SeedFile f : shown.values()) {
                for (String w : f.warnings()) {
                    err.println("quire: warning: " + w);
                }
                int n = f.seeds().size();
                out.println(f.crawlName() + " (" + f.path() + ", " + n + (n == 1 ? " seed)" : " seeds)"));
                for (Seed s : f.seeds()) {
                    out.println("  " + s.url());
                }
            }
            err.flush();
            out.flush();
            return ExitCode.OK;
        }
    }
}
