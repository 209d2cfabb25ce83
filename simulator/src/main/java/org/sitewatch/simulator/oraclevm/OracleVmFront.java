package org.sitewatch.simulator.oraclevm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.sitewatch.simulator.ApiFaultKind;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.front.FrontExchange;
import org.sitewatch.simulator.front.VendorFront;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Oracle VM Manager 3.4 front: serves a manager's Web Services REST API under
 * {@code /{cluster}/ovm/core/wsapi/rest}. GETs of {@code /Manager}, {@code /ServerPool},
 * {@code /Server} and {@code /Vm} answer bare JSON arrays ({@code /<Type>/id} the ID objects,
 * {@code /<Type>/<id>} one object); see {@link OvmViews}.
 *
 * <p>Login as the manager does it: HTTP Basic on a request opens a session and the answer sets
 * {@code JSESSIONID}; later requests carry only that cookie. A request with neither a live session
 * nor the right Basic credentials answers 401. The {@code auth} fault answers 401 to everything and
 * ends every session (so the collector must log in again after it); {@code timeout},
 * {@code malformed}, {@code http500}, {@code http404} and {@code http501} behave as their names say,
 * matched on the path below the REST root (e.g. {@code /ServerPool}); {@code http429} is ignored,
 * the manager does not throttle.
 *
 * <p>Limits: GET only (no actions or jobs); no certificate login; error bodies are
 * {@code {"message": ...}}, the real manager's error shape was not confirmed.
 */
public final class OracleVmFront implements VendorFront {

    static final String REST_ROOT = "/ovm/core/wsapi/rest";
    static final String SESSION_COOKIE = "JSESSIONID";
    private static final List<String> ROOT_SEGMENTS = List.of("ovm", "core", "wsapi", "rest");
    private static final Logger LOG = LoggerFactory.getLogger(OracleVmFront.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] MALFORMED_BODY = "[{\"id\":{\"type\":\"com.oracle.ovm.mgr.ws.model."
            .getBytes(StandardCharsets.UTF_8);

    @Override
    public String platform() {
        return "oraclevm";
    }

    @Override
    public List<String> settingKeys() {
        return OvmSettings.KEYS;
    }

    @Override
    public void checkSetting(String key, String value) {
        OvmSettings.check(key, value);
    }

    /** Oracle VM has no replication of its own (disaster recovery is storage replication with Site Guard). */
    @Override
    public String defaultTechnology() {
        return "none";
    }

    @Override
    public String apiRoot() {
        return REST_ROOT;
    }

    @Override
    public Map<String, String> collectorSettings(ClusterSpec cluster) {
        OvmSettings settings = OvmSettings.of(cluster);
        return Map.of("login.username", settings.username(), "login.password", settings.password());
    }

