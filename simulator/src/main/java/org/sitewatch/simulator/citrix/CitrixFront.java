package org.sitewatch.simulator.citrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.sitewatch.simulator.ApiFaultKind;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.front.FrontExchange;
import org.sitewatch.simulator.front.VendorFront;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Citrix DaaS front: a scenario cluster of platform {@code citrix} is one Citrix Cloud customer
 * ({@link DaasSettings}) whose nodes are hosting servers and whose guests are VDI machines
 * ({@link MachineRecords}). Served below the cluster's segment of the simulator's HTTP port:
 * <ul>
 *   <li>{@code POST /cctrustoauth2/{root|customer}/tokens/clients}: client credentials (form
 *       {@code grant_type=client_credentials}, {@code client_id}, {@code client_secret}) answered with
 *       {@code access_token} and {@code expires_in} (a string, as Citrix sends it), or 401
 *       {@code invalid_client};</li>
 *   <li>{@code GET /monitorodata/Machines} and {@code /monitorodata/DesktopGroups} with
 *       {@code Authorization: CWSAuth bearer=<token>} and {@code Citrix-CustomerId} (else 401, or 403
 *       for another customer), {@link ODataQuery} options, pages of {@code page-size} joined by
 *       {@code @odata.nextLink} ({@code $skip}).</li>
 * </ul>
 * Only one query per customer runs at a time: a query arriving while another is answered gets 429
 * with {@code Retry-After}. Scenario faults by path ({@code /monitorodata...} or {@code /cctrustoauth2...}):
 * {@code http429}, {@code auth} (invalid_client at the token endpoint, 401 at the Monitor Service),
 * {@code http500}, {@code http404}, {@code http501}, {@code malformed} and {@code timeout}.
 *
 * <p>Beside the engine's state the front keeps what a real service keeps per customer: the tokens
 * it issued and the queries in flight.
 */
public final class CitrixFront implements VendorFront {

    static final String TOKEN_PATH = "/cctrustoauth2/root/tokens/clients";
    private static final Logger LOG = LoggerFactory.getLogger(CitrixFront.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] MALFORMED = "{\"@odata.context\":\"$metadata#Machines\",\"value\":[{\"Id\":\"6f0c"
            .getBytes(StandardCharsets.UTF_8);

    private final IssuedTokens tokens = new IssuedTokens();
    private final Map<String, AtomicInteger> queriesInFlight = new ConcurrentHashMap<>();

    @Override
    public String platform() {
        return "citrix";
    }

    @Override
    public List<String> settingKeys() {
        return DaasSettings.KEYS;
    }

    @Override
    public List<String> requiredSettings() {
        return List.of(DaasSettings.CUSTOMER_ID);
    }

    @Override
    public void checkSetting(String key, String value) {
        DaasSettings.check(key, value);
    }

    /** VDI machines are not replicated: links of a citrix cluster would have nothing to show. */
    @Override
    public String defaultTechnology() {
        return "none";
    }

    /** The gateway's root: the token endpoint and {@code /monitorodata} are below it. */
    @Override
    public String apiRoot() {
        return "";
    }

    @Override
    public Map<String, String> collectorSettings(ClusterSpec cluster) {
        DaasSettings s = DaasSettings.of(cluster);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("customer-id", s.customerId());
        out.put("client-id", s.clientId());
        out.put("client-secret", s.clientSecret());
        if (s.registeredThreshold() != null) {
            out.put("registered-threshold", s.registeredThreshold().trim());
        }
        return out;
    }

    /** As {@link #collectorSettings(ClusterSpec)}, with the token endpoint below the cluster's address. */
    @Override
    public Map<String, String> collectorSettings(ClusterSpec cluster, String baseUrl, List<ClusterSpec> estate) {
        Map<String, String> out = new LinkedHashMap<>(collectorSettings(cluster));
        out.put("token-url", baseUrl + TOKEN_PATH);
        return out;
    }

