package org.sitewatch.bench.streams;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.sitewatch.events.Json;

/** The app's HTTP API on the loopback interface: its views and its actuator metrics. */
public final class AppHttp {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int port;

    public AppHttp(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    /** One answer: its status and body; status 0 when nothing answered (not listening yet, connection reset). */
    public record Answer(int status, String body) {
        public boolean ok() {
            return status == 200;
        }
    }

    public Answer get(String path) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(REQUEST_TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(0, e.toString());
        }
    }

    /** How many sites {@code GET /api/sites} lists; -1 while it does not answer 200 (not started, 503 while restoring). */
    public int siteCount() throws InterruptedException {
        return siteCount(get("/api/sites"));
    }

    /** How many sites an answer of {@code GET /api/sites} lists; -1 when it is not a 200. */
    public static int siteCount(Answer answer) {
        return answer.ok() ? json(answer).path("sites").size() : -1;
    }

    /** The sites an answer of {@code GET /api/sites} lists, by name; empty when it is not a 200. */
    public static java.util.Set<String> siteNames(Answer answer) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        if (answer.ok()) {
            json(answer).path("sites").forEach(site -> names.add(site.path("site").asText()));
        }
        return names;
    }

    /** The heap in use now: {@code jvm.memory.used} with {@code area=heap} from the actuator (Micrometer's JVM meters). */
    public long heapUsedBytes() throws InterruptedException {
        Answer answer = get("/actuator/metrics/jvm.memory.used?tag=area:heap");
        if (!answer.ok()) {
            throw new IllegalStateException("/actuator/metrics/jvm.memory.used answered " + answer.status() + ": " + answer.body());
        }
        for (JsonNode measurement : json(answer).path("measurements")) {
            if ("VALUE".equals(measurement.path("statistic").asText())) {
                return measurement.path("value").asLong();
            }
        }
        throw new IllegalStateException("no VALUE in /actuator/metrics/jvm.memory.used: " + answer.body());
    }

    private static JsonNode json(Answer answer) {
        try {
            return Json.MAPPER.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + answer.body(), e);
        }
    }
}
