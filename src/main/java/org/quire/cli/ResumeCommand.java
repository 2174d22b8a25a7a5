package org.quire.cli;

import org.quire.config.InputException;
import org.quire.crawl.CrawlRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code quire resume JOB_FOLDER}: goes on with an interrupted job, with the settings it was started with. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Resume a job that was killed, stopped or failed: its WARC files are repaired (a torn last "
                + "record is cut off), captures already archived are not fetched again, and the crawl goes on "
                + "with the job's own seeds and settings (job.json)."},
        footer = {"", "Exit codes: 0 the crawl ran to its end, 1 it could not run (e.g. it is running already), "
                + "2 bad arguments."})
public final class ResumeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "JOB_FOLDER", description = "The job folder, e.g. archive/news/20261126T184400Z.")
    Path job;

    @Override
    public Integer call() {
        if (!Files.isDirectory(job) || !Files.isRegularFile(job.resolve("job.json"))) {
            throw new InputException(job + ": not a job folder (no job.json); give a folder like "
                    + "archive/news/20261126T184400Z");
        }
        try {
            Path archive = job.toAbsolutePath().normalize().getParent();
            new CrawlRunner(archive == null ? Path.of(".") : archive.getParent(), System.out).resume(job, null);
            return ExitCode.OK;
        } catch (IOException e) {
            spec.commandLine().getErr().println(CrawlCommand.failureLine(e));
            return ExitCode.FAILED;
        }
    }
}