    @Override
    public void serve(FrontExchange fx) throws IOException {
        HttpExchange ex = fx.http();
        try {
            DaasSettings settings = DaasSettings.of(fx.cluster());
            List<String> path = fx.path();
            boolean tokenCall = path.size() == 4 && path.get(0).equals("cctrustoauth2") && path.get(2).equals("tokens")
                    && path.get(3).equals("clients");
            boolean dataCall = path.size() == 2 && path.get(0).equals("monitorodata");
            ApiFaultKind fault = fx.faultFor(path);
            if (fault != null && injectFault(fx, fault, settings, tokenCall)) {
                return;
            }
            if (tokenCall && ex.getRequestMethod().equals("POST")) {
                token(ex, fx.cluster(), settings, path.get(1));
            } else if (dataCall && ex.getRequestMethod().equals("GET")) {
                oneQueryAtATime(fx, settings);
            } else {
                odataError(ex, 404, "NotFound", "No resource at " + ex.getRequestURI().getPath() + "; this gateway "
                        + "serves " + TOKEN_PATH + " (POST) and /monitorodata/{Machines|DesktopGroups} (GET)");
            }
        } catch (RuntimeException e) {
            LOG.warn("simulated Citrix DaaS failed to answer {} {}", ex.getRequestMethod(), ex.getRequestURI(), e);
            odataError(ex, 500, "InternalServerError", "simulator error: " + e);
        }
    }

    /** Answers with the injected fault; false when the call goes on as usual. */
    private static boolean injectFault(FrontExchange fx, ApiFaultKind fault, DaasSettings settings, boolean tokenCall)
            throws IOException {
        HttpExchange ex = fx.http();
        switch (fault) {
            case TIMEOUT -> fx.holdThenDrop();
            case HTTP429 -> tooManyRequests(ex, settings.retryAfter(), "Rate limit exceeded for this customer.");
            case AUTH -> {
                if (tokenCall) {
                    invalidClient(ex);
                } else {
                    odataError(ex, 401, "Unauthorized", "The bearer token is invalid or has expired.");
                }
            }
            case HTTP500 -> odataError(ex, 500, "InternalServerError", "An error has occurred.");
            case HTTP404 -> odataError(ex, 404, "NotFound", "No resource at " + ex.getRequestURI().getPath());
            case HTTP501 -> odataError(ex, 501, "NotImplemented", "The requested operation is not implemented.");
            case MALFORMED -> send(ex, 200, MALFORMED, "application/json; odata.metadata=minimal");
            default -> {
                return false;
            }
        }
        return true;
    }

