package org.sitewatch.collectors.oraclevm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A pass-through HTTP proxy on 127.0.0.1 in front of the simulator that records what the collector
 * sent with each request (Basic credentials or a session cookie) and what it got, so tests can see
 * the login and the session at work. Forwards GETs with {@code Authorization}, {@code Cookie} and
 * {@code Accept}; answers with the status, {@code Set-Cookie}, {@code WWW-Authenticate} and body.
 */
final class RecordingProxy implements AutoCloseable {

    /** One request: its path below the REST root, whether it carried Basic, its cookie, the status. */
    record Call(String path, boolean basic, String cookie, int status) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String target;

    /** @param targetOrigin e.g. {@code http://127.0.0.1:PORT} */
    RecordingProxy(String targetOrigin) {
        this.target = targetOrigin;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::forward);
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void forward(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String cookie = ex.getRequestHeaders().getFirst("Cookie");
        String path = ex.getRequestURI().getRawPath();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + ex.getRequestURI()))
                .timeout(Duration.ofSeconds(10)).GET();
        for (String header : List.of("Authorization", "Cookie", "Accept")) {
            String value = ex.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        try {
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            calls.add(new Call(path.substring(path.indexOf(OracleVmSettings.REST_ROOT) + OracleVmSettings.REST_ROOT.length()),
                    auth != null && auth.startsWith("Basic "), cookie, answer.statusCode()));
            for (String header : List.of("Set-Cookie", "WWW-Authenticate", "Content-Type")) {
                answer.headers().allValues(header).forEach(v -> ex.getResponseHeaders().add(header, v));
            }
            byte[] body = answer.body();
            ex.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException | InterruptedException e) {
            // The simulator dropped the call (the timeout fault): drop it too.
            ex.close();
        }
    }

    /** How many requests carried Basic credentials (logins). */
    long logins() {
        return calls.stream().filter(Call::basic).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
