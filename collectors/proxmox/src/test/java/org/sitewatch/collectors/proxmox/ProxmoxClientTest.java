package org.sitewatch.collectors.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitewatch.broker.FreePorts;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.Platform;

/** The HTTP client against tiny JDK HTTP(S) servers: auth header, envelope, TLS and error classification. */
class ProxmoxClientTest {

    private static final String TOKEN = "monitor@pve!sitewatch=3f2a-secret";
    private static final String CLUSTER_STATUS = "{\"data\":[{\"type\":\"cluster\",\"name\":\"paris\",\"quorate\":1}]}";

    @TempDir
    static Path certDir;
    private static TestCertificates certs;

    private HttpServer server;
    private final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    private final AtomicReference<String> lastPath = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeAll
    static void generateCertificates() throws Exception {
        certs = TestCertificates.generate(certDir);
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    /** Serves one canned answer for every path. */
    private String start(boolean tls, int status, String body) throws Exception {
        return start(tls ? certs.serverContext() : null, status, body);
    }

    /** @param tls the server's TLS context, null for plain HTTP */
    private String start(SSLContext tls, int status, String body) throws Exception {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
        if (tls != null) {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        } else {
            server = HttpServer.create(address, 0);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> answer(exchange, status, body));
        server.start();
        return (tls != null ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort() + "/paris-dc1/api2/json";
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
        lastPath.set(exchange.getRequestURI().toString());
        if (status == 0) {
            // Never answers in time: holds the request until the test ends.
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static EndpointConfig.Builder endpoint(String url) {
        return EndpointConfig.builder("paris-pve", "paris-dc1", Platform.PROXMOX).setting("url", url)
                .setting("api-token", TOKEN).timeout(Duration.ofSeconds(5)); // TLS handshakes are slow on a busy machine
    }

    private static CollectorException failure(EndpointConfig endpoint) {
        try {
            new ProxmoxClient(endpoint).get("/cluster/status");
        } catch (CollectorException e) {
            return e;
        }
        throw new AssertionError("expected the call to fail");
    }

    @Test
    void shouldSendTheTokenBelowTheConfiguredPrefixAndUnwrapTheEnvelope() throws Exception {
        String url = start(false, 200, CLUSTER_STATUS);

        JsonNode data = new ProxmoxClient(endpoint(url).build()).get("/cluster/resources?type=vm");

        assertThat(data.get(0).get("name").asText()).isEqualTo("paris");
        assertThat(lastAuthorization.get()).isEqualTo("PVEAPIToken=" + TOKEN);
        assertThat(lastPath.get()).isEqualTo("/paris-dc1/api2/json/cluster/resources?type=vm");
    }

    @Test
    void shouldTrustTheServerSignedByTheConfiguredCa() throws Exception {
        String url = start(true, 200, CLUSTER_STATUS);

        JsonNode data = new ProxmoxClient(endpoint(url).setting("ca-file", certs.serverPem.toString()).build()).get("/cluster/status");

        assertThat(data.isArray()).isTrue();
    }

    @Test
    void shouldRejectAServerSignedByAnUnknownCaAsATlsError() throws Exception {
        String url = start(true, 200, CLUSTER_STATUS);

        CollectorException e = failure(endpoint(url).setting("ca-file", certs.otherPem.toString()).build());

        assertThat(e.kind()).isEqualTo(CollectorErrorKind.TLS);
        assertThat(e.permanent()).isTrue();
        assertThat(e.remedy()).contains("ca-file");
    }

    @Test
    void shouldRejectASelfSignedServerWithTheJvmDefaultTrust() throws Exception {
        String url = start(true, 200, CLUSTER_STATUS);

        assertThat(failure(endpoint(url).build()).kind()).isEqualTo(CollectorErrorKind.TLS);
    }

    @Test
    void shouldRejectATrustedCertificateIssuedForAnotherHostName() throws Exception {
        String url = start(TestCertificates.serverContext(certs.wrongNameKeystore), 200, CLUSTER_STATUS);

        CollectorException e = failure(endpoint(url).setting("ca-file", certs.wrongNamePem.toString()).build());

        assertThat(e.kind()).isEqualTo(CollectorErrorKind.TLS);
    }

    @Test
    void shouldAcceptAnyCertificateWhenTlsVerificationIsSkipped() throws Exception {
        String url = start(true, 200, CLUSTER_STATUS);

        JsonNode data = new ProxmoxClient(endpoint(url).setting("insecure-skip-tls-verify", "true").build()).get("/cluster/status");

        assertThat(data.isArray()).isTrue();
    }

    @Test
    void shouldReportAnUnreadableCaFileAsAPermanentConfigError() {
        EndpointConfig endpoint = endpoint("https://127.0.0.1:1/api2/json").setting("ca-file", certDir.resolve("missing.pem").toString()).build();

        assertThatThrownBy(() -> new ProxmoxClient(endpoint)).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.CONFIG);
            assertThat(e.permanent()).isTrue();
        });
    }

    @ParameterizedTest(name = "HTTP {0} -> {1} (permanent={2})")
    @CsvSource(delimiter = '|', value = {
        "401 | AUTH      | true  | {\"data\":null,\"message\":\"authentication failure\\n\"}",
        "403 | AUTH      | true  | {\"data\":null,\"message\":\"Permission check failed (/, Sys.Audit)\\n\"}",
        "500 | HTTP_5XX  | false | {\"data\":null,\"message\":\"internal error\"}",
        "595 | HTTP_5XX  | false | {\"data\":null,\"message\":\"no route to host\"}",
        "503 | HTTP_5XX  | false | <html>busy</html>",
        "404 | HTTP_4XX  | true  | {\"data\":null}",
        "200 | MALFORMED | false | {\"data\":[{\"id\":\"cluster\",",
        "200 | MALFORMED | false | {\"data\":null}",
        "200 | MALFORMED | false | {\"errors\":{\"type\":\"bad\"}}",
    })
    void shouldClassifyEveryFailure(int status, CollectorErrorKind kind, boolean permanent, String body) throws Exception {
        String url = start(false, status, body);

        CollectorException e = failure(endpoint(url).build());

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.permanent()).isEqualTo(permanent);
        assertThat(e.getMessage()).contains("/cluster/status").doesNotContain("secret");
    }

    @Test
    void shouldKeepPvesErrorMessageInTheFailure() throws Exception {
        String url = start(false, 403, "{\"data\":null,\"message\":\"Permission check failed (/, Sys.Audit)\\n\"}");

        CollectorException e = failure(endpoint(url).build());

        assertThat(e.getMessage()).endsWith("HTTP 403: Permission check failed (/, Sys.Audit)");
        assertThat(e.remedy()).contains("PVEAuditor");
    }

    @Test
    void shouldReportAServerThatDoesNotAnswerInTimeAsATimeout() throws Exception {
        String url = start(false, 0, "");

        assertThat(failure(endpoint(url).timeout(Duration.ofMillis(300)).build()).kind())
                .isEqualTo(CollectorErrorKind.TIMEOUT);
    }

    @Test
    void shouldReportAClosedPortAsAConnectError() throws Exception {
        int port = FreePorts.loopback();

        CollectorException e = failure(endpoint("http://127.0.0.1:" + port + "/api2/json").build());

        assertThat(e.kind()).isEqualTo(CollectorErrorKind.CONNECT);
        assertThat(e.permanent()).isFalse();
    }
}
