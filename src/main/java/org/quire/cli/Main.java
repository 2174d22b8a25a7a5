package org.quire.cli;

import org.quire.config.InputException;
import picocli.CommandLine;

/** Entry point of the quire command line. Bad input exits 2 with one line; other failures exit 1. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs quire with these arguments and returns the exit code (used by tests too). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new QuireCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof InputException) {
                cmd.getErr().println("quire: " + ex.getMessage());
                return ExitCode.BAD_INPUT;
            }
            cmd.getErr().println("quire: " + ex);
            return ExitCode.FAILED;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("quire: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.BAD_INPUT;
        });
        return cl.execute(args);
    }
}
