package org.sitewatch.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.sitewatch.broker.FreePorts;
import org.sitewatch.events.Json;

/**
 * A real Alertmanager (Debian's {@code prometheus-alertmanager}) as a child process on a free
 * loopback port, without gossip, with a receiver that drops everything and its storage in a test
 * folder. {@link #stop()} then {@link #start()} keep the port and the storage, as an operator's
 * restart would. Fails, never skips, when the program is missing.
 *
 * <p>Limit: Alertmanager keeps alerts in memory only, so a restart forgets the active ones until a
 * client re-sends them.
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
    private final LocalHttp http;
    private Process process;

    private AlertmanagerProcess(Path binary, Path dir, int port) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
        this.http = new LocalHttp(port);
    }

    /** Writes the configuration into {@code dir}, starts Alertmanager and waits until it is ready. */
    public static AlertmanagerProcess start(Path dir) throws IOException {
        Path binary = ExternalTools.require("prometheus-alertmanager");
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("alertmanager.yml"), CONFIG);
        AlertmanagerProcess am = new AlertmanagerProcess(binary, dir, FreePorts.loopback());
        am.start();
        return am;
    }

    public URI url() {
        return http.base();
    }

    /** Starts it again after {@link #stop()}, on the same port and storage. */
    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Alertmanager already runs on " + url());
        }
        Path log = dir.resolve("alertmanager.log");
        Process started = new ProcessBuilder(binary.toString(),
                "--config.file=" + dir.resolve("alertmanager.yml"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=",
                "--storage.path=" + dir.resolve("data"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        process = started;
        Awaitility.await("Alertmanager ready on " + url() + " (log: " + log + ")").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .failFast("Alertmanager exited; see " + log, () -> !started.isAlive())
                .until(() -> http.get("/-/ready").statusCode() == 200);
    }

    /** Stops the process (SIGTERM, then SIGKILL after 10 s) and waits for it. */
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

    /** {@code GET /api/v2/alerts}: the active (not resolved) alerts it holds. */
    public List<JsonNode> alerts() {
        LocalHttp.Answer r = http.answer("/api/v2/alerts");
        if (r.status() != 200) {
            throw new IllegalStateException("Alertmanager at " + url() + " answered " + r.status() + ": " + r.body());
        }
        List<JsonNode> out = new ArrayList<>();
        r.body().forEach(out::add);
        return out;
    }

    /** The active alerts named {@code alertname} whose {@code site} label is {@code site}. */
    public List<JsonNode> alerts(String alertname, String site) {
        return alerts().stream().filter(a -> alertname.equals(a.path("labels").path("alertname").asText())
                && site.equals(a.path("labels").path("site").asText())).toList();
    }

    /** The first active alert named {@code alertname}, or null. */
    public JsonNode alert(String alertname) {
        for (JsonNode a : alerts()) {
            if (alertname.equals(a.path("labels").path("alertname").asText())) {
                return a;
            }
        }
        return null;
    }

    /** The labels of the first active alert named {@code alertname}, or null. */
    public Map<String, String> labelsOf(String alertname) {
        JsonNode a = alert(alertname);
        return a == null ? null : Json.MAPPER.convertValue(a.path("labels"),
                Json.MAPPER.getTypeFactory().constructMapType(Map.class, String.class, String.class));
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
