package org.sitewatch.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.sitewatch.simulator.engine.ClusterState;
import org.sitewatch.simulator.engine.Engine;
import org.sitewatch.simulator.front.FrontExchange;
import org.sitewatch.simulator.front.VendorFront;
import org.sitewatch.simulator.front.VendorFronts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each call {@code /{cluster}/...} to the vendor front of that cluster's platform; a call for
 * no known cluster answers 404 with a JSON message naming the clusters there are. A dispatcher made
 * {@link #forOneCluster for one cluster} (its own listener) sends every path to that cluster's front.
 */
final class ClusterDispatcher implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterDispatcher.class);

    private final Map<String, ClusterSpec> clusters = new LinkedHashMap<>();
    private final Engine engine;
    private final CountDownLatch closing;
    private final Duration faultHold;
    /** The cluster every path belongs to on its own listener; null when paths start with the cluster's name. */
    private final ClusterSpec rootCluster;

    ClusterDispatcher(Scenario scenario, Engine engine, CountDownLatch closing, Duration faultHold) {
        this(scenario, engine, closing, faultHold, null);
    }

    private ClusterDispatcher(Scenario scenario, Engine engine, CountDownLatch closing, Duration faultHold,
                              ClusterSpec rootCluster) {
        scenario.clusters().forEach(c -> clusters.put(c.name(), c));
        this.engine = engine;
        this.closing = closing;
        this.faultHold = faultHold;
        this.rootCluster = rootCluster;
    }

    /** A dispatcher for a listener of {@code cluster} alone: its paths start at the root, not at the cluster's name. */
    static ClusterDispatcher forOneCluster(Scenario scenario, Engine engine, CountDownLatch closing,
                                           Duration faultHold, ClusterSpec cluster) {
        return new ClusterDispatcher(scenario, engine, closing, faultHold, cluster);
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        List<String> segments = Arrays.stream(ex.getRequestURI().getRawPath().split("/"))
                .filter(s -> !s.isEmpty()).map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
        if (rootCluster != null) {
            serve(ex, rootCluster, segments);
            return;
        }
        ClusterSpec cluster = segments.isEmpty() ? null : clusters.get(segments.get(0));
        if (cluster == null) {
            String message = segments.isEmpty() ? "Not found: expected /{cluster}/..."
                    : "no such cluster '" + segments.get(0) + "' (clusters: " + clusters.keySet() + ")";
            notFound(ex, message);
            return;
        }
        serve(ex, cluster, segments.subList(1, segments.size()));
    }

    private void serve(HttpExchange ex, ClusterSpec cluster, List<String> path) throws IOException {
        VendorFront front = VendorFronts.forPlatform(cluster.platform());
        try {
            front.serve(new Exchange(ex, cluster, path));
        } catch (RuntimeException e) {
            LOG.warn("simulator front {} failed to answer {} {}", front.platform(), ex.getRequestMethod(),
                    ex.getRequestURI(), e);
            ex.close();
        }
    }

    private static void notFound(HttpExchange ex, String message) throws IOException {
        byte[] body = ("{\"data\":null,\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\\n\"}").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        ex.sendResponseHeaders(404, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private final class Exchange implements FrontExchange {
        private final HttpExchange http;
        private final ClusterSpec cluster;
        private final List<String> path;

        Exchange(HttpExchange http, ClusterSpec cluster, List<String> path) {
            this.http = http;
            this.cluster = cluster;
            this.path = path;
        }

        @Override
        public HttpExchange http() {
            return http;
        }

        @Override
        public ClusterSpec cluster() {
            return cluster;
        }

        @Override
        public List<String> path() {
            return path;
        }

        @Override
        public List<ClusterSpec> estate() {
            return List.copyOf(clusters.values());
        }

        @Override
        public ApiFaultKind faultFor(List<String> apiPath) {
            return engine.faultFor(cluster.name(), apiPath);
        }

        @Override
        public <T> T read(BiFunction<ClusterState, Instant, T> reader) {
            return engine.read(cluster.name(), reader);
        }

        @Override
        public void holdThenDrop() {
            try {
                closing.await(faultHold.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // Closing without response headers makes the JDK server drop the connection.
            http.close();
        }
    }
}
