package org.quire.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child process and measures it from outside: wall time, CPU time (user + system, from this process's
 * {@code cutime}/{@code cstime} in {@code /proc/self/stat}, which count a child once it has been waited for, so
 * nothing of the child's last moments is missed), and peak resident memory ({@code VmHWM} from
 * {@code /proc/<pid>/status}, polled while it runs) and the {@link System#nanoTime()} it was started at. Linux only; elsewhere CPU and RSS are reported as -1.
 */
public final class ChildProcessMeter {

    /** What one child cost. cpuSeconds and peakRssBytes are -1 when unknown. */
    public record Measured(int exitCode, double wallSeconds, double cpuSeconds, long peakRssBytes, long startNanos) {
    }

    private static final double TICKS_PER_SECOND = 100.0;   // USER_HZ, fixed at 100 on Linux for user space

    private ChildProcessMeter() {
    }

    /** Runs {@code command} in {@code dir}, its output into {@code log}, and waits for it to end. */
    public static Measured run(List<String> command, Path dir, Path log) throws IOException, InterruptedException {
        long cpuBefore = childTicks();
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        long peak = -1;
        while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, vmHwm(status));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        long cpuAfter = childTicks();
        double cpu = cpuBefore < 0 || cpuAfter < 0 ? -1 : (cpuAfter - cpuBefore) / TICKS_PER_SECOND;
        return new Measured(p.exitValue(), wall, cpu, peak, start);
    }

    /** cutime + cstime of this process, in clock ticks, or -1. */
    static long childTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "(comm) ": field 3 (state) is f[0]; cutime is field 16, cstime field 17
            return Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** VmHWM in bytes from a /proc/PID/status file, or -1. */
    static long vmHwm(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has just ended
        }
        return -1;
    }
}
