package org.sitewatch.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.sitewatch.events.Json;

/**
 * A plain HTTP client for a server on 127.0.0.1, as a user's script would call it. I/O failures
 * surface as {@link UncheckedIOException}, except where a method says it tolerates them (used while
 * waiting for a server to come up).
 */
public final class LocalHttp {

    /** An answer as a client sees it; status -1 when the server could not be reached. */
    public record Answer(int status, String retryAfter, JsonNode body) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;

    public LocalHttp(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    public URI base() {
        return base;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build());
    }

    /** Sends {@code json} (or no body when null) with {@code method} as {@code application/json}. */
    public HttpResponse<String> send(String method, String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** The answer's body as JSON, whatever its status. */
    public JsonNode getJson(String path) {
        return parse(get(path).body());
    }

    public int status(String path) {
        return get(path).statusCode();
    }

    public String text(String path) {
        return get(path).body();
    }

    /** The body of a 200 answer, or null while the server answers anything else or cannot be reached. */
    public String ok(String path) {
        try {
            HttpResponse<String> r = get(path);
            return r.statusCode() == 200 ? r.body() : null;
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    /** The JSON body of a 200 answer, or empty while the server answers anything else or cannot be reached. */
    public Optional<JsonNode> json(String path) {
        return Optional.ofNullable(ok(path)).map(LocalHttp::parse);
    }

    /** Status, {@code Retry-After} and JSON body; status -1 when the server cannot be reached. */
    public Answer answer(String path) {
        try {
            HttpResponse<String> r = get(path);
            return new Answer(r.statusCode(), r.headers().firstValue("Retry-After").orElse(null),
                    r.body().isEmpty() ? null : parse(r.body()));
        } catch (UncheckedIOException e) {
            return new Answer(-1, null, null);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }
}
