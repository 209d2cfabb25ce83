package org.sitewatch.collectors.spi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.collectors.spi.http.LocalHttpServer.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;

/** Every class of answer and failure of the shared JSON-over-HTTP client, against a server on 127.0.0.1. */
class JsonHttpClientTest {

    private static final String BLOCK = "sitewatch.collectors.endpoints[0].acme";
    private static final String TOKEN = "Bearer t0ken-never-shown";
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private LocalHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private JsonHttpClient client(URI base) {
        return client(base, Duration.ofSeconds(5));
    }

    private JsonHttpClient client(URI base, Duration timeout) {
        return JsonHttpClient.builder(base).timeout(timeout).header("Authorization", TOKEN)
                .remedies(HttpRemedies.generic(BLOCK, "ca-file")).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    private CollectorException failure(JsonHttpClient client, String path) {
        try {
            client.get(path);
        } catch (CollectorException e) {
            assertThat(e.getMessage()).doesNotContain("t0ken");
            return e;
        }
        throw new AssertionError("expected GET " + path + " to fail");
    }

    private CollectorException answering(int status, String body, String... headers) {
        server = new LocalHttpServer(exchange -> send(exchange, status, body, headers));
        return failure(client(server.base()), "/things");
    }

    @Test
    void shouldGetJsonBelowTheApiRootWithTheHeaders() throws Exception {
        server = new LocalHttpServer(exchange -> send(exchange, 200, "{\"value\":[1,2]}"));

        JsonNode answer = client(server.base()).get("/things?x=1");

        assertThat(answer.get("value").size()).isEqualTo(2);
        assertThat(server.requests).containsExactly("/api/things?x=1");
        assertThat(server.authorizations).containsExactly(TOKEN);
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}, permanent={2}")
    @CsvSource({"401, AUTH, true", "403, AUTH, true", "400, HTTP_4XX, true", "500, HTTP_5XX, false",
        "502, HTTP_5XX, false", "503, HTTP_5XX, false"})
    void shouldClassifyEachStatus(int status, CollectorErrorKind kind, boolean permanent) {
        CollectorException e = answering(status, "{\"error\":{\"message\":\"told by the server\"}}");

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.permanent()).isEqualTo(permanent);
        assertThat(e.getMessage()).contains("GET /things").contains("HTTP " + status).endsWith(": told by the server");
        assertThat(e).isNotInstanceOf(NotAvailableException.class);
        if (permanent) {
            assertThat(e.remedy()).contains(BLOCK);
        }
    }

    @ParameterizedTest(name = "HTTP {0} is 'not available on this version'")
    @CsvSource({"404", "501"})
    void shouldReportAMissingPathAsNotAvailable(int status) {
        CollectorException e = answering(status, "");

        assertThat(e).isInstanceOfSatisfying(NotAvailableException.class, n -> {
            assertThat(n.httpStatus()).isEqualTo(status);
            assertThat(n.path()).isEqualTo("/things");
        });
        assertThat(e.permanent()).isTrue();
    }

