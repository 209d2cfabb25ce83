package org.sitewatch.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.sitewatch.broker.FreePorts;
import org.sitewatch.testsupport.LocalHttp;

/**
 * The streams app as {@code sitewatch streams} runs it, in a JVM of its own (the test's classpath), so a
 * test can kill it for real: {@link #kill()} is SIGKILL on Linux ({@link Process#destroyForcibly()}),
 * nothing in the child runs after it. Each start keeps the port, the state directory and the
 * instance id (unless the test gives one), as a restarted process would; its output goes to
 * {@code <name>.log} (appended over restarts). Security as the product ships it: give it credentials or
 * {@code --sitewatch.security.anonymous-viewer=true} among the extra properties.
 */
final class StreamsChild implements AutoCloseable {

    /** What {@link #streamsStartedAt} looks for in the log: the lifecycle's line once Kafka Streams is started. */
    private static final String STREAMS_STARTED = "Kafka Streams started";

    private final String name;
    private final Path log;
    private final int port;
    private final List<String> command;
    private final Map<String, String> environment;
    private final LocalHttp http;
    private Process process;
    private Instant startedAt;
    private long logOffset;

    /**
     * @param dir where its state directory and log go
     * @param extra further {@code --name=value} Spring properties
     * @param environment its environment variables besides the test's (less any {@code SITEWATCH_*}): secrets,
     *     which the command line refuses
     */
    StreamsChild(Path dir, String name, String bootstrapServers, String applicationId, List<String> extra,
                 Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        this.name = name;
        this.log = dir.resolve(name + ".log");
        this.port = FreePorts.loopback();
        this.http = new LocalHttp(port);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", classpath, SitewatchCli.class.getName(), "streams",
                "--kafka-bootstrap-servers", bootstrapServers,
                "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--state-dir", dir.resolve(name + "-state").toString(),
                "--sitewatch.streams.application-id=" + applicationId,
                "--sitewatch.streams.commit-interval=100ms",
                "--sitewatch.streams.punctuate-interval=1s",
                "--sitewatch.streams.rocksdb-memory=64MB",
                "--sitewatch.views.retry-after=1s"));
        command.addAll(extra);
    }

    /** Starts the process (again); returns at once. */
    synchronized StreamsChild start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " runs already");
        }
        try {
            logOffset = Files.exists(log) ? Files.size(log) : 0;
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().keySet().removeIf(k -> k.startsWith("SITEWATCH_") || k.equals("SERVER_PORT"));
            builder.environment().putAll(environment);
            startedAt = Instant.now();
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** SIGKILL: no shutdown hook, no commit, no leaving the group; waits until the process is gone. */
    synchronized void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " still runs 20 s after SIGKILL");
        }
    }

    /** SIGTERM (the shutdown hook closes the app), SIGKILL after 30 s. */
    synchronized void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    boolean died() {
        return process != null && !process.isAlive();
    }

    /** For a wait's fail-fast: an error with the end of its output when the process died by itself. */
    void assertAlive() {
        if (died()) {
            String out = currentOutput();
            throw new AssertionError(name + " stopped (exit " + process.exitValue() + "); its output ends with:\n"
                    + out.substring(Math.max(0, out.length() - 6000)));
        }
    }

    LocalHttp http() {
        return http;
    }

    int port() {
        return port;
    }

    /** When the current process was started. */
    Instant startedAt() {
        return startedAt;
    }

    /** Whether the current process has logged that Kafka Streams started. */
    boolean streamsStarted() {
        return currentOutput().contains(STREAMS_STARTED);
    }

    /** What the current process printed so far. */
    String currentOutput() {
        try {
            byte[] all = Files.readAllBytes(log);
            int from = (int) Math.min(logOffset, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    Path log() {
        return log;
    }

    static Duration since(Instant start) {
        return Duration.between(start, Instant.now());
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    @Override
    public String toString() {
        return name + " (port " + port + ", log " + log + ")";
    }
}
