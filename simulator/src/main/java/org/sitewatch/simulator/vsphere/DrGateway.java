package org.sitewatch.simulator.vsphere;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.engine.ClusterState;
import org.sitewatch.simulator.front.FrontExchange;

/**
 * What the vSphere Replication and SRM REST gateways share: the API root ({@code vr/v2},
 * {@code srm/v2}), {@code POST /session} with HTTP Basic (the vCenter's login) answering
 * {@code {"session_id"}}, the {@code x-dr-session} header on every later call (an unknown one is
 * 401 without a body, as the gateways answer), and listings in the wrapper
 * {@code {"list", "_meta": {total, offset, limit}}} paged by {@code offset} and {@code limit}.
 * Sessions live per cluster state and gateway, so a new simulator forgets them. A subclass only
 * answers GETs with a listing.
 */
abstract class DrGateway implements VsphereRestApi {

    static final String SESSION_HEADER = "x-dr-session";
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> root;
    private final Map<ClusterState, Set<String>> sessions = Collections.synchronizedMap(new WeakHashMap<>());

    /** @param root the API root below {@code /api/rest}, e.g. {@code vr, v2} */
    DrGateway(List<String> root) {
        this.root = List.copyOf(root);
    }

    /**
     * The items of a listing below the root (e.g. {@code pairings}), read under the engine's lock;
     * null when there is no such resource. {@code estate}: every cluster of the scenario.
     */
    abstract List<Map<String, Object>> listing(ClusterState state, List<ClusterSpec> estate, List<String> path, Instant now);

    @Override
    public final boolean serve(FrontExchange fx, List<String> path) throws IOException {
        if (path.size() < root.size() || !path.subList(0, root.size()).equals(root)) {
            return false;
        }
        List<String> rest = path.subList(root.size(), path.size());
        HttpExchange ex = fx.http();
        String method = ex.getRequestMethod();
        if (rest.equals(List.of("session"))) {
            if (method.equals("POST")) {
                login(fx);
            } else {
                RestErrors.send(ex, 405, "METHOD_NOT_ALLOWED", method + " is not allowed on /session");
            }
            return true;
        }
        String session = ex.getRequestHeaders().getFirst(SESSION_HEADER);
        Answer answer = fx.read((state, now) -> {
            if (session == null || !sessions.getOrDefault(state, Set.of()).contains(session)) {
                return null;
            }
            return new Answer(method.equals("GET") ? listing(state, fx.estate(), rest, now) : null);
        });
        if (answer == null) {
            // The gateways answer an unknown or expired session with 401 and no body.
            ex.sendResponseHeaders(401, -1);
            ex.close();
        } else if (!method.equals("GET")) {
            RestErrors.send(ex, 405, "METHOD_NOT_ALLOWED", method + " is not allowed: this view is read-only");
        } else if (answer.items() == null) {
            RestErrors.send(ex, 404, "NOT_FOUND", "Not found: " + ex.getRequestURI().getPath());
        } else {
            page(ex, answer.items());
        }
        return true;
    }

    private void login(FrontExchange fx) throws IOException {
        HttpExchange ex = fx.http();
        VcenterSettings settings = VcenterSettings.of(fx.cluster());
        String[] basic = basic(ex.getRequestHeaders().getFirst("Authorization"));
        if (basic == null || !settings.username().equals(basic[0]) || !settings.password().equals(basic[1])) {
            RestErrors.send(ex, 401, "UNAUTHORIZED", "Authentication required or the credentials are not valid");
            return;
        }
        String id = UUID.randomUUID().toString();
        fx.read((state, now) -> sessions.computeIfAbsent(state, s -> Collections.synchronizedSet(new HashSet<>())).add(id));
        send(ex, 200, Map.of("session_id", id));
    }

    /** User and password of a {@code Basic} header; null when there is none or it is unreadable. */
    private static String[] basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void page(HttpExchange ex, List<Map<String, Object>> items) throws IOException {
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        int offset;
        int limit;
        try {
            offset = Integer.parseInt(query.getOrDefault("offset", "0"));
            limit = Integer.parseInt(query.getOrDefault("limit", String.valueOf(DEFAULT_LIMIT)));
        } catch (NumberFormatException e) {
            RestErrors.send(ex, 400, "INVALID_ARGUMENT", "offset and limit must be numbers");
            return;
        }
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            RestErrors.send(ex, 400, "INVALID_ARGUMENT", "offset must be at least 0 and limit 1.." + MAX_LIMIT);
            return;
        }
        List<Map<String, Object>> slice = items.subList(Math.min(offset, items.size()),
                Math.min(items.size(), offset + limit));
        send(ex, 200, VrReplications.map("list", slice, "_meta",
                VrReplications.map("total", items.size(), "offset", offset, "limit", limit)));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new java.util.HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A session check's result: the listing, null when there is no such resource. */
    private record Answer(List<Map<String, Object>> items) {
    }
}