    @Test
    void shouldCarryRetryAfterSecondsOfA429() {
        CollectorException e = answering(429, "{\"message\":\"slow down\"}", "Retry-After", "7");

        assertThat(e.permanent()).isFalse();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.getMessage()).contains("HTTP 429: slow down");
    }

    @Test
    void shouldCarryRetryAfterGivenAsAnHttpDate() {
        CollectorException e = answering(429, "", "Retry-After", "Mon, 02 Mar 2026 10:01:30 GMT");

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(90));
    }

    @Test
    void shouldLeaveTheBackOffToTheRuntimeWhenA429SaysNothing() {
        assertThat(answering(429, "").retryAfter()).isEmpty();
    }

    @Test
    void shouldReportAnAnswerThatIsNotJsonAsMalformed() {
        server = new LocalHttpServer(exchange -> send(exchange, 200, "<html>login</html>"));

        CollectorException e = failure(client(server.base()), "/things");

        assertThat(e.kind()).isEqualTo(CollectorErrorKind.MALFORMED);
        assertThat(e.permanent()).isFalse();
    }

    @Test
    void shouldRefuseAnAnswerOverTheCapDeclaredUpFront() {
        server = new LocalHttpServer(exchange -> send(exchange, 200, "{\"value\":\"" + "x".repeat(2000) + "\"}"));
        JsonHttpClient capped = JsonHttpClient.builder(server.base()).maxResponseBytes(1024, BLOCK + ".max-response-bytes")
                .build();

        CollectorException e = failure(capped, "/things");

        assertThat(e.kind()).isEqualTo(CollectorErrorKind.MALFORMED);
        assertThat(e.permanent()).isTrue();
        assertThat(e.getMessage()).contains("GET /things", "declares 2012 bytes",
                "over the limit of 1024 bytes (" + BLOCK + ".max-response-bytes)");
        assertThat(e.remedy()).contains("Raise " + BLOCK + ".max-response-bytes (now 1024 bytes)");
    }

    @Test
    void shouldRefuseAChunkedAnswerOnceItPassesTheCap() throws Exception {
        server = new LocalHttpServer(exchange -> LocalHttpServer.sendChunked(exchange, "[" + "1,".repeat(1000) + "1]"));
        JsonHttpClient capped = JsonHttpClient.builder(server.base()).maxResponseBytes(1024, "max-response-bytes").build();
        JsonHttpClient roomy = JsonHttpClient.builder(server.base()).maxResponseBytes(4096, "max-response-bytes").build();

        assertThat(failure(capped, "/things").getMessage()).contains("went past", "over the limit of 1024 bytes");
        assertThat(roomy.get("/things").size()).isEqualTo(1001);
    }

    @Test
    void shouldGiveUpOnABodyTrickledSlowerThanTheTimeOut() {
        server = new LocalHttpServer(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (var out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('[');
                    out.flush();
                    Thread.sleep(100); // the fault itself: one byte every 100 ms
                }
            } catch (InterruptedException | java.io.IOException e) {
                // the client went away, as it should
            }
        });

        CollectorException e = failure(client(server.base(), Duration.ofMillis(500)), "/things");

        // Read to its end, the 100 bytes would be MALFORMED after 10 s: TIMEOUT proves the read was cut short.
        assertThat(e.kind()).isEqualTo(CollectorErrorKind.TIMEOUT);
        assertThat(e.getMessage()).contains("GET /things: no answer in time");
    }

    @Test
    void shouldReportAServerThatDoesNotAnswerInTimeAsATimeout() {
        server = new LocalHttpServer(exchange -> server.holdUntilClosed(exchange));

        CollectorException e = failure(client(server.base(), Duration.ofMillis(300)), "/things");

        assertThat(e.kind()).isEqualTo(CollectorErrorKind.TIMEOUT);
        assertThat(e.permanent()).isFalse();
    }

    @Test
    void shouldReportAClosedPortAsARetriableConnectError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        CollectorException e = failure(client(URI.create("http://127.0.0.1:" + port + "/api")), "/things");

        assertThat(e.kind()).isEqualTo(CollectorErrorKind.CONNECT);
        assertThat(e.permanent()).isFalse();
    }

    @Test
    void shouldReportAnUntrustedServerCertificateAsPermanentNamingTheCaFileKey(@TempDir Path dir) throws Exception {
        // A real TLS server whose self-signed certificate the JVM's trust store does not know: the
        // handshake fails on the client, as against a vendor API with its own CA and no ca-file set.
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(selfSignedContext(dir)));
        https.createContext("/", exchange -> send(exchange, 200, "{}"));
        https.start();
        try {
            CollectorException e = failure(client(URI.create("https://127.0.0.1:" + https.getAddress().getPort() + "/api")),
                    "/things");

            assertThat(e.kind()).as(e.getMessage()).isEqualTo(CollectorErrorKind.TLS);
            assertThat(e.permanent()).isTrue();
            assertThat(e.remedy()).contains(BLOCK + ".ca-file");
        } finally {
            https.stop(0);
        }
    }

    /** A key pair for 127.0.0.1 made with the JDK's keytool for this run (nothing checked in). */
    private static SSLContext selfSignedContext(Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        char[] password = "changeit".toCharArray();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(keytool.exitValue()).as(Files.readString(dir.resolve("keytool.log"))).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    @Test
    void shouldNotCarryTheCredentialsToAnotherHost() {
        server = new LocalHttpServer(exchange -> send(exchange, 200, "{}"));

        CollectorException e = failure(client(server.base()), "https://elsewhere.example/api/things?page=2");

        assertThat(e.kind()).isEqualTo(CollectorErrorKind.MALFORMED);
        assertThat(e.getMessage()).contains("elsewhere.example");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void shouldKeepASessionCookieForEveryClientSharingTheHandler() throws Exception {
        List<String> cookies = new CopyOnWriteArrayList<>();
        server = new LocalHttpServer(exchange -> {
            String cookie = exchange.getRequestHeaders().getFirst("Cookie");
            cookies.add(cookie == null ? "none" : cookie);
            if (exchange.getRequestURI().getPath().endsWith("/login")) {
                send(exchange, 200, "{}", "Set-Cookie", "SESSION=abc123; Path=/api; HttpOnly");
            } else {
                send(exchange, 200, "{}");
            }
        });
        CookieManager session = new CookieManager();
        JsonHttpClient login = JsonHttpClient.builder(server.base()).header("Authorization", TOKEN).cookieHandler(session).build();
        JsonHttpClient reader = JsonHttpClient.builder(server.base()).cookieHandler(session).build();
        JsonHttpClient noCookies = JsonHttpClient.builder(server.base()).build();

        login.get("/login");
        reader.get("/things");
        noCookies.get("/things");
        session.getCookieStore().removeAll();
        reader.get("/things");

        assertThat(cookies).containsExactly("none", "SESSION=abc123", "none", "none");
        assertThat(server.authorizations).containsExactly(TOKEN);
    }
}
