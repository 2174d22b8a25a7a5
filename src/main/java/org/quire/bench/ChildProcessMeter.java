package org.quire.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child process and measures it from outside: wall time, CPU time (user + system, from this process's
 * {@code cutime}/{@code cstime} in {@code /proc/self/stat}, also reported apart, which count a child once it has been waited for, so
 * nothing of the child's last moments is missed), and peak resident memory ({@code VmHWM} from
 * {@code /proc/<pid>/status}, polled while it runs) and the {@link System#nanoTime()} it was started at. Linux only; elsewhere CPU and RSS are reported as -1.
 */
public final class ChildProcessMeter {

    /**
     * What one child cost. cpuSeconds (= userSeconds + systemSeconds), its parts and peakRssBytes are -1 when
     * unknown.
     */
    public record Measured(int exitCode, double wallSeconds, double cpuSeconds, double userSeconds,
                           double systemSeconds, long peakRssBytes, long startNanos) {
    }

    private static final double TICKS_PER_SECOND = 100.0;   // USER_HZ, fixed at 100 on Linux for user space

    private ChildProcessMeter() {
    }

    /** Runs {@code command} in {@code dir}, its output into {@code log}, and waits for it to end. */
    public static Measured run(List<String> command, Path dir, Path log) throws IOException, InterruptedException {
        return run(command, dir, log, null);
    }

    /**
     * As {@link #run(List, Path, Path)}; when {@code echo} is not null, every output line of the child is also
     * printed there as soon as it comes (for long runs that report progress).
     */
    public static Measured run(List<String> command, Path dir, Path log, PrintStream echo)
            throws IOException, InterruptedException {
        long[] cpuBefore = childTicks();
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        if (echo == null) {
            pb.redirectOutput(log.toFile());
        }
        Process p = pb.start();
        Thread copier = echo == null ? null : copyLines(p.getInputStream(), log, echo);
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        long peak = -1;
        while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, vmHwm(status));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        long[] cpuAfter = childTicks();
        if (copier != null) {
            copier.join();
        }
        boolean known = cpuBefore != null && cpuAfter != null;
        double user = known ? (cpuAfter[0] - cpuBefore[0]) / TICKS_PER_SECOND : -1;
        double sys = known ? (cpuAfter[1] - cpuBefore[1]) / TICKS_PER_SECOND : -1;
        return new Measured(p.exitValue(), wall, known ? user + sys : -1, user, sys, peak, start);
    }

    private static Thread copyLines(InputStream in, Path log, PrintStream echo) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                 BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    w.write(line);
                    w.newLine();
                    w.flush();
                    echo.println(line);
                }
            } catch (IOException e) {
                echo.println("   (child output lost: " + e.getMessage() + ")");
            }
        }, "child-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** {cutime, cstime} of this process, in clock ticks, or null when unknown. */
    static long[] childTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "(comm) ": field 3 (state) is f[0]; cutime is field 16, cstime field 17
            return new long[]{Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
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
