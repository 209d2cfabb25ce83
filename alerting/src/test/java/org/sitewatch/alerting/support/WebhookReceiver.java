package org.sitewatch.alerting.support;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.sitewatch.alerting.delivery.WebhookSignature;
import org.sitewatch.events.Json;

/**
 * A webhook receiver as a user would write one (JDK HttpServer on 127.0.0.1): verifies the HMAC
 * signature, rejects bad ones with 401, records every alert of every accepted request (duplicates
 * included, so tests can count them). Can be told to fail (500) or to hold its answers, to play a
 * receiver that is down or one that processed a request but never got to answer.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One alert as received. */
    public record Received(String fingerprint, String status, String startsAt, String alertname, Instant at) {

        /** What a receiver deduplicates on. */
        public String key() {
            return fingerprint + "/" + status + "/" + startsAt;
        }
    }

    private enum Mode { ACCEPT, FAIL, HOLD }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final byte[] secret;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger invalidSignatures = new AtomicInteger();
    private final AtomicInteger failedRequests = new AtomicInteger();
    private volatile Mode mode = Mode.ACCEPT;
    private volatile CountDownLatch held = new CountDownLatch(0);

    public WebhookReceiver(String secret) throws IOException {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String timestamp = exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER);
            String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER);
            if (!WebhookSignature.verify(secret, timestamp, signature, body, Instant.now(), Duration.ofMinutes(5))) {
                invalidSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Mode m = mode;
            if (m == Mode.FAIL) {
                failedRequests.incrementAndGet();
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            JsonNode json = Json.MAPPER.readTree(body);
            for (JsonNode a : json.path("alerts")) {
                received.add(new Received(a.path("fingerprint").asText(), a.path("status").asText(),
                        a.path("startsAt").asText(), a.path("labels").path("alertname").asText(), Instant.now()));
            }
            if (m == Mode.HOLD) {
                held.await(120, TimeUnit.SECONDS);
            }
            exchange.sendResponseHeaders(200, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void accept() {
        mode = Mode.ACCEPT;
        held.countDown();
    }

    public void fail() {
        mode = Mode.FAIL;
    }

    /** Records requests but answers none until {@link #accept()}. */
    public void hold() {
        held = new CountDownLatch(1);
        mode = Mode.HOLD;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public long count(String alertname, String status) {
        return received.stream().filter(r -> r.alertname().equals(alertname) && r.status().equals(status)).count();
    }

    public boolean seen(String alertname, String status) {
        return count(alertname, status) > 0;
    }

    public Received first(String alertname, String status) {
        return received.stream().filter(r -> r.alertname().equals(alertname) && r.status().equals(status)).findFirst()
                .orElseThrow();
    }

    public int invalidSignatures() {
        return invalidSignatures.get();
    }

    public int failedRequests() {
        return failedRequests.get();
    }

    @Override
    public void close() {
        held.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
