package org.sitewatch.collectors.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PushSource;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.Platform;

/**
 * Failures at subscription, against a JDK HTTP server on 127.0.0.1 answering as a Kubernetes API
 * server does (a Status object): each is thrown classified, with a message naming what failed.
 */
class KubevirtStartFailureTest {

    private HttpServer server;
    private PushSource source;

    @AfterEach
    void close() {
        if (source != null) {
            source.stop();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    /** Nodes list empty; every other path answers {@code status}. */
    private String serve(int status, String reason) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (status != 401 && path.equals("/api/v1/nodes")) {
                respond(exchange, 200, "{\"apiVersion\":\"v1\",\"kind\":\"NodeList\",\"metadata\":{\"resourceVersion\":\"1\"},\"items\":[]}");
            } else {
                respond(exchange, status, "{\"apiVersion\":\"v1\",\"kind\":\"Status\",\"status\":\"Failure\",\"message\":\""
                        + reason + "\",\"reason\":\"" + reason + "\",\"code\":" + status + "}");
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private CollectorException startAgainst(String url) throws CollectorException {
        String kubeconfig = Kv.kubeconfig(url);
        EndpointConfig endpoint = EndpointConfig.builder("ocp-par", "paris-dc1", Platform.KUBEVIRT)
                .vendorKey("sitewatch.collectors.endpoints[0].kubevirt").setting("kubeconfig", kubeconfig)
                .timeout(Duration.ofSeconds(2)).build();
        source = (PushSource) new KubevirtCollectorFactory().create(endpoint, new CollectorContext(Clock.systemUTC()));
        return catchThrowableOfType(CollectorException.class, () -> source.start(new RecordingSink()));
    }

    @Test
    void shouldReportRejectedCredentialsAsAuth() throws Exception {
        CollectorException failure = startAgainst(serve(401, "Unauthorized"));

        assertThat(failure.kind()).isEqualTo(CollectorErrorKind.AUTH);
        assertThat(failure.permanent()).isTrue();
        assertThat(failure.getMessage()).contains("rejected the credentials from inline (401)").doesNotContain("test-token");
        assertThat(failure.remedy()).contains("sitewatch.collectors.endpoints[0].kubevirt.kubeconfig-file");
    }

    @Test
    void shouldSayKubevirtIsNotInstalledWhenItsResourcesAreMissing() throws Exception {
        String url = serve(404, "NotFound");

        CollectorException failure = startAgainst(url);

        assertThat(failure.kind()).isEqualTo(CollectorErrorKind.CONFIG);
        assertThat(failure.permanent()).isTrue();
        assertThat(failure.getMessage()).startsWith("KubeVirt is not installed on this cluster: " + url
                + " does not serve kubevirt.io/v1 (/apis/kubevirt.io/v1/virtualmachines answered 404)");
    }

    @Test
    void shouldReportAnUnreachableApiServerAsRetriableConnect() throws Exception {
        String url = serve(200, "unused");
        server.stop(0);
        server = null;

        CollectorException failure = startAgainst(url);

        assertThat(failure.kind()).isEqualTo(CollectorErrorKind.CONNECT);
        assertThat(failure.permanent()).isFalse();
        assertThat(failure.getMessage()).startsWith("cannot reach the API server " + url);
    }

    @Test
    void shouldRefuseAContextTheKubeconfigDoesNotHave() {
        EndpointConfig endpoint = EndpointConfig.builder("ocp-par", "paris-dc1", Platform.KUBEVIRT)
                .vendorKey("sitewatch.collectors.endpoints[0].kubevirt").setting("context", "prod-admin")
                .setting("kubeconfig", Kv.kubeconfig("https://127.0.0.1:6443")).build();

        CollectorException failure = catchThrowableOfType(CollectorException.class,
                () -> new KubevirtCollectorFactory().create(endpoint, new CollectorContext(Clock.systemUTC())));

        assertThat(failure.kind()).isEqualTo(CollectorErrorKind.CONFIG);
        assertThat(failure.getMessage()).isEqualTo("sitewatch.collectors.endpoints[0].kubevirt.context: the kubeconfig "
                + "from inline has no context 'prod-admin'");
    }

    @Test
    void shouldRefuseAnUnreadableKubeconfigNamingTheKey() {
        EndpointConfig endpoint = EndpointConfig.builder("ocp-par", "paris-dc1", Platform.KUBEVIRT)
                .vendorKey("sitewatch.collectors.endpoints[0].kubevirt").setting("kubeconfig", "not: [a kubeconfig")
                .build();

        CollectorException failure = catchThrowableOfType(CollectorException.class,
                () -> new KubevirtCollectorFactory().create(endpoint, new CollectorContext(Clock.systemUTC())));

        assertThat(failure.kind()).isEqualTo(CollectorErrorKind.CONFIG);
        assertThat(failure.getMessage()).startsWith("sitewatch.collectors.endpoints[0].kubevirt.kubeconfig: the kubeconfig "
                + "from inline cannot be used");
    }
}
