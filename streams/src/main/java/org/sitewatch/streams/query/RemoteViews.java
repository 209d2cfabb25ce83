package org.sitewatch.streams.query;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.sitewatch.events.Json;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Asks another streams instance for its local part of a view over HTTP (the same REST API, with
 * {@code local=true}), with the caller's own {@code Authorization} header: the other instance checks the
 * same credentials (every instance of a deployment is configured alike), so a caller allowed to view on one
 * instance is allowed on all, and nobody else is. Any failure to get a 200 (refused, timed out, 503 there) becomes a
 * {@link NotReadyException}, so the caller answers 503 rather than a partial view; a 404 there stays a
 * 404.
 */
public final class RemoteViews {

    private static final String AUTHORIZATION = "Authorization";

    private final HttpClient http;
    private final Duration timeout;

    public RemoteViews(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    public <T> T get(Target target, String pathAndQuery, JavaType type) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target.baseUrl() + pathAndQuery))
                .timeout(timeout).header("Accept", "application/json").GET();
        String authorization = callersAuthorization();
        if (authorization != null) {
            builder.header(AUTHORIZATION, authorization);
        }
        HttpRequest request = builder.build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw notReady(target + " did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notReady("interrupted while asking " + target);
        }
        try {
            if (response.statusCode() == 200) {
                return Json.MAPPER.readValue(response.body(), type);
            }
            String detail = detail(response.body());
            if (response.statusCode() == 404) {
                throw new NotFoundException(detail);
            }
            throw notReady(target + " answered " + response.statusCode() + ": " + detail);
        } catch (IOException e) {
            throw notReady(target + " sent an unreadable answer: " + e.getMessage());
        }
    }

    /** The {@code Authorization} header of the request being answered on this thread, if any. */
    private static String callersAuthorization() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getHeader(AUTHORIZATION);
        }
        return null;
    }

    private static String detail(byte[] body) {
        try {
            JsonNode problem = Json.MAPPER.readTree(body);
            return problem.path("detail").asText(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static NotReadyException notReady(String reason) {
        return new NotReadyException(Readiness.notReady("PEER_UNAVAILABLE", reason));
    }
}
