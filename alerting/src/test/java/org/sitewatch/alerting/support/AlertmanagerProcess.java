package org.sitewatch.alerting.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.sitewatch.events.Json;

/**
 * A real Alertmanager (Debian's {@code prometheus-alertmanager}) as a child process on a loopback
 * port, without gossip, with its storage in a test folder. Stop and start again keep the port and
 * the storage, as an operator's restart would. Fails, never skips, when the binary is missing.
 */
public final class AlertmanagerProcess implements AutoCloseable {

    private static final String CONFIG = """
            route:
              receiver: 'null'
              group_by: ['site']
            receivers:
              - name: 'null'
            """;

    private final Path binary;
    private final Path dir;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    private AlertmanagerProcess(Path binary, Path dir, int port) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
    }

    public static AlertmanagerProcess start(Path dir) throws IOException {
        Path binary = Executables.require("prometheus-alertmanager", "prometheus-alertmanager");
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("alertmanager.yml"), CONFIG);
        AlertmanagerProcess am = new AlertmanagerProcess(binary, dir, FreePort.pick());
        am.start();
        return am;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Alertmanager already runs");
        }
        process = new ProcessBuilder(binary.toString(),
                "--config.file=" + dir.resolve("alertmanager.yml"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=",
                "--storage.path=" + dir.resolve("data"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("alertmanager.log").toFile()))
                .start();
        Awaitility.await("Alertmanager ready on " + url()).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> get("/-/ready").statusCode() == 200);
    }

    /** Stops the process (SIGTERM, then SIGKILL) and waits for it. */
    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    /** Alertmanager's {@code GET /api/v2/alerts}: the active (not resolved) alerts it holds. */
    public List<JsonNode> alerts() throws IOException, InterruptedException {
        HttpResponse<String> r = get("/api/v2/alerts");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Alertmanager answered " + r.statusCode() + ": " + r.body());
        }
        List<JsonNode> out = new ArrayList<>();
        Json.MAPPER.readTree(r.body()).forEach(out::add);
        return out;
    }

    /** The labels of its active alerts with this alertname, or null. */
    public Map<String, String> labelsOf(String alertname) throws IOException, InterruptedException {
        for (JsonNode a : alerts()) {
            if (alertname.equals(a.path("labels").path("alertname").asText())) {
                return Json.MAPPER.convertValue(a.path("labels"), Json.MAPPER.getTypeFactory()
                        .constructMapType(Map.class, String.class, String.class));
            }
        }
        return null;
    }

    public JsonNode alert(String alertname) throws IOException, InterruptedException {
        for (JsonNode a : alerts()) {
            if (alertname.equals(a.path("labels").path("alertname").asText())) {
                return a;
            }
        }
        return null;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url().resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
