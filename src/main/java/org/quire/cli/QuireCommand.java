package org.quire.cli;

import picocli.CommandLine.Command;

/** The root command; each sub-command lives in its own class. */
@Command(name = "quire", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "An archival web crawler: polite fetching into WARC 1.1 files, clean main text, JSON lines.",
        subcommands = {CrawlCommand.class, ResumeCommand.class, SeedsCommand.class, ExtractCommand.class,
                DemoCommand.class, ScheduleCommand.class, BenchCommand.class})
public final class QuireCommand {
}
