package org.quire.cli;

import picocli.CommandLine.Command;

import java.util.List;

/**
 * The root command; each sub-command lives in its own class. {@link Main} adds them: only the one a command line
 * names (building every sub-command's model took picocli ~0.1 s of start-up), or all of them for {@code --help},
 * {@code --version} or a name it does not know.
 */
@Command(name = "quire", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "An archival web crawler: polite fetching into WARC 1.1 files, clean main text, JSON lines.")
public final class QuireCommand {

    /** The sub-commands, in the order {@code quire --help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(CrawlCommand.class, ResumeCommand.class, SeedsCommand.class,
            ExtractCommand.class, DemoCommand.class, ScheduleCommand.class, BenchCommand.class);
}
