package org.quire.cli;

/** Process exit codes of every quire command. */
public final class ExitCode {
    /** The command ran to its end (for a crawl: whatever single fetches returned). */
    public static final int OK = 0;
    /** The work itself could not run (I/O failure, lock held, internal error). */
    public static final int FAILED = 1;
    /** Bad seeds, config or arguments; nothing was done. */
    public static final int BAD_INPUT = 2;

    private ExitCode() {
    }
}
