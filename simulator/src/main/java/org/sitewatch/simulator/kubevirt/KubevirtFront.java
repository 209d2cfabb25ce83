package org.sitewatch.simulator.kubevirt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.sitewatch.simulator.ApiFaultKind;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.Simulator;
import org.sitewatch.simulator.engine.ClusterState;
import org.sitewatch.simulator.front.FrontExchange;
import org.sitewatch.simulator.front.VendorFront;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KubeVirt front: a scenario cluster of platform {@code kubevirt} is one Kubernetes cluster with
 * KubeVirt, served as its API server on an HTTPS listener of its own ({@link Simulator.OwnHttpsListener};
 * Kubernetes clients build paths from the server's root). Nodes are the cluster's nodes; guests are
 * VirtualMachines in the {@code namespace} setting, with a VirtualMachineInstance while they run and
 * a VirtualMachineInstanceMigration per HA migration ({@link GuestObjects}).
 * <ul>
 *   <li>GET {@code /api/v1/nodes}, {@code /apis/kubevirt.io/v1/[namespaces/{ns}/]{virtualmachines,
 *       virtualmachineinstances, virtualmachineinstancemigrations}} and one object by name: lists
 *       carry {@code metadata.resourceVersion}, as does every object (one counter per cluster);</li>
 *   <li>the same with {@code watch=true}: a chunked stream of JSON lines (ADDED, MODIFIED, DELETED;
 *       BOOKMARK with {@code allowWatchBookmarks}) from {@code resourceVersion}, or the current objects
 *       as ADDED without one; a version older than the kept history ({@code watch-history}) gets an
 *       ERROR event with a 410 {@code Expired} status, as the API server's watch cache answers.
 *       a WebSocket upgrade is answered with a plain 200 (the JDK server cannot switch protocols),
 *       on which fabric8 falls back to an HTTP watch;</li>
 *   <li>{@code /version}, {@code /api}, {@code /apis}, {@code /api/v1} and {@code /apis/kubevirt.io/v1} discovery.</li>
 * </ul>
 * Every call needs {@code Authorization: Bearer <token>} (401 {@code Unauthorized} otherwise).
 * Scenario faults by path: {@code auth} 401, {@code http500}, {@code http404}, {@code http501},
 * {@code http429} (with {@code Retry-After: 1}), {@code malformed} and {@code timeout}; a fault
 * that starts while a watch streams ends that watch.
 */
public final class KubevirtFront implements VendorFront, Simulator.OwnHttpsListener {

    private static final Logger LOG = LoggerFactory.getLogger(KubevirtFront.class);
    static final String KUBERNETES_VERSION = "v1.31.6";

    /**
     * The API server's own memory (resource versions, uids, phase histories) of each running
     * cluster: the engine's model has none of it. Keyed by the engine's state object, so it lives
     * and goes with its simulator.
     */
    private static final Map<ClusterState, KubeApiState> API_STATES = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public String platform() {
        return "kubevirt";
    }

    @Override
    public List<String> settingKeys() {
        return KubeSettings.KEYS;
    }

    @Override
    public void checkSetting(String key, String value) {
        KubeSettings.check(key, value);
    }

    @Override
    public String defaultTechnology() {
        return "kubevirt";
    }

    /** The collector reads the listener's address from the kubeconfig of its settings; it has no {@code url} key. */
    @Override
    public boolean collectorTakesUrl() {
        return false;
    }

    /** Kubernetes paths start at the listener's root. */
    @Override
    public String apiRoot() {
        return "";
    }

    @Override
    public Map<String, String> collectorSettings(ClusterSpec cluster) {
        return Map.of("cluster-name", cluster.clusterName());
    }

    /** A kubeconfig file naming the listener, its certificate and the token, with its context and the cluster's name. */
    @Override
    public Map<String, String> collectorSettings(ClusterSpec cluster, String baseUrl, Path caCertificatePem) {
        KubeSettings settings = KubeSettings.of(cluster);
        Map<String, String> out = new LinkedHashMap<>(collectorSettings(cluster));
        out.put("kubeconfig-file", Kubeconfigs.write(cluster.name(), baseUrl, caCertificatePem, settings.token(),
                settings.namespace()).toString());
        out.put("context", Kubeconfigs.contextName(cluster.name()));
        return out;
    }

    @Override
    public void serve(FrontExchange fx) throws IOException {
        HttpExchange ex = fx.http();
        try {
            KubeSettings settings = KubeSettings.of(fx.cluster());
            if (!("Bearer " + settings.token()).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, Json.status(401, "Unauthorized", "Unauthorized"));
                return;
            }
            ApiFaultKind fault = fx.faultFor(fx.path());
            if (fault != null && injectFault(fx, fault)) {
                return;
            }
            if (!ex.getRequestMethod().equals("GET")) {
                send(ex, 405, Json.status(405, "MethodNotAllowed", "the simulated API server is read-only"));
                return;
            }
            route(fx, settings);
        } catch (RuntimeException e) {
            LOG.warn("simulated Kubernetes API failed to answer {} {}", ex.getRequestMethod(), ex.getRequestURI(), e);
            send(ex, 500, Json.status(500, "InternalError", "simulator error: " + e));
        }
    }

    private void route(FrontExchange fx, KubeSettings settings) throws IOException {
        HttpExchange ex = fx.http();
        List<String> p = fx.path();
        String joined = String.join("/", p);
        switch (joined) {
            case "version" -> {
                send(ex, 200, Json.object().put("major", "1").put("minor", "31").put("gitVersion", KUBERNETES_VERSION)
                        .put("platform", "linux/amd64"));
                return;
            }
            case "api" -> {
                ObjectNode versions = Json.object().put("kind", "APIVersions");
                versions.putArray("versions").add("v1");
                send(ex, 200, versions);
                return;
            }
            case "apis" -> {
                send(ex, 200, Discovery.groups());
                return;
            }
            case "api/v1" -> {
                send(ex, 200, Discovery.resources("v1"));
                return;
            }
            case "apis/kubevirt.io/v1" -> {
                send(ex, 200, Discovery.resources("kubevirt.io/v1"));
                return;
            }
            default -> {
                // resources below
            }
        }
        Optional<ResourcePath> target = ResourcePath.parse(p);
        if (target.isEmpty()) {
            send(ex, 404, Json.status(404, "NotFound", "the server could not find the requested resource"));
            return;
        }
        ResourcePath rp = target.get();
        Map<String, String> query = query(ex);
        if (rp.name() == null && isWatch(query)) {
            if ("websocket".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Upgrade"))) {
                // The JDK server cannot switch protocols. A handshake answered 200 (as through a proxy that drops
                // Upgrade) makes fabric8 fall back to an HTTP watch at once; a 5xx it would first retry.
                send(ex, 200, Json.status(200, "WebSocketNotServed", "watches are served as HTTP streams only")
                        .put("status", "Success"));
                return;
            }
            new WatchStream(fx, rp, query, settings, this).run();
        } else if (rp.name() == null) {
            send(ex, 200, fx.read((state, now) -> list(apiState(state, settings, now), rp)));
        } else {
            ObjectNode found = fx.read((state, now) -> apiState(state, settings, now).store()
                    .list(rp.resource().plural(), rp.namespace()).stream()
                    .filter(o -> rp.name().equals(o.path("metadata").path("name").asText())).findFirst().orElse(null));
            if (found == null) {
                send(ex, 404, Json.status(404, "NotFound", rp.resource().plural() + " \"" + rp.name() + "\" not found"));
            } else {
                send(ex, 200, found);
            }
        }
    }

    /** The cluster's API state brought to {@code now}. Called under the engine's lock. */
    KubeApiState apiState(ClusterState state, KubeSettings settings, java.time.Instant now) {
        KubeApiState api = API_STATES.computeIfAbsent(state, s -> new KubeApiState(settings, s.spec().clusterName()));
        api.refresh(state, now);
        return api;
    }

    private static ObjectNode list(KubeApiState api, ResourcePath rp) {
        KubeResource r = rp.resource();
        ObjectNode out = Json.object().put("apiVersion", r.apiVersion()).put("kind", r.kind() + "List");
        out.putObject("metadata").put("resourceVersion", Long.toString(api.store().resourceVersion()));
        ArrayNode items = out.putArray("items");
        api.store().list(r.plural(), rp.namespace()).forEach(o -> items.add(o.deepCopy()));
        return out;
    }

    private static boolean isWatch(Map<String, String> query) {
        String w = query.get("watch");
        return "true".equals(w) || "1".equals(w);
    }

    /** Answers with the injected fault; false when the call goes on as usual. */
    static boolean injectFault(FrontExchange fx, ApiFaultKind fault) throws IOException {
        HttpExchange ex = fx.http();
        switch (fault) {
            case TIMEOUT -> fx.holdThenDrop();
            case AUTH -> send(ex, 401, Json.status(401, "Unauthorized", "Unauthorized"));
            case HTTP500 -> send(ex, 500, Json.status(500, "InternalError", "Internal error occurred: etcdserver: request timed out"));
            case HTTP404 -> send(ex, 404, Json.status(404, "NotFound", "the server could not find the requested resource"));
            case HTTP501 -> send(ex, 501, Json.status(501, "NotImplemented", "not implemented"));
            case HTTP429 -> {
                ex.getResponseHeaders().set("Retry-After", "1");
                send(ex, 429, Json.status(429, "TooManyRequests", "Too many requests, please try again later."));
            }
            case MALFORMED -> {
                byte[] cut = "{\"apiVersion\":\"v1\",\"items\":[{\"metadata\":".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, cut.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(cut);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    static Map<String, String> query(HttpExchange ex) {
        Map<String, String> out = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    static void send(HttpExchange ex, int code, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.getResponseHeaders().set("Audit-Id", java.util.UUID.randomUUID().toString());
        ex.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
