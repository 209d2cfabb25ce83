package org.sitewatch.collectors.azure;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTPS fake of Microsoft Entra ID's token endpoint and of Azure Resource Manager on 127.0.0.1,
 * speaking their wire format (vendor doc 2.1 and 2.8): the client-credentials form post answered
 * with {@code {token_type, expires_in, access_token}} or an {@code invalid_client} error, and ARM
 * GETs answered from canned JSON per path (ignoring case, as ARM does), with a bearer token
 * required and refused once expired ({@code 401 ExpiredAuthenticationToken}).
 *
 * <p>Answers are queued per path (and {@code $skiptoken} for a second page); the last one repeats.
 */
final class FakeAzure implements AutoCloseable {

    static final String TENANT = "72f988bf-0000-0000-0000-000000000001";
    static final String CLIENT_ID = "0f8e4c2a-1111-2222-3333-444455556666";
    static final String CLIENT_SECRET = "s3cr3t-value-never-logged";

    /** A canned answer. */
    record Answer(int status, Map<String, String> headers, String body) {
        static Answer json(String body) {
            return new Answer(200, Map.of(), body);
        }

        static Answer error(int status, String code, String message) {
            return new Answer(status, Map.of(), "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}");
        }

        static Answer throttled(int retryAfterSeconds) {
            return new Answer(429, Map.of("Retry-After", String.valueOf(retryAfterSeconds)),
                    "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"The request is being throttled.\"}}");
        }
    }

    private final HttpsServer server;
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final Clock clock = Clock.systemUTC();
    private volatile long tokenLifetimeSeconds = 3599;
    private volatile boolean armRefusesTokens;

    FakeAzure(TestCertificate certificate) throws Exception {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL, e.g. {@code https://127.0.0.1:4711/}, serving both the authority and ARM. */
    URI url() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** How long tokens issued from now on last. */
    void tokenLifetime(long seconds) {
        this.tokenLifetimeSeconds = seconds;
    }

    /** ARM answers every call 401, as for a token of another tenant or a deleted principal. */
    void armRefusesTokens() {
        this.armRefusesTokens = true;
    }

    int tokensIssued() {
        return tokensIssued.get();
    }

    /** Answers for GETs of {@code path} (no query; a page key adds {@code ?$skiptoken=<page>}); the last repeats. */
    void answer(String path, Answer... sequence) {
        answers.put(path.toLowerCase(Locale.ROOT), new ArrayDeque<>(List.of(sequence)));
    }

    /** How many GETs of {@code path} (ignoring query and case) arrived. */
    long requestsTo(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        synchronized (requests) {
            return requests.stream().filter(r -> r.equals(p)).count();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String path = uri.getPath();
            if ("POST".equals(exchange.getRequestMethod()) && path.endsWith("/oauth2/v2.0/token")) {
                token(exchange, path);
                return;
            }
            if (path.endsWith("/.well-known/openid-configuration")) {
                String base = url() + TENANT;
                send(exchange, new Answer(200, Map.of(), "{\"token_endpoint\":\"" + base + "/oauth2/v2.0/token\","
                        + "\"issuer\":\"" + base + "/v2.0\",\"authorization_endpoint\":\"" + base
                        + "/oauth2/v2.0/authorize\"}"));
                return;
            }
            String lower = path.toLowerCase(Locale.ROOT);
            requests.add(lower);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Instant expires = authorization == null || !authorization.startsWith("Bearer ") ? null
                    : tokens.get(authorization.substring("Bearer ".length()));
            if (expires == null || armRefusesTokens) {
                send(exchange, Answer.error(401, "InvalidAuthenticationToken", "The access token is invalid."));
                return;
            }
            if (!clock.instant().isBefore(expires)) {
                send(exchange, Answer.error(401, "ExpiredAuthenticationToken", "The access token expiry UTC time is earlier than current UTC time."));
                return;
            }
            String skipToken = query(uri.getRawQuery()).get("$skiptoken");
            Deque<Answer> queue = answers.get(skipToken == null ? lower : lower + "?$skiptoken=" + skipToken);
            if (queue == null) {
                send(exchange, Answer.error(404, "ResourceNotFound", "The resource '" + path + "' was not found."));
                return;
            }
            Answer answer;
            synchronized (queue) {
                answer = queue.size() > 1 ? queue.poll() : queue.peek();
            }
            send(exchange, answer);
        }
    }

    private void token(HttpExchange exchange, String path) throws IOException {
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        boolean known = path.startsWith("/" + TENANT + "/") && CLIENT_ID.equals(form.get("client_id"))
                && CLIENT_SECRET.equals(form.get("client_secret")) && "client_credentials".equals(form.get("grant_type"))
                && List.of(form.getOrDefault("scope", "").split(" ")).contains(url() + ".default");
        if (!known) {
            send(exchange, new Answer(401, Map.of(), "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: "
                    + "Invalid client secret provided. Ensure the secret being sent in the request is the client secret "
                    + "value, not the client secret ID.\",\"error_codes\":[7000215],\"timestamp\":\"2026-01-01 00:00:00Z\","
                    + "\"trace_id\":\"00000000-0000-0000-0000-000000000000\",\"correlation_id\":\"00000000-0000-0000-0000-000000000000\"}"));
            return;
        }
        String token = "fake-token-" + tokensIssued.incrementAndGet();
        long lifetime = tokenLifetimeSeconds;
        tokens.put(token, clock.instant().plusSeconds(lifetime));
        send(exchange, new Answer(200, Map.of(), "{\"token_type\":\"Bearer\",\"expires_in\":" + lifetime
                + ",\"ext_expires_in\":" + lifetime + ",\"access_token\":\"" + token + "\"}"));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
