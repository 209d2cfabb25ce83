package org.sitewatch.collectors.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PushSource;
import org.sitewatch.events.Platform;
import org.sitewatch.events.VmState;

/**
 * A watch that the API server ends with {@code 410 Gone} (the version it watched from is too old, as
 * after a long disconnection): the informer lists again, and the collector publishes a full snapshot
 * from that list, so a VM deleted while the watch was broken is noticed. The API server is a JDK HTTP
 * server on 127.0.0.1 speaking the list and watch wire format.
 */
class KubevirtRelistTest {

    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private final AtomicInteger vmLists = new AtomicInteger();
    private HttpServer server;
    private PushSource source;

    @AfterEach
    void close() throws InterruptedException {
        if (source != null) {
            source.stop();
        }
        shutdown.countDown();
        server.stop(0);
        handlers.shutdownNow();
        handlers.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void shouldPublishASnapshotAfterARelistSoARemovalIsNoticed() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::answer);
        server.start();
        EndpointConfig endpoint = EndpointConfig.builder("ocp-par", "paris-dc1", Platform.KUBEVIRT)
                .setting("kubeconfig", Kv.kubeconfig("http://127.0.0.1:" + server.getAddress().getPort()))
                .timeout(Duration.ofSeconds(2)).build();
        source = (PushSource) new KubevirtCollectorFactory().create(endpoint, new CollectorContext(Clock.systemUTC()));
        RecordingSink sink = new RecordingSink();

        source.start(sink);

        await().atMost(Duration.ofSeconds(15)).until(() -> sink.snapshots().size() >= 2);
        assertThat(sink.snapshots().get(0).states()).filteredOn(VmState.class::isInstance).map(VmState.class::cast)
                .extracting(VmState::vmId).containsExactlyInAnyOrder("prod/a", "prod/b");
        assertThat(sink.snapshots().get(1).states()).filteredOn(VmState.class::isInstance).map(VmState.class::cast)
                .extracting(VmState::vmId).containsExactly("prod/a");
        assertThat(vmLists.get()).isGreaterThanOrEqualTo(2);
        assertThat(sink.failures()).isEmpty();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        boolean watch = String.valueOf(exchange.getRequestURI().getQuery()).contains("watch=true");
        boolean vms = path.endsWith("/virtualmachines");
        if ("websocket".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Upgrade"))) {
            // No WebSocket here: fabric8 then watches over a plain streaming GET.
            respond(exchange, "{}");
            return;
        }
        if (!watch) {
            String items = "";
            if (vms) {
                items = vmLists.incrementAndGet() == 1 ? vm("a", "5") + "," + vm("b", "6") : vm("a", "5");
            }
            String kind = path.endsWith("/nodes") ? "NodeList" : "List";
            respond(exchange, "{\"apiVersion\":\"v1\",\"kind\":\"" + kind + "\",\"metadata\":{\"resourceVersion\":\""
                    + (10 + vmLists.get()) + "\"},\"items\":[" + items + "]}");
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        if (vms && vmLists.get() == 1) {
            // The first watch of VMs is told its version is too old, as after a long disconnection.
            body.write(("{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                    + "\"message\":\"too old resource version\",\"reason\":\"Expired\",\"code\":410}}\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.flush();
            exchange.close();
            return;
        }
        // A bookmark gets the response going (the JDK server sends nothing before the first bytes).
        String kind = path.endsWith("/nodes") ? "\"Node\",\"apiVersion\":\"v1\""
                : "\"VirtualMachine\",\"apiVersion\":\"kubevirt.io/v1\"";
        body.write(("{\"type\":\"BOOKMARK\",\"object\":{\"kind\":" + kind + ",\"metadata\":{\"resourceVersion\":\"20\"}}}\n")
                .getBytes(StandardCharsets.UTF_8));
        body.flush();
        try {
            shutdown.await(30, TimeUnit.SECONDS); // a quiet watch
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }

    private static String vm(String name, String resourceVersion) {
        return "{\"apiVersion\":\"kubevirt.io/v1\",\"kind\":\"VirtualMachine\",\"metadata\":{\"name\":\"" + name
                + "\",\"namespace\":\"prod\",\"uid\":\"uid-" + name + "\",\"resourceVersion\":\"" + resourceVersion
                + "\"},\"spec\":{\"runStrategy\":\"Always\"},\"status\":{\"printableStatus\":\"Stopped\"}}";
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
