package org.sitewatch.collectors.citrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.collectors.spi.http.ntlm.NtlmAcceptor;
import org.sitewatch.collectors.spi.settings.PropertyTree;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.Platform;
import org.sitewatch.events.VmState;

/**
 * On-prem mode against a fake Monitor Service on 127.0.0.1 that logs connections in with NTLMv2 as
 * IIS does ({@link NtlmAcceptor}, checking the client's NTProofStr): the OData path of a Delivery
 * Controller, a login once per connection, pages followed on it, the Negotiate scheme, a wrong
 * password and a service without NTLM refused as AUTH, and 5xx, 404, malformed and slow answers
 * after the login classified.
 */
class CitrixOnPremTest {

    private static final String ROOT = "/Citrix/Monitor/OData/v4/Data";
    private static final String PASSWORD = "Pa55-w0rd!monitor";

    private HttpServer server;
    private NtlmAcceptor acceptor;
    private List<String> offered = List.of("NTLM", "Negotiate");
    private volatile String behaviour = "ok";
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
            ((ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    @Test
    void logsInOncePerConnectionAndReadsEveryPage() throws Exception {
        start("NTLM");
        PollingSource source = collector(PASSWORD);
        Snapshot first = source.poll();
        assertThat(first.states()).filteredOn(VmState.class::isInstance).hasSize(3);
        assertThat(first.states()).filteredOn(HaCluster.class::isInstance).singleElement()
                .satisfies(c -> assertThat(((HaCluster) c).vendorState()).isEqualTo("registered 2 of 3 (66%), threshold 80%"));
        assertThat(authorizations).containsExactly("", "NTLM", "NTLM", "");

        authorizations.clear();
        source.poll();
        assertThat(authorizations).as("the logged-in connection is reused").containsExactly("", "");
        source.close();
    }

    @Test
    void takesTheNegotiateSchemeWhenTheServiceOffersNoBareNtlm() throws Exception {
        offered = List.of("Negotiate");
        start("Negotiate");
        assertThat(collector(PASSWORD).poll().states()).filteredOn(VmState.class::isInstance).hasSize(3);
        assertThat(authorizations).contains("Negotiate");
    }

    @Test
    void aWrongPasswordOrAServiceWithoutNtlmIsRefusedAsAuth() throws Exception {
        start("NTLM");
        assertThatThrownBy(() -> collector("wrong-password").poll()).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
            assertThat(e.permanent()).isTrue();
            assertThat(e.getMessage()).contains("rejected the NTLM login of CORP\\svc-sitewatch")
                    .doesNotContain("wrong-password");
            assertThat(e.remedy()).contains("domain, username and password");
        });
        offered = List.of("Basic realm=\"ddc01\"");
        assertThatThrownBy(() -> collector(PASSWORD).poll()).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
            assertThat(e.getMessage()).contains("offers no NTLM login (it offers: Basic realm=\"ddc01\")");
        });
    }

    @Test
    void failuresAfterTheLoginAreClassified() throws Exception {
        start("NTLM");
        PollingSource source = collector(PASSWORD);
        behaviour = "500";
        assertThat(failure(source).kind()).isEqualTo(CollectorErrorKind.HTTP_5XX);
        behaviour = "404";
        assertThat(failure(source)).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.HTTP_4XX);
            assertThat(e.remedy()).contains("/Citrix/Monitor/OData/v4/Data");
        });
        behaviour = "malformed";
        assertThat(failure(source).kind()).isEqualTo(CollectorErrorKind.MALFORMED);
        behaviour = "429";
        assertThat(failure(source)).satisfies(e -> {
            assertThat(MonitorClient.throttled(e)).isTrue();
            assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(30));
        });
        behaviour = "slow";
        assertThat(failure(source).kind()).isEqualTo(CollectorErrorKind.TIMEOUT);
        behaviour = "ok";
        assertThat(source.poll().states()).isNotEmpty();
    }

    private static CollectorException failure(PollingSource source) {
        try {
            source.poll();
        } catch (CollectorException e) {
            return e;
        }
        throw new AssertionError("the poll did not fail");
    }

    private void start(String scheme) throws IOException {
        acceptor = new NtlmAcceptor(scheme, "CORP", "svc-sitewatch", PASSWORD);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(ROOT, this::handle);
        server.setExecutor(Executors.newCachedThreadPool()); // a held answer must not hold the next request
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "" : authorization.split(" ")[0]);
            NtlmAcceptor.Outcome outcome = offered.stream().anyMatch(o -> o.startsWith("Basic")) ? new NtlmAcceptor.Rejected()
                    : acceptor.accept(exchange.getRemoteAddress().toString(), authorization);
            if (outcome instanceof NtlmAcceptor.Challenge challenge && !challenge.wwwAuthenticate().contains(" ")) {
                offered.forEach(o -> exchange.getResponseHeaders().add("WWW-Authenticate", o));
                reply(exchange, 401, "");
                return;
            }
            if (outcome instanceof NtlmAcceptor.Challenge challenge) {
                exchange.getResponseHeaders().add("WWW-Authenticate", challenge.wwwAuthenticate());
                reply(exchange, 401, "");
                return;
            }
            if (outcome instanceof NtlmAcceptor.Rejected) {
                offered.forEach(o -> exchange.getResponseHeaders().add("WWW-Authenticate", o));
                reply(exchange, 401, "");
                return;
            }
            serve(exchange);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        switch (behaviour) {
            case "500" -> reply(exchange, 500, "{\"odata.error\":{\"message\":{\"value\":\"An error has occurred.\"}}}");
            case "404" -> reply(exchange, 404, "");
            case "429" -> {
                exchange.getResponseHeaders().set("Retry-After", "30");
                reply(exchange, 429, "");
            }
            case "malformed" -> reply(exchange, 200, "{\"value\":[{\"Id\":");
            case "slow" -> {
                try {
                    Thread.sleep(4000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                reply(exchange, 200, "{\"value\":[]}");
            }
            default -> {
                String base = "http://127.0.0.1:" + server.getAddress().getPort() + ROOT + "/Machines";
                boolean second = exchange.getRequestURI().getRawQuery() != null
                        && exchange.getRequestURI().getRawQuery().contains("$skip=2");
                reply(exchange, 200, second ? "{\"value\":[" + machine(3, 2) + "]}"
                        : "{\"value\":[" + machine(1, 1) + "," + machine(2, 1) + "],\"@odata.nextLink\":\"" + base
                        + "?$skip=2\"}");
            }
        }
    }

    private static String machine(int n, int registration) {
        return "{\"Id\":\"m-" + n + "\",\"Name\":\"CORP\\\\vda-" + n + "\",\"LifecycleState\":0,\"CurrentRegistrationState\":"
                + registration + ",\"CurrentPowerState\":3,\"FaultState\":" + (registration == 1 ? 1 : 4)
                + ",\"DesktopGroupId\":\"g1\",\"DesktopGroup\":{\"Id\":\"g1\",\"Name\":\"Finance\"}}";
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; odata.metadata=minimal");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private PollingSource collector(String password) throws CollectorException {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("mode", "on-prem");
        properties.put("url", "http://127.0.0.1:" + server.getAddress().getPort());
        properties.put("domain", "CORP");
        properties.put("username", "svc-sitewatch");
        properties.put("password", password);
        EndpointConfig endpoint = EndpointConfig.builder("ddc01", "frankfurt", Platform.CITRIX)
                .settings(PropertyTree.of(properties)).timeout(Duration.ofSeconds(2)).build();
        return (PollingSource) new CitrixCollectorFactory().create(endpoint, new CollectorContext(Clock.systemUTC()));
    }
}
