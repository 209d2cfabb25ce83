package org.sitewatch.app.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.sitewatch.events.Json;

/**
 * A real Prometheus server (Debian's package) run as a child process on a free loopback port, with
 * the project's own configuration copied into a temp folder and a target file pointing at the apps
 * under test. Scrapes every second so tests do not wait long.
 */
public final class PrometheusProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private PrometheusProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts Prometheus scraping {@code targets} (host:port) with the project's rules, and waits until ready. */
    public static PrometheusProcess start(Path projectPrometheusDir, Path workDir, List<String> targets) throws Exception {
        Path binary = ExternalTool.require("prometheus", "prometheus");
        Path config = workDir.resolve("config");
        copyTree(projectPrometheusDir, config);
        // The project's config, with a fast scrape for tests; targets come from a file as in production.
        String yml = Files.readString(config.resolve("prometheus.yml"))
                .replace("scrape_interval: 15s", "scrape_interval: 1s")
                .replace("evaluation_interval: 15s", "evaluation_interval: 1s");
        Files.writeString(config.resolve("prometheus.yml"), yml);
        try (Stream<Path> old = Files.list(config.resolve("targets"))) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        StringBuilder json = new StringBuilder("[{\"targets\":[");
        for (int i = 0; i < targets.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(targets.get(i)).append('"');
        }
        json.append("],\"labels\":{\"component\":\"all-in-one\"}}]");
        Files.writeString(config.resolve("targets").resolve("sitewatch-test.json"), json.toString());

        int port = freePort();
        Process process = new ProcessBuilder(binary.toString(),
                "--config.file=" + config.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + workDir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-lifecycle")
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("prometheus.log").toFile())
                .start();
        PrometheusProcess prometheus = new PrometheusProcess(process, port);
        prometheus.awaitReady(workDir.resolve("prometheus.log"));
        return prometheus;
    }

    private void awaitReady(Path log) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("prometheus exited: " + Files.readString(log));
            }
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("prometheus not ready within 30 s: " + Files.readString(log));
    }

    /** Runs an instant query and returns Prometheus's whole JSON answer ({@code status}, {@code data} or {@code error}). */
    public JsonNode query(String promql) throws Exception {
        HttpResponse<String> r = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        return Json.MAPPER.readTree(r.body());
    }

    public int port() {
        return port;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
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
