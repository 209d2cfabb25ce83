package org.sitewatch.simulator.ovirt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.sitewatch.simulator.ApiFaultKind;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.NodeSpec;
import org.sitewatch.simulator.ReplicationJobSpec;
import org.sitewatch.simulator.engine.ClusterState;
import org.sitewatch.simulator.front.FrontExchange;
import org.sitewatch.simulator.front.VendorFront;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The oVirt / RHV front: an engine served under {@code /{cluster}/ovirt-engine}, with
 * <ul>
 *   <li>{@code POST sso/oauth/token}: the password grant with {@code scope=ovirt-app-api}, answered with
 *       a bearer token accepted for {@code token-lifetime} (simulation time), or 401 {@code access_denied};</li>
 *   <li>{@code GET api/{datacenters,clusters,hosts,vms,storagedomains,events}} with that token (else 401), in
 *       JSON ({@link OvirtViews}); {@code events} honours {@code from} and {@code max} and lists newest first
 *       (the events are derived from the model by {@link OvirtEventDeriver}).</li>
 * </ul>
 * Scenario faults by path below {@code /ovirt-engine} (e.g. {@code /api/events}, {@code /sso}): {@code http500}
 * (the engine's fault body), {@code auth} (401 at both), {@code timeout} (held, then dropped),
 * {@code malformed} (a cut JSON answer), {@code http404}/{@code http501} (404). Nodes in other sites than
 * the cluster's form their own data center and cluster; HA restarts stay in the home site's cluster.
 */
public final class OvirtFront implements VendorFront {

    private static final Logger LOG = LoggerFactory.getLogger(OvirtFront.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] MALFORMED_BODY = "{\"vm\":[{\"id\":\"3f6c".getBytes(StandardCharsets.UTF_8);
    private static final String SCOPE = "ovirt-app-api";

    private final Map<ClusterState, OvirtEngine> engines = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public String platform() {
        return "ovirt";
    }

    @Override
    public List<String> settingKeys() {
        return OvirtSettings.KEYS;
    }

    @Override
    public List<String> requiredSettings() {
        return List.of(OvirtSettings.PASSWORD);
    }

    @Override
    public void checkSetting(String key, String value) {
        OvirtSettings.check(key, value);
    }

    @Override
    public String defaultTechnology() {
        return "ovirt-storage-dr";
    }

    @Override
    public String apiRoot() {
        return "/ovirt-engine";
    }

    /** The login, the data centers of other sites, and one DR mapping per replication link. */
    @Override
    public Map<String, String> collectorSettings(ClusterSpec cluster) {
        OvirtSettings settings = OvirtSettings.of(cluster);
        OvirtNames names = new OvirtNames(cluster, settings);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("login.username", settings.username());
        out.put("login.password", settings.password());
        cluster.sites().stream().filter(s -> !s.equals(cluster.site()))
                .forEach(s -> out.put("data-center-sites[" + names.dataCenter(s) + "]", s));
        int i = 0;
        for (ReplicationJobSpec job : cluster.replication()) {
            String guest = cluster.vms().stream().filter(g -> g.vmid() == job.guest()).map(g -> g.name()).findFirst()
                    .orElse("vm-" + job.guest());
            String prefix = "dr-mappings[" + i++ + "].";
            out.put(prefix + "primary", names.primaryDomain(null, guest));
            out.put(prefix + "secondary", names.secondaryDomain(null, guest));
            out.put(prefix + "secondary-site", cluster.siteOf(job.target()));
        }
        return out;
    }

    /** oVirt's HA restarts a VM inside its own cluster: hosts of other sites are other clusters. */
    @Override
    public boolean hostsRecoveredGuests(ClusterSpec cluster, NodeSpec node) {
        return node.site().equals(cluster.site());
    }

    @Override
    public void afterTick(ClusterState cluster, Instant now) {
        engine(cluster).observe(cluster, now);
    }

    @Override
    public void serve(FrontExchange fx) throws IOException {
        HttpExchange ex = fx.http();
        try {
            List<String> segments = fx.path();
            if (segments.isEmpty() || !segments.get(0).equals("ovirt-engine")) {
                send(ex, 404, OvirtViews.fault("Not Found", "expected /{cluster}/ovirt-engine/..."));
                return;
            }
            List<String> rest = segments.subList(1, segments.size());
            boolean tokenCall = rest.equals(List.of("sso", "oauth", "token"));
            ApiFaultKind fault = fx.faultFor(rest);
            if (fault != null && injectFault(fx, fault, tokenCall)) {
                return;
            }
            OvirtSettings settings = OvirtSettings.of(fx.cluster());
            if (tokenCall && ex.getRequestMethod().equals("POST")) {
                token(fx, settings);
            } else if (rest.size() >= 1 && rest.get(0).equals("api") && ex.getRequestMethod().equals("GET")) {
                api(fx, settings, rest.subList(1, rest.size()));
            } else {
                send(ex, 404, OvirtViews.fault("Not Found", "this engine serves POST /ovirt-engine/sso/oauth/token and "
                        + "GET /ovirt-engine/api/..."));
            }
        } catch (RuntimeException e) {
            LOG.warn("simulated oVirt engine failed to answer {} {}", ex.getRequestMethod(), ex.getRequestURI(), e);
            send(ex, 500, OvirtViews.fault("Internal Server Error", "simulator error: " + e));
        }
    }

    /** Answers with the injected fault; false when the call goes on as usual. */
    private static boolean injectFault(FrontExchange fx, ApiFaultKind fault, boolean tokenCall) throws IOException {
        HttpExchange ex = fx.http();
        switch (fault) {
            case TIMEOUT -> fx.holdThenDrop();
            case AUTH -> refuse(ex, tokenCall);
            case HTTP500 -> send(ex, 500, OvirtViews.fault("Operation Failed", "Internal Engine Error"));
            case HTTP404, HTTP501 -> send(ex, 404, OvirtViews.fault("Not Found", ex.getRequestURI().getPath()));
            case MALFORMED -> send(ex, 200, MALFORMED_BODY);
            default -> {
                return false; // the engine does not throttle with 429
            }
        }
        return true;
    }

    private void token(FrontExchange fx, OvirtSettings settings) throws IOException {
        HttpExchange ex = fx.http();
        Map<String, String> form = query(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"password".equals(form.get("grant_type")) || !List.of(form.getOrDefault("scope", "").split(" ")).contains(SCOPE)) {
            send(ex, 400, JSON.createObjectNode().put("error", "invalid_request")
                    .put("error_description", "grant_type=password and scope=" + SCOPE + " are required"));
            return;
        }
        if (!settings.username().equals(form.get("username")) || !settings.password().equals(form.get("password"))) {
            refuse(ex, true);
            return;
        }
        JsonNode answer = fx.read((cluster, now) -> {
            Instant expires = now.plus(settings.tokenLifetime());
            return OvirtViews.token(engine(cluster).issueToken(expires), expires, SCOPE);
        });
        send(ex, 200, answer);
    }

    private void api(FrontExchange fx, OvirtSettings settings, List<String> path) throws IOException {
        HttpExchange ex = fx.http();
        String header = ex.getRequestHeaders().getFirst("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring("Bearer ".length()).trim() : null;
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        Long from;
        Integer max;
        try {
            from = query.containsKey("from") ? Long.parseLong(query.get("from")) : null;
            max = query.containsKey("max") ? Integer.parseInt(query.get("max")) : null;
        } catch (NumberFormatException e) {
            send(ex, 400, OvirtViews.fault("Bad Request", "from and max must be numbers"));
            return;
        }
        Answer answer = fx.read((cluster, now) -> {
            OvirtEngine engine = engine(cluster);
            if (!engine.accepts(token, now)) {
                return null;
            }
            engine.observe(cluster, now);
            OvirtViews views = new OvirtViews(cluster, new OvirtNames(cluster.spec(), settings), settings);
            String collection = path.isEmpty() ? "" : path.get(0);
            JsonNode body = switch (path.size() == 1 ? collection : "?") {
                case "datacenters" -> views.dataCenters();
                case "clusters" -> views.clusters();
                case "hosts" -> views.hosts();
                case "vms" -> views.vms();
                case "storagedomains" -> views.storageDomains();
                case "events" -> views.events(engine.events(from, max));
                default -> null;
            };
            return new Answer(body);
        });
        if (answer == null) {
            refuse(ex, false);
        } else if (answer.body() == null) {
            send(ex, 404, OvirtViews.fault("Not Found", "no such collection: /" + String.join("/", path)));
        } else {
            send(ex, 200, answer.body());
        }
    }

    private record Answer(JsonNode body) {
    }

    private OvirtEngine engine(ClusterState cluster) {
        return engines.computeIfAbsent(cluster, c -> new OvirtEngine(new OvirtNames(c.spec(), OvirtSettings.of(c.spec()))));
    }

    /** The SSO's refusal of a login, or the API's 401 for a missing, unknown or expired token. */
    private static void refuse(HttpExchange ex, boolean tokenCall) throws IOException {
        if (tokenCall) {
            send(ex, 401, JSON.createObjectNode().put("error", "access_denied")
                    .put("error_description", "Cannot authenticate user: the user name or password is incorrect."));
        } else {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"RESTAPI\"");
            send(ex, 401, OvirtViews.fault("Unauthorized", "the access token is missing, unknown or expired"));
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        send(ex, status, JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
