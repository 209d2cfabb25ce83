package org.sitewatch.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.sitewatch.events.Json;

/** A small HTTP client for the running app's views, as a user's script would call them. */
final class SitesApi {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    SitesApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** The body of a 200 answer, or empty while the app answers anything else (503 while starting). */
    Optional<JsonNode> get(String path) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode() == 200 ? Optional.of(Json.MAPPER.readTree(r.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    int status(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    String text(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The status word of one site, or empty when the app cannot answer yet. */
    Optional<String> siteStatus(String site) {
        return get("/api/sites/" + site).map(n -> n.path("status").asText());
    }

    Optional<JsonNode> site(String site) {
        return get("/api/sites/" + site);
    }
}