    @Override
    public void serve(FrontExchange fx) throws IOException {
        HttpExchange ex = fx.http();
        OvmSettings settings = OvmSettings.of(fx.cluster());
        try {
            List<String> segments = fx.path();
            if (segments.size() < ROOT_SEGMENTS.size() || !segments.subList(0, ROOT_SEGMENTS.size()).equals(ROOT_SEGMENTS)) {
                sendError(ex, 404, "Not found: expected /{cluster}" + REST_ROOT + "/...");
                return;
            }
            List<String> rest = segments.subList(ROOT_SEGMENTS.size(), segments.size());
            ApiFaultKind fault = fx.faultFor(rest);
            if (fault != null && fault != ApiFaultKind.HTTP429 && answerFault(fx, fault)) {
                return;
            }
            if (!ex.getRequestMethod().equals("GET")) {
                sendError(ex, 405, "only GET is simulated");
                return;
            }
            String base = base(ex);
            Answer answer = fx.read((cluster, now) -> {
                OvmSessions sessions = OvmSessions.of(cluster);
                String cookie = null;
                if (!sessions.touch(sessionCookie(ex), now, settings.sessionTimeout())) {
                    if (!basicMatches(ex, settings)) {
                        return Answer.unauthorized();
                    }
                    cookie = sessions.open(now);
                }
                JsonNode body = route(new OvmViews(cluster, settings, base), rest);
                return body == null ? Answer.notFound(rest) : new Answer(200, body, cookie);
            });
            if (answer.newSession() != null) {
                // The cookie is scoped to this manager's REST root, so another simulated manager never gets it.
                ex.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=" + answer.newSession() + "; Path="
                        + restRootPath(ex) + "; HttpOnly" + (ex instanceof HttpsExchange ? "; Secure" : ""));
            }
            if (answer.status() == 401) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Oracle VM Manager\"");
            }
            send(ex, answer.status(), JSON.writeValueAsBytes(answer.body()));
        } catch (RuntimeException e) {
            LOG.warn("simulator failed to answer {} {}", ex.getRequestMethod(), ex.getRequestURI(), e);
            sendError(ex, 500, "simulator error: " + e);
        }
    }

    /** Answers a fault; false when the call goes on as usual. */
    private static boolean answerFault(FrontExchange fx, ApiFaultKind fault) throws IOException {
        HttpExchange ex = fx.http();
        switch (fault) {
            case TIMEOUT -> fx.holdThenDrop();
            case MALFORMED -> send(ex, 200, MALFORMED_BODY);
            case HTTP500 -> sendError(ex, 500, "OVMAPI_4010E Internal error (simulated)");
            case HTTP501 -> sendError(ex, 501, "not implemented");
            case HTTP404 -> sendError(ex, 404, "Not found");
            case AUTH -> {
                fx.read((cluster, now) -> {
                    OvmSessions.of(cluster).dropAll();
                    return null;
                });
                ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Oracle VM Manager\"");
                sendError(ex, 401, "Unauthorized");
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The answer's body for a GET below the REST root, or null when nothing is there. */
    private static JsonNode route(OvmViews views, List<String> rest) {
        if (rest.isEmpty()) {
            return null;
        }
        String type = rest.get(0);
        if (rest.size() == 1) {
            return views.list(type);
        }
        if (rest.size() == 2) {
            return rest.get(1).equals("id") ? views.ids(type) : views.one(type, rest.get(1));
        }
        return null;
    }

    /** What a GET answers: its status, body and the id of a session it opened (null when none). */
    private record Answer(int status, JsonNode body, String newSession) {
        static Answer unauthorized() {
            return new Answer(401, JSON.createObjectNode().put("message", "Unauthorized"), null);
        }

        static Answer notFound(List<String> rest) {
            return new Answer(404, JSON.createObjectNode().put("message", "Not found: /" + String.join("/", rest)), null);
        }
    }

    private static String sessionCookie(HttpExchange ex) {
        for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                String p = pair.trim();
                if (p.startsWith(SESSION_COOKIE + "=")) {
                    return p.substring(SESSION_COOKIE.length() + 1);
                }
            }
        }
        return null;
    }

    private static boolean basicMatches(HttpExchange ex, OvmSettings settings) {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            return pair.equals(settings.username() + ":" + settings.password());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The REST root's path as this request reached it (the cluster's segment, if any, included). */
    private static String restRootPath(HttpExchange ex) {
        String path = ex.getRequestURI().getRawPath();
        int at = path.indexOf(REST_ROOT);
        return path.substring(0, at + REST_ROOT.length());
    }

    /** The REST root URL as the caller addressed it, for the ID objects' {@code uri}. */
    private static String base(HttpExchange ex) {
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null) {
            host = ex.getLocalAddress().getHostString() + ":" + ex.getLocalAddress().getPort();
        }
        return (ex instanceof HttpsExchange ? "https" : "http") + "://" + host + restRootPath(ex);
    }

    private static void sendError(HttpExchange ex, int status, String message) throws IOException {
        send(ex, status, JSON.writeValueAsBytes(JSON.createObjectNode().put("message", message)));
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
