package org.sitewatch.streams.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.sitewatch.events.Json;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** One streams app instance (a Spring Boot context with its web server on a free port) and an HTTP client for it. */
final class ItInstance implements AutoCloseable {

    /** A response as a client sees it. */
    record Answer(int status, String retryAfter, JsonNode body) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ConfigurableApplicationContext context;
    private final int port;

    ItInstance(String bootstrapServers, String applicationId, Path stateDir) {
        context = new SpringApplicationBuilder(ItApp.class)
                .web(WebApplicationType.SERVLET)
                .properties(
                        "spring.main.banner-mode=off",
                        "server.port=0",
                        "sitewatch.kafka.bootstrap-servers=" + bootstrapServers,
                        "sitewatch.streams.application-id=" + applicationId,
                        "sitewatch.streams.state-dir=" + stateDir,
                        "sitewatch.streams.commit-interval=100ms",
                        "sitewatch.streams.punctuate-interval=1s",
                        "sitewatch.streams.close-timeout=20s",
                        "sitewatch.views.metrics-refresh-interval=1h",
                        "sitewatch.views.retry-after=1s")
                .run();
        port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    int port() {
        return port;
    }

    Answer get(String path) {
        try {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = r.body().length == 0 ? null : Json.MAPPER.readTree(r.body());
            return new Answer(r.statusCode(), r.headers().firstValue("Retry-After").orElse(null), body);
        } catch (IOException e) {
            return new Answer(-1, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
