package org.sitewatch.bench.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM running the application jar ({@code java <jvm options> -jar sitewatch.jar <args>}), its output in a
 * log file. Stopping sends SIGTERM, as Ctrl-C or a container stop does, and kills it (SIGKILL) only when it does
 * not exit within the grace period. Closing stops it, so a scenario holding it in try-with-resources never leaves
 * a JVM behind.
 */
public final class AppProcess implements AutoCloseable {

    /** Longer than the app's own shutdown (streams close timeout 30 s) so a clean stop is never cut short. */
    static final Duration STOP_GRACE = Duration.ofSeconds(45);
    private static final int LOG_TAIL_LINES = 30;

    private final Process process;
    private final Path log;
    private final long launchedNanos;

    private AppProcess(Process process, Path log, long launchedNanos) {
        this.process = process;
        this.log = log;
        this.launchedNanos = launchedNanos;
    }

    /**
     * Starts {@code java jvmOptions -jar jar appArgs} with the same Java as this JVM, in the log's folder (so any
     * relative default path of the app lands there), stdout and stderr appended to {@code log}.
     */
    public static AppProcess start(Path jar, List<String> jvmOptions, List<String> appArgs, Path log) {
        List<String> command = new ArrayList<>();
        command.add(javaTool("java"));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(appArgs);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(log.toAbsolutePath().getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            long launched = System.nanoTime();
            return new AppProcess(builder.start(), log, launched);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** When {@link #start} launched it, on the {@link System#nanoTime()} clock. */
    public long launchedNanos() {
        return launchedNanos;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public ProcessMemory memory() {
        return ProcessMemory.of(process.pid());
    }

    /** Throws {@link #failure} when the process has exited. */
    public void requireAlive(String during) {
        if (!process.isAlive()) {
            throw failure("the app exited (code " + process.exitValue() + ") " + during);
        }
    }

    /**
     * A full garbage collection in the app ({@code jcmd <pid> GC.run}, i.e. {@code System.gc()}, a full collection
     * under G1), so the heap read afterwards is close to the live data.
     */
    public void runFullGc() {
        try {
            Process jcmd = new ProcessBuilder(javaTool("jcmd"), Long.toString(pid()), "GC.run")
                    .redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + pid() + " GC.run failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run jcmd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running jcmd GC.run", e);
        }
    }

    /** SIGTERM and wait; SIGKILL after {@link #STOP_GRACE}. Returns how long the process took to exit. */
    public Duration stop() {
        long started = System.nanoTime();
        if (!process.isAlive()) {
            return Duration.ZERO;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** An exception saying what went wrong, where the app's log is, and its last lines. */
    public IllegalStateException failure(String what) {
        return new IllegalStateException(what + "; app log " + log.toAbsolutePath() + ", last lines:\n" + logTail());
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** A tool of the running JDK ({@code java}, {@code jcmd}), or the one on the PATH when this is a bare JRE. */
    private static String javaTool(String name) {
        Path tool = Path.of(System.getProperty("java.home"), "bin", name);
        return Files.isExecutable(tool) ? tool.toString() : name;
    }
}
