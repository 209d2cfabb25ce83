package org.sitewatch.bench.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.sitewatch.broker.FreePorts;

/**
 * {@code sitewatch streams} as a user runs it, in a child JVM ({@code java -Xmx2g -XX:+UseG1GC -jar sitewatch.jar
 * streams ...}) on a free loopback port, against the harness's broker. Each scenario gives it its own application
 * id (a fresh consumer group and fresh internal topics) and a state folder in its work folder.
 */
public final class StreamsAppProcess implements AutoCloseable {

    /** The heap every scenario gives the app: the target is 1,000,000 VMs in at most 2 GiB. */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx2g", "-XX:+UseG1GC");

    /**
     * Extra JVM options for the app, split on spaces, e.g. to profile it:
     * {@code SITEWATCH_BENCH_APP_JVM_OPTIONS="-XX:StartFlightRecording=filename=/tmp/app.jfr,settings=profile"}.
     */
    public static final String EXTRA_JVM_OPTIONS_ENV = "SITEWATCH_BENCH_APP_JVM_OPTIONS";

    /**
     * Set explicitly so the figures say what they ran with: Kafka Streams' default under exactly-once v2 (which the
     * app pins) is also 100 ms, and the app sets none of its own.
     */
    public static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);

    private static final Duration POLL = Duration.ofMillis(100);

    /**
     * @param jar the application jar
     * @param bootstrapServers the harness's broker
     * @param applicationId the Kafka Streams application id, fresh per scenario so it starts from scratch
     * @param stateDir the local state (RocksDB) folder
     * @param log where the app's output goes
     */
    public record Settings(Path jar, String bootstrapServers, String applicationId, Path stateDir, Path log) {
    }

    private final Settings settings;
    private final AppProcess process;
    private final AppHttp http;

    private StreamsAppProcess(Settings settings, AppProcess process, AppHttp http) {
        this.settings = settings;
        this.process = process;
        this.http = http;
    }

    public static StreamsAppProcess start(Settings settings) {
        int port = FreePorts.loopback();
        List<String> args = new ArrayList<>(List.of("streams",
                "--kafka-bootstrap-servers", settings.bootstrapServers(),
                "--port", Integer.toString(port),
                "--state-dir", settings.stateDir().toString(),
                "--server.address=127.0.0.1",
                // the harness reads the views and the JVM metrics without credentials: an explicit choice on loopback
                "--sitewatch.security.anonymous-viewer=true",
                "--sitewatch.security.metrics-access=viewer",
                "--sitewatch.streams.application-id=" + settings.applicationId(),
                "--sitewatch.streams.commit-interval=" + COMMIT_INTERVAL.toMillis() + "ms"));
        return new StreamsAppProcess(settings, AppProcess.start(settings.jar(), jvmOptions(), args, settings.log()),
                new AppHttp(port));
    }

    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        String extra = System.getenv(EXTRA_JVM_OPTIONS_ENV);
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.trim().split("\\s+")));
        }
        return options;
    }

    /** The same app (application id, state folder, log) started again, e.g. after {@link #stop()}. */
    public StreamsAppProcess startAgain() {
        return start(settings);
    }

    public Settings settings() {
        return settings;
    }

    public AppProcess process() {
        return process;
    }

    public AppHttp http() {
        return http;
    }

    /**
     * Waits until {@code GET /api/sites} answers 200 with a site count {@code sitesOk} accepts (the views answer 503
     * while Kafka Streams is not running or restores); returns the time since launch.
     *
     * @throws java.util.concurrent.TimeoutException when {@code timeout} passes first
     */
    public Duration awaitViews(IntPredicate sitesOk, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            process.requireAlive("before its views answered");
            int sites = http.siteCount();
            if (sites >= 0 && sitesOk.test(sites)) {
                return Duration.ofNanos(System.nanoTime() - process.launchedNanos());
            }
            if (System.nanoTime() > deadline) {
                throw new java.util.concurrent.TimeoutException("the views did not answer as expected within " + timeout
                        + " (last site count " + sites + "); app log " + process.log().toAbsolutePath());
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    public Duration stop() {
        return process.stop();
    }

    @Override
    public void close() {
        process.close();
    }
}
