package org.sitewatch.collectors.vmware.replication;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A DR REST gateway (VR's or SRM's) on a loopback JDK HTTP server: {@code POST <root>/session} with
 * the expected Basic credentials opens a numbered session; a GET without the current session
 * answers 401 (no body, as the gateways do); other answers come from routes by path (below the
 * root, without the query).
 */
final class FakeDrGateway implements AutoCloseable {

    record Request(String method, String uri, String session, String authorization) {
    }

    record Answer(int status, String body) {
    }

    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final String root;
    private final String expectedAuthorization;
    private final HttpServer server;
    private final Map<String, Function<String, Answer>> routes = new ConcurrentHashMap<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile String currentSession;
    private volatile boolean refuseEverySession;
    private volatile Answer loginAnswer;

    /** @param prefix the appliance's own path, e.g. {@code /vr-a}; @param apiRoot {@code /api/rest/vr/v2} */
    FakeDrGateway(String prefix, String apiRoot, String user, String password) {
        this.root = prefix + apiRoot;
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The appliance URL to configure, e.g. {@code http://127.0.0.1:4711/vr-a}. */
    String url(String prefix) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    }

    FakeDrGateway route(String path, int status, String body) {
        return route(path, query -> new Answer(status, body));
    }

    FakeDrGateway route(String path, Function<String, Answer> byQuery) {
        routes.put(path, byQuery);
        return this;
    }

    /** The gateway forgets the current session (as after its expiry): the next GET answers 401. */
    void expireSession() {
        currentSession = null;
    }

    /** Every GET answers 401, even with a session just opened. */
    void refuseEverySession() {
        refuseEverySession = true;
    }

    /** Logins answer this instead of opening a session. */
    void answerLogins(int status, String body) {
        loginAnswer = new Answer(status, body);
    }

    int logins() {
        return logins.get();
    }

    /** The GETs' URIs below the root, in order. */
    List<String> gets() {
        synchronized (requests) {
            return requests.stream().filter(r -> r.method().equals("GET")).map(r -> r.uri().substring(root.length())).toList();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String uri = exchange.getRequestURI().toString();
        String session = exchange.getRequestHeaders().getFirst(DrSession.SESSION_HEADER);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(new Request(exchange.getRequestMethod(), uri, session, authorization));
        String path = exchange.getRequestURI().getPath();
        if (!path.startsWith(root)) {
            answer(exchange, 404, "{\"error_code\":\"NOT_FOUND\",\"message\":\"no such path\",\"op_id\":\"op-0\"}");
            return;
        }
        String below = path.substring(root.length());
        if (exchange.getRequestMethod().equals("POST") && below.equals("/session")) {
            Answer refusal = loginAnswer;
            if (refusal != null) {
                answer(exchange, refusal.status(), refusal.body());
            } else if (!expectedAuthorization.equals(authorization)) {
                answer(exchange, 401, "");
            } else {
                currentSession = "session-" + logins.incrementAndGet();
                answer(exchange, 200, "{\"session_id\":\"" + currentSession + "\"}");
            }
            return;
        }
        if (refuseEverySession || session == null || !session.equals(currentSession)) {
            answer(exchange, 401, "");
            return;
        }
        Function<String, Answer> route = routes.get(below);
        if (route == null) {
            answer(exchange, 404, "{\"error_code\":\"NOT_FOUND\",\"message\":\"no " + below + "\",\"op_id\":\"op-1\"}");
            return;
        }
        Answer a = route.apply(exchange.getRequestURI().getQuery());
        if (a.status() == 0) {
            // Never answers in time: holds the request until the gateway is closed.
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        answer(exchange, a.status(), a.body());
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
