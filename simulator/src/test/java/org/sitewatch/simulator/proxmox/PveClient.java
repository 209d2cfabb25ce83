package org.sitewatch.simulator.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Minimal PVE API client for tests: real HTTP calls to the simulator with the site's token. */
final class PveClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final ProxmoxSimulator sim;
    private final HttpClient http;

    PveClient(ProxmoxSimulator sim) {
        this(sim, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
    }

    PveClient(ProxmoxSimulator sim, HttpClient http) {
        this.sim = sim;
        this.http = http;
    }

    Reply get(String site, String path) {
        return get(site, path, sim.authorizationHeader(site));
    }

    /** @param authorization the Authorization header, or null to send none */
    Reply get(String site, String path, String authorization) {
        return send(request(site, path, authorization, Duration.ofSeconds(5)));
    }

    HttpRequest request(String site, String path, String authorization, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl(site) + path)).timeout(timeout);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.GET().build();
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The {@code data} of a successful call. */
    JsonNode data(String site, String path) {
        Reply r = get(site, path);
        assertThat(r.status()).as("GET %s %s -> %s", site, path, r.body()).isEqualTo(200);
        return r.json().get("data");
    }

    /** The entry of a list payload whose {@code field} equals {@code value}. */
    static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode e : list) {
            if (e.path(field).asText().equals(value)) {
                return e;
            }
        }
        throw new AssertionError("no entry with " + field + "=" + value + " in " + list);
    }
}
