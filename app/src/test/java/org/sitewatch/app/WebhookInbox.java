package org.sitewatch.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.sitewatch.alerting.delivery.WebhookSignature;
import org.sitewatch.events.Json;

/**
 * A webhook receiver on 127.0.0.1 as a user would run one: checks the HMAC signature (401 when wrong)
 * and keeps every alert of every accepted request, re-sent ones included, so a test can tell what
 * arrived at least once and how many firing episodes (start times) an alert had.
 */
final class WebhookInbox implements AutoCloseable {

    /** One alert as received. */
    record Received(String fingerprint, String status, String startsAt, String alertname, String site) {
    }

    static final String SECRET = "webhook-secret-for-tests-0123456789";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookInbox() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!WebhookSignature.verify(SECRET.getBytes(StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), body, Instant.now(),
                    Duration.ofMinutes(5))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            for (JsonNode a : Json.MAPPER.readTree(body).path("alerts")) {
                received.add(new Received(a.path("fingerprint").asText(), a.path("status").asText(),
                        a.path("startsAt").asText(), a.path("labels").path("alertname").asText(),
                        a.path("labels").path("site").asText()));
            }
            exchange.sendResponseHeaders(200, -1);
        }
    }

    /** Every alert received so far, in order. */
    List<Received> received() {
        return List.copyOf(received);
    }

    /** Whether {@code alertname} of {@code site} arrived at least once with {@code status} (firing / resolved). */
    boolean got(String alertname, String site, String status) {
        return received.stream().anyMatch(r -> r.alertname().equals(alertname) && r.site().equals(site) && r.status().equals(status));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
