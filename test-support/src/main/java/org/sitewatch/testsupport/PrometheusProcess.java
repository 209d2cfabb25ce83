package org.sitewatch.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.sitewatch.broker.FreePorts;
import org.sitewatch.events.Json;

/**
 * A real Prometheus server (Debian's package) as a child process on a free loopback port, run with a
 * copy of the project's configuration and rules ({@code dashboard/prometheus/}) whose file-based
 * targets are replaced by the apps under test. Scrapes and evaluates every second so tests do not
 * wait long. Fails, never skips, when the program is missing.
 *
 * <p>Limit: only the 15 s intervals of the shipped configuration are shortened; other timings stay.
 */
public final class PrometheusProcess implements AutoCloseable {

    private final Process process;
    private final LocalHttp http;

    private PrometheusProcess(Process process, int port) {
        this.process = process;
        this.http = new LocalHttp(port);
    }

    /**
     * Copies {@code configDir} into {@code workDir}, points its targets at {@code targets}
     * ({@code host:port}), starts Prometheus and waits until it is ready.
     */
    public static PrometheusProcess start(Path configDir, Path workDir, List<String> targets) throws IOException {
        Path binary = ExternalTools.require("prometheus");
        Path config = workDir.resolve("config");
        copyTree(configDir, config);
        String yml = Files.readString(config.resolve("prometheus.yml"))
                .replace("scrape_interval: 15s", "scrape_interval: 1s")
                .replace("evaluation_interval: 15s", "evaluation_interval: 1s");
        Files.writeString(config.resolve("prometheus.yml"), yml);
        writeTargets(config.resolve("targets"), targets);

        int port = FreePorts.loopback();
        Path log = workDir.resolve("prometheus.log");
        Process process = new ProcessBuilder(binary.toString(),
                "--config.file=" + config.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + workDir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-lifecycle")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PrometheusProcess prometheus = new PrometheusProcess(process, port);
        Awaitility.await("Prometheus ready on port " + port + " (log: " + log + ")").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .failFast("Prometheus exited; see " + log, () -> !process.isAlive())
                .until(() -> prometheus.http.get("/-/ready").statusCode() == 200);
        return prometheus;
    }

    /** Runs an instant query; Prometheus's whole JSON answer ({@code status}, then {@code data} or {@code error}). */
    public JsonNode query(String promql) {
        return http.getJson("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    /** The values of {@code label} on the series matching {@code selector}, as Grafana's {@code label_values} asks. */
    public JsonNode labelValues(String label, String selector) {
        return http.getJson("/api/v1/label/" + label + "/values?match[]=" + URLEncoder.encode(selector, StandardCharsets.UTF_8));
    }

    public int port() {
        return http.base().getPort();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Replaces the shipped target files with one naming the apps under test. */
    private static void writeTargets(Path dir, List<String> targets) throws IOException {
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        ObjectNode group = Json.MAPPER.createObjectNode();
        ArrayNode list = group.putArray("targets");
        targets.forEach(list::add);
        group.putObject("labels").put("component", "all-in-one");
        Files.writeString(dir.resolve("sitewatch-test.json"), Json.MAPPER.createArrayNode().add(group).toString());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
