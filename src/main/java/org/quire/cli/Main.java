package org.quire.cli;

import org.quire.archive.NativeDeflate;
import org.quire.archive.NativeSha1;
import org.quire.config.InputException;
import org.quire.extract.ExtractionWarmUp;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Entry point of the quire command line. Bad input exits 2 with one line; other failures exit 1. */
public final class Main {
    private Main() {
    }

    /**
     * picocli looks up 17 java.sql and java.time types by reflection for its built-in converters in every
     * CommandLine it builds (~10 ms of a cold start); no quire option has such a type, so they are skipped.
     */
    private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

    /** Sub-commands that crawl, and so hash and extract every page. */
    private static final Set<String> CRAWLING = Set.of("crawl", "resume", "schedule", "demo");

    /** Whether this command line will crawl (a crawling sub-command, not asked for its help or version). */
    static boolean crawls(String... args) {
        if (args.length == 0 || !CRAWLING.contains(args[0])) {
            return false;
        }
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h") || a.equals("--version") || a.equals("-V") || a.equals("--list")) {
                return false;
            }
        }
        return true;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs quire with these arguments and returns the exit code (used by tests too). */
    public static int run(String... args) {
        if (crawls(args)) {
            NativeSha1.preload(); // in the background, while the command line, config and job are set up
            NativeDeflate.preload(); // likewise
            ExtractionWarmUp.shared().start(); // likewise
        }
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, "java\\.sql\\..*,java\\.time\\..*");
        }
        CommandLine cl = new CommandLine(new QuireCommand());
        for (Class<?> sub : subcommandsFor(args)) {
            cl.addSubcommand(sub);
        }
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof InputException) {
                cmd.getErr().println("quire: " + ex.getMessage());
                return ExitCode.BAD_INPUT;
            }
            cmd.getErr().println("quire: " + describe(ex));
            return ExitCode.FAILED;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("quire: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.BAD_INPUT;
        });
        try {
            return cl.execute(args);
        } finally {
            ExtractionWarmUp.shared().awaitStopped(); // also when the crawl stopped before its first page
        }
    }

    /**
     * One line for a failure: quire's own exceptions carry a message written for people (naming the file, URL or
     * key), others are named by their class too, since their message alone may say little.
     */
    static String describe(Exception ex) {
        return ex.getMessage() != null && ex.getClass().getName().startsWith("org.quire.")
                ? ex.getMessage() : ex.toString();
    }

    /** The sub-command the first argument names, alone; all of them when it names none (or is an option). */
    static List<Class<?>> subcommandsFor(String... args) {
        if (args.length > 0) {
            for (Class<?> sub : QuireCommand.SUBCOMMANDS) {
                Command c = sub.getAnnotation(Command.class);
                if (c.name().equals(args[0]) || Arrays.asList(c.aliases()).contains(args[0])) {
                    return List.of(sub);
                }
            }
        }
        return QuireCommand.SUBCOMMANDS;
    }
}
