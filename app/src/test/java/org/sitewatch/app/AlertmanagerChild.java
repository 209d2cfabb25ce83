package org.sitewatch.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.sitewatch.events.Json;

/**
 * A real Alertmanager (Debian's {@code prometheus-alertmanager}) as a child process on a free loopback
 * port: no gossip, a minimal configuration, storage in a test folder. Fails, never skips, when the binary
 * is missing. Same approach as the alerting module's test harness.
 */
public final class AlertmanagerChild implements AutoCloseable {

    private static final String CONFIG = """
            route:
              receiver: 'null'
              group_by: ['site']
            receivers:
              - name: 'null'
            """;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int port;
    private final Process process;

    private AlertmanagerChild(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    public static AlertmanagerChild start(Path dir) throws IOException, InterruptedException {
        Path binary = binary();
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("alertmanager.yml"), CONFIG);
        int port = freePort();
        Process p = new ProcessBuilder(binary.toString(),
                "--config.file=" + dir.resolve("alertmanager.yml"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=",
                "--storage.path=" + dir.resolve("data"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("alertmanager.log").toFile()))
                .start();
        AlertmanagerChild am = new AlertmanagerChild(port, p);
        Instant deadline = Instant.now().plusSeconds(20);
        while (!am.ready()) {
            if (Instant.now().isAfter(deadline) || !p.isAlive()) {
                am.close();
                throw new IllegalStateException("Alertmanager did not become ready; see " + dir.resolve("alertmanager.log"));
            }
            Thread.sleep(100);
        }
        return am;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private boolean ready() {
        try {
            return get("/-/ready").statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code GET /api/v2/alerts}: the alerts Alertmanager holds as active. */
    public List<JsonNode> alerts() throws IOException, InterruptedException {
        HttpResponse<String> r = get("/api/v2/alerts");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Alertmanager answered " + r.statusCode() + ": " + r.body());
        }
        List<JsonNode> out = new ArrayList<>();
        Json.MAPPER.readTree(r.body()).forEach(out::add);
        return out;
    }

    /** The active alerts named {@code alertname} whose labels include {@code site}. */
    public List<JsonNode> alerts(String alertname, String site) throws IOException, InterruptedException {
        return alerts().stream().filter(a -> alertname.equals(a.path("labels").path("alertname").asText())
                && site.equals(a.path("labels").path("site").asText())).toList();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Path binary() {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "prometheus-alertmanager");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path debian = Path.of("/usr/bin/prometheus-alertmanager");
        if (Files.isExecutable(debian)) {
            return debian;
        }
        throw new AssertionError("prometheus-alertmanager is not installed: 'apt-get install -y --no-install-recommends "
                + "prometheus-alertmanager' (Debian/Ubuntu), or put the binary on the PATH.");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
