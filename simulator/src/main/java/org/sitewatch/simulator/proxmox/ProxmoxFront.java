package org.sitewatch.simulator.proxmox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.sitewatch.simulator.ApiFaultKind;
import org.sitewatch.simulator.BooleanStyle;
import org.sitewatch.simulator.SiteSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP front of the simulator: splits {@code /{site}/api2/json/...}, applies the site's injected
 * fault, checks the API token, routes GETs and writes PVE envelopes. Limit: the JDK server writes
 * the standard reason phrase for a status (or none for 595), not PVE's error text; that text is in
 * the body's {@code message}, as PVE's json format also sends it.
 */
final class ProxmoxApiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProxmoxApiHandler.class);
    private static final String TOKEN_PREFIX = "PVEAPIToken=";
    private static final byte[] MALFORMED_BODY =
            "{\"data\":[{\"id\":\"cluster\",\"type\":\"cluster\",\"quorate\":1,".getBytes(StandardCharsets.UTF_8);

    private final ProxmoxEngine engine;
    private final Map<String, SiteSpec> sites = new HashMap<>();
    private final CountDownLatch closing;
    private final Duration faultHold;

    ProxmoxApiHandler(ProxmoxEngine engine, List<SiteSpec> siteSpecs, CountDownLatch closing, Duration faultHold) {
        this.engine = engine;
        siteSpecs.forEach(s -> sites.put(s.name(), s));
        this.closing = closing;
        this.faultHold = faultHold;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        BooleanStyle style = BooleanStyle.INT;
        try {
            List<String> segments = new ArrayList<>(Arrays.stream(ex.getRequestURI().getRawPath().split("/"))
                    .filter(s -> !s.isEmpty()).map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList());
            if (segments.size() < 3 || !segments.get(1).equals("api2") || !segments.get(2).equals("json")) {
                throw new ApiException(404, "Not found: expected /{site}/api2/json/...");
            }
            SiteSpec site = sites.get(segments.get(0));
            if (site == null) {
                throw new ApiException(404, "no such site '" + segments.get(0) + "' (sites: " + sites.keySet() + ")");
            }
            style = site.booleans();
            ApiFaultKind fault = engine.read(site.name(), (s, now) -> s.activeFault(now));
            if (fault == ApiFaultKind.TIMEOUT) {
                holdThenDrop(ex);
                return;
            }
            if (fault == ApiFaultKind.MALFORMED) {
                send(ex, 200, MALFORMED_BODY);
                return;
            }
            if (fault == ApiFaultKind.HTTP500) {
                throw new ApiException(500, "simulated internal server error");
            }
            if (fault == ApiFaultKind.AUTH || !authorized(ex, site)) {
                throw new ApiException(401, "authentication failure");
            }
            List<String> rest = segments.subList(3, segments.size());
            if (!ex.getRequestMethod().equals("GET")) {
                throw ApiException.notImplemented(ex.getRequestMethod(), "/" + String.join("/", rest));
            }
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            byte[] body = engine.read(site.name(),
                    (s, now) -> Json.envelope(ApiRouter.route(s, now, rest, query), s.spec.booleans()));
            send(ex, 200, body);
        } catch (ApiException e) {
            send(ex, e.status, Json.error(e, style));
        } catch (RuntimeException e) {
            LOG.warn("simulator failed to answer {} {}", ex.getRequestMethod(), ex.getRequestURI(), e);
            send(ex, 500, Json.error(new ApiException(500, "simulator error: " + e), style));
        }
    }

    private static boolean authorized(HttpExchange ex, SiteSpec site) {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        return header != null && header.trim().equals(TOKEN_PREFIX + site.token());
    }

    /** The timeout fault: never answer in time; give up after the hold or when the server closes. */
    private void holdThenDrop(HttpExchange ex) {
        try {
            closing.await(faultHold.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Closing without response headers makes the JDK server drop the connection.
        ex.close();
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
