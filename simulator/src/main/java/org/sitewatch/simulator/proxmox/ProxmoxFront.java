package org.sitewatch.simulator.proxmox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sitewatch.simulator.ApiFaultKind;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.front.FrontExchange;
import org.sitewatch.simulator.front.VendorFront;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Proxmox VE front: serves a cluster under {@code /{cluster}/api2/json}, applies the fault that
 * hits the call's path, checks the API token, routes GETs and writes PVE envelopes. Limit: the JDK
 * server writes the standard reason phrase for a status (or none for 595), not PVE's error text;
 * that text is in the body's {@code message}, as PVE's json format also sends it.
 */
public final class ProxmoxFront implements VendorFront {

    private static final Logger LOG = LoggerFactory.getLogger(ProxmoxFront.class);
    private static final String TOKEN_PREFIX = "PVEAPIToken=";
    private static final byte[] MALFORMED_BODY =
            "{\"data\":[{\"id\":\"cluster\",\"type\":\"cluster\",\"quorate\":1,".getBytes(StandardCharsets.UTF_8);

    @Override
    public String platform() {
        return "proxmox";
    }

    @Override
    public List<String> settingKeys() {
        return ProxmoxSettings.KEYS;
    }

    @Override
    public List<String> requiredSettings() {
        return List.of(ProxmoxSettings.TOKEN);
    }

    @Override
    public void checkSetting(String key, String value) {
        ProxmoxSettings.check(key, value);
    }

    @Override
    public String defaultTechnology() {
        return "pvesr";
    }

    @Override
    public String apiRoot() {
        return "/api2/json";
    }

    @Override
    public Map<String, String> collectorSettings(ClusterSpec cluster) {
        return Map.of("api-token", ProxmoxSettings.of(cluster).token());
    }

    @Override
    public void serve(FrontExchange fx) throws IOException {
        HttpExchange ex = fx.http();
        ProxmoxSettings settings = ProxmoxSettings.of(fx.cluster());
        BooleanStyle style = settings.booleans();
        try {
            List<String> segments = fx.path();
            if (segments.size() < 2 || !segments.get(0).equals("api2") || !segments.get(1).equals("json")) {
                throw new ApiException(404, "Not found: expected /{cluster}/api2/json/...");
            }
            List<String> rest = segments.subList(2, segments.size());
            String path = "/" + String.join("/", rest);
            ApiFaultKind fault = fx.faultFor(rest);
            if (fault == ApiFaultKind.TIMEOUT) {
                fx.holdThenDrop();
                return;
            }
            if (fault == ApiFaultKind.MALFORMED) {
                send(ex, 200, MALFORMED_BODY);
                return;
            }
            if (fault == ApiFaultKind.HTTP500) {
                throw new ApiException(500, "simulated internal server error");
            }
            if (fault == ApiFaultKind.HTTP501) {
                throw ApiException.notImplemented(ex.getRequestMethod(), path);
            }
            if (fault == ApiFaultKind.HTTP404) {
                throw new ApiException(404, "Not found: " + path);
            }
            if (fault == ApiFaultKind.AUTH || !authorized(ex, settings)) {
                throw new ApiException(401, "authentication failure");
            }
            if (!ex.getRequestMethod().equals("GET")) {
                throw ApiException.notImplemented(ex.getRequestMethod(), path);
            }
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            byte[] body = fx.read((cluster, now) -> Json.envelope(
                    ApiRouter.route(new PveCluster(cluster, settings), now, rest, query), style));
            send(ex, 200, body);
        } catch (ApiException e) {
            send(ex, e.status, Json.error(e, style));
        } catch (RuntimeException e) {
            LOG.warn("simulator failed to answer {} {}", ex.getRequestMethod(), ex.getRequestURI(), e);
            send(ex, 500, Json.error(new ApiException(500, "simulator error: " + e), style));
        }
    }

    private static boolean authorized(HttpExchange ex, ProxmoxSettings settings) {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        return header != null && header.trim().equals(TOKEN_PREFIX + settings.token());
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

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