    private void token(HttpExchange ex, ClusterSpec cluster, DaasSettings settings, String scope) throws IOException {
        Map<String, String> form = Forms.parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        boolean accepted = (scope.equals("root") || scope.equals(settings.customerId()))
                && "client_credentials".equals(form.get("grant_type"))
                && settings.clientId().equals(form.get("client_id"))
                && settings.clientSecret().equals(form.get("client_secret"));
        if (!accepted) {
            invalidClient(ex);
            return;
        }
        long lifetime = settings.tokenLifetime().getSeconds();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "bearer");
        body.put("access_token", tokens.issue(cluster.name(), settings.tokenLifetime()));
        body.put("expires_in", String.valueOf(lifetime));
        sendJson(ex, 200, body);
    }

    /** Answers a query unless another of the same customer is being answered (then 429, as Citrix Cloud does). */
    private void oneQueryAtATime(FrontExchange fx, DaasSettings settings) throws IOException {
        AtomicInteger inFlight = queriesInFlight.computeIfAbsent(fx.cluster().name(), k -> new AtomicInteger());
        if (inFlight.incrementAndGet() > 1) {
            inFlight.decrementAndGet();
            tooManyRequests(fx.http(), settings.retryAfter(), "Only one query per customer can run at a time.");
            return;
        }
        Reply reply;
        try {
            pause(settings.queryDelay());
            reply = query(fx, settings);
        } finally {
            // released before the answer is written: a client that asks again as soon as it has read
            // an answer must not find its own finished query still running
            inFlight.decrementAndGet();
        }
        sendJson(fx.http(), reply.status(), reply.body());
    }

    /** An answer computed while the query holds the customer's one slot, written after it is released. */
    private record Reply(int status, Object body) {

        static Reply error(int status, String code, String message) {
            return new Reply(status, Map.of("error", Map.of("code", code, "message", message)));
        }
    }

    private Reply query(FrontExchange fx, DaasSettings settings) {
        HttpExchange ex = fx.http();
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        String prefix = "cwsauth bearer=";
        String token = authorization != null && authorization.trim().toLowerCase(java.util.Locale.ROOT).startsWith(prefix)
                ? authorization.trim().substring(prefix.length()).trim() : null;
        switch (tokens.check(fx.cluster().name(), token)) {
            case INVALID -> {
                return Reply.error(401, "Unauthorized", "Missing or invalid CWSAuth bearer token.");
            }
            case EXPIRED -> {
                return Reply.error(401, "Unauthorized", "The bearer token has expired.");
            }
            default -> {
            }
        }
        String customer = ex.getRequestHeaders().getFirst("Citrix-CustomerId");
        if (!settings.customerId().equals(customer)) {
            return Reply.error(403, "Forbidden", customer == null ? "The Citrix-CustomerId header is missing."
                    : "The token does not belong to customer '" + customer + "'.");
        }
        ODataQuery query;
        try {
            query = ODataQuery.parse(ex.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
            return Reply.error(400, "BadRequest", e.getMessage());
        }
        String entitySet = fx.path().get(1);
        List<Map<String, Object>> all = fx.read((state, now) -> {
            MachineRecords records = new MachineRecords(state, settings, now);
            return switch (entitySet) {
                case "Machines" -> records.machines();
                case "DesktopGroups" -> records.desktopGroups();
                default -> null;
            };
        });
        if (all == null) {
            return Reply.error(404, "NotFound", "Resource not found for the segment '" + entitySet + "'.");
        }
        return new Reply(200, page(ex, entitySet, query.apply(all), query, settings.pageSize()));
    }

    private static Map<String, Object> page(HttpExchange ex, String entitySet, List<Map<String, Object>> all,
                                            ODataQuery query, int pageSize) {
        String base = "http://" + ex.getRequestHeaders().getFirst("Host") + ex.getRequestURI().getRawPath();
        int from = Math.min(query.skip(), all.size());
        int to = Math.min(all.size(), from + pageSize);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@odata.context", base.substring(0, base.lastIndexOf('/')) + "/$metadata#" + entitySet);
        page.put("value", all.subList(from, to));
        if (to < all.size()) {
            String rest = query.rawWithoutSkip();
            page.put("@odata.nextLink", base + "?" + rest + (rest.isEmpty() ? "" : "&") + "$skip=" + to);
        }
        return page;
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void tooManyRequests(HttpExchange ex, Duration retryAfter, String message) throws IOException {
        ex.getResponseHeaders().set("Retry-After", String.valueOf(Math.max(1, retryAfter.getSeconds())));
        odataError(ex, 429, "TooManyRequests", message);
    }

    private static void invalidClient(HttpExchange ex) throws IOException {
        sendJson(ex, 401, Map.of("error", "invalid_client", "error_description", "The client credentials are invalid."));
    }

    private static void odataError(HttpExchange ex, int status, String code, String message) throws IOException {
        Reply reply = Reply.error(status, code, message);
        sendJson(ex, reply.status(), reply.body());
    }

    private static void sendJson(HttpExchange ex, int status, Object body) throws IOException {
        try {
            ex.getResponseHeaders().set("OData-Version", "4.0");
            send(ex, status, JSON.writeValueAsBytes(body), "application/json; odata.metadata=minimal; charset=utf-8");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body, e);
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body, String contentType) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
