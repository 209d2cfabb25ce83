package org.sitewatch.simulator.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sitewatch.simulator.ApiFaultKind;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.Simulator;
import org.sitewatch.simulator.front.FrontExchange;
import org.sitewatch.simulator.front.VendorFront;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Azure front: a scenario cluster of platform {@code azure} is one Recovery Services vault in
 * one subscription ({@link VaultSettings}), whose replication protected items are the cluster's
 * replication links ({@link ArmViews}). Each such cluster has an HTTPS listener of its own
 * ({@link Simulator.OwnHttpsListener}; the SDK's bearer policy refuses plain HTTP) that serves, from
 * its root, both Microsoft Entra ID's token endpoint and Azure Resource Manager:
 * <ul>
 *   <li>{@code POST /{tenant}/oauth2/v2.0/token}: client credentials (form {@code client_id},
 *       {@code client_secret}, {@code grant_type}, {@code scope} = the listener's origin +
 *       {@code /.default}) answered with a bearer token lasting {@code token-lifetime}, or 401
 *       {@code invalid_client};</li>
 *   <li>ARM GETs with that token (else 401 {@code InvalidAuthenticationToken} or
 *       {@code ExpiredAuthenticationToken}) and an {@code api-version}: the subscription's vault list,
 *       the vault, its {@code replicationProtectedItems} and {@code replicationPolicies} in pages of
 *       {@code page-size} joined by {@code nextLink} ({@code $skiptoken}), the subscription's VMs
 *       ({@code statusOnly=true}) and a VM's Resource Health {@code availabilityStatuses/current}. Paths compare ignoring case, as
 *       ARM's do.</li>
 * </ul>
 * Scenario faults by path, the token endpoint's being {@code /{tenant}/oauth2/v2.0/token} and ARM's
 * from {@code /subscriptions}: {@code http429} (with {@code Retry-After: retry-after}),
 * {@code auth} (invalid_client at the token endpoint, 401 at ARM), {@code http500},
 * {@code http404}, {@code http501}, {@code malformed} and {@code timeout}.
 */
public final class AzureFront implements VendorFront, Simulator.OwnHttpsListener {

    private static final Logger LOG = LoggerFactory.getLogger(AzureFront.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECOVERY_SERVICES = "microsoft.recoveryservices";

    @Override
    public String platform() {
        return "azure";
    }

    @Override
    public List<String> settingKeys() {
        return VaultSettings.KEYS;
    }

    @Override
    public List<String> requiredSettings() {
        return List.of(VaultSettings.REGION);
    }

    @Override
    public void checkSetting(String key, String value) {
        VaultSettings.check(key, value);
    }

    @Override
    public String defaultTechnology() {
        return "asr";
    }

    /** ARM and the authority are both at the listener's root. */
    @Override
    public String apiRoot() {
        return "";
    }

    /** The login and vault; see {@link #collectorSettings(ClusterSpec, String, Path)} for the rest. */
    @Override
    public Map<String, String> collectorSettings(ClusterSpec cluster) {
        VaultSettings vault = VaultSettings.of(cluster);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("tenant-id", vault.tenant());
        out.put("client-id", vault.clientId());
        out.put("client-secret", vault.clientSecret());
        out.put("subscription-id", vault.subscription());
        out.put("vaults[0].resource-group", vault.resourceGroup());
        out.put("vaults[0].name", vault.vault());
        return out;
    }

    /**
     * The login and vault, the listener as authority and resource manager, its certificate as
     * {@code ca-file}, and the site of every node ({@code sites}: regions and on-premises fabrics by
     * the names ASR gives them).
     */
    @Override
    public Map<String, String> collectorSettings(ClusterSpec cluster, String baseUrl, Path caCertificatePem) {
        Map<String, String> out = new LinkedHashMap<>(collectorSettings(cluster));
        out.put("authority-host", baseUrl + "/");
        out.put("resource-manager-endpoint", baseUrl + "/");
        out.put("ca-file", caCertificatePem.toString());
        cluster.nodes().forEach(n -> out.put("sites[" + n.name() + "]", n.site()));
        return out;
    }

    @Override
    public void serve(FrontExchange fx) throws IOException {
        HttpExchange ex = fx.http();
        try {
            VaultSettings vault = VaultSettings.of(fx.cluster());
            List<String> path = fx.path();
            boolean tokenCall = path.size() == 4 && path.get(1).equals("oauth2") && path.get(3).equals("token");
            ApiFaultKind fault = fx.faultFor(path);
            if (fault != null && injectFault(fx, fault, vault, tokenCall)) {
                return;
            }
            if (tokenCall && ex.getRequestMethod().equals("POST")) {
                token(ex, vault, path.get(0));
            } else if (path.size() >= 3 && path.get(path.size() - 1).equals("openid-configuration")) {
                openIdConfiguration(ex, path.get(0));
            } else if (!path.isEmpty() && path.get(0).equalsIgnoreCase("subscriptions")) {
                arm(fx, vault);
            } else {
                armError(ex, 404, "NotFound", "Not found: this listener serves /{tenant}/oauth2/v2.0/token and "
                        + "/subscriptions/...");
            }
        } catch (RuntimeException e) {
            LOG.warn("simulated Azure failed to answer {} {}", ex.getRequestMethod(), ex.getRequestURI(), e);
            armError(ex, 500, "InternalServerError", "simulator error: " + e);
        }
    }

    /** Answers with the injected fault; false when the call goes on as usual. */
    private static boolean injectFault(FrontExchange fx, ApiFaultKind fault, VaultSettings vault, boolean tokenCall)
            throws IOException {
        HttpExchange ex = fx.http();
        switch (fault) {
            case TIMEOUT -> fx.holdThenDrop();
            case HTTP429 -> {
                ex.getResponseHeaders().set("Retry-After", String.valueOf(vault.retryAfter().getSeconds()));
                if (tokenCall) {
                    send(ex, 429, Map.of("error", "temporarily_unavailable", "error_description",
                            "AADSTS50196: The server terminated an operation because it encountered a client request loop."));
                } else {
                    armError(ex, 429, "TooManyRequests", "The request is being throttled as the limit has been reached "
                            + "for operation type - Read.");
                }
            }
            case AUTH -> {
                if (tokenCall) {
                    invalidClient(ex);
                } else {
                    armError(ex, 401, "InvalidAuthenticationToken", "The access token is invalid.");
                }
            }
            case HTTP500 -> armError(ex, 500, "InternalServerError", "Encountered internal server error.");
            case HTTP404 -> armError(ex, 404, "ResourceNotFound", "The resource '" + ex.getRequestURI().getPath()
                    + "' was not found.");
            case HTTP501 -> armError(ex, 501, "NotImplemented", "The requested operation is not implemented.");
            case MALFORMED -> {
                byte[] cut = "{\"value\":[{\"id\":\"/Subscriptions/".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
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

    private static void token(HttpExchange ex, VaultSettings vault, String tenant) throws IOException {
        Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String scope = origin(ex) + "/.default";
        boolean accepted = tenant.equals(vault.tenant()) && vault.clientId().equals(form.get("client_id"))
                && vault.clientSecret().equals(form.get("client_secret"))
                && "client_credentials".equals(form.get("grant_type"))
                && List.of(form.getOrDefault("scope", "").split(" ")).contains(scope);
        if (!accepted) {
            invalidClient(ex);
            return;
        }
        long lifetime = vault.tokenLifetime().getSeconds();
        String token = AccessTokens.issue(vault, Instant.now().plusSeconds(lifetime));
        send(ex, 200, ArmViews.obj("token_type", "Bearer", "expires_in", lifetime, "ext_expires_in", lifetime,
                "access_token", token));
    }

    private static void openIdConfiguration(HttpExchange ex, String tenant) throws IOException {
        String base = origin(ex) + "/" + tenant;
        send(ex, 200, ArmViews.obj("token_endpoint", base + "/oauth2/v2.0/token", "issuer", base + "/v2.0",
                "authorization_endpoint", base + "/oauth2/v2.0/authorize"));
    }

    private static void invalidClient(HttpExchange ex) throws IOException {
        send(ex, 401, ArmViews.obj("error", "invalid_client", "error_description", "AADSTS7000215: Invalid client "
                + "secret provided. Ensure the secret being sent in the request is the client secret value, not the "
                + "client secret ID.", "error_codes", List.of(7000215), "timestamp", Instant.now().toString()));
    }

    private void arm(FrontExchange fx, VaultSettings vault) throws IOException {
        HttpExchange ex = fx.http();
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        String token = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()) : null;
        switch (AccessTokens.check(vault, token, Instant.now())) {
            case INVALID -> {
                armError(ex, 401, "InvalidAuthenticationToken", "The access token is invalid.");
                return;
            }
            case EXPIRED -> {
                armError(ex, 401, "ExpiredAuthenticationToken", "The access token expiry UTC time is earlier than "
                        + "current UTC time.");
                return;
            }
            default -> {
            }
        }
        Map<String, String> query = form(ex.getRequestURI().getRawQuery());
        String apiVersion = query.get("api-version");
        if (apiVersion == null) {
            armError(ex, 400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is "
                    + "required for all requests.");
            return;
        }
        if (!ex.getRequestMethod().equals("GET")) {
            armError(ex, 405, "HttpMethodNotAllowed", "The simulator answers GET only.");
            return;
        }
        List<String> p = fx.path().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        String sub = vault.subscription().toLowerCase(Locale.ROOT);
        if (p.size() < 2 || !p.get(1).equals(sub)) {
            armError(ex, 404, "SubscriptionNotFound", "The subscription '" + (p.size() < 2 ? "" : fx.path().get(1))
                    + "' could not be found.");
            return;
        }
        List<String> vaultPath = List.of("subscriptions", sub, "resourcegroups",
                vault.resourceGroup().toLowerCase(Locale.ROOT), "providers", RECOVERY_SERVICES, "vaults",
                vault.vault().toLowerCase(Locale.ROOT));
        Object body;
        int skip = skipToken(query);
        if (p.equals(List.of("subscriptions", sub, "providers", RECOVERY_SERVICES, "vaults"))) {
            body = fx.read((state, now) -> page(List.of(new ArmViews(vault, state, now).vault()), 0, ex, query, vault));
        } else if (p.equals(vaultPath)) {
            body = fx.read((state, now) -> new ArmViews(vault, state, now).vault());
        } else if (p.size() == 9 && p.subList(0, 8).equals(vaultPath) && p.get(8).equals("replicationprotecteditems")) {
            body = fx.read((state, now) -> page(new ArmViews(vault, state, now).protectedItems(), skip, ex, query, vault));
        } else if (p.size() == 9 && p.subList(0, 8).equals(vaultPath) && p.get(8).equals("replicationpolicies")) {
            body = fx.read((state, now) -> page(new ArmViews(vault, state, now).policies(), skip, ex, query, vault));
        } else if (p.equals(List.of("subscriptions", sub, "providers", "microsoft.compute", "virtualmachines"))) {
            body = fx.read((state, now) -> page(new ArmViews(vault, state, now).virtualMachines(), skip, ex, query,
                    vault));
        } else if (p.size() == 12 && p.get(5).equals("microsoft.compute") && p.get(8).equals("providers")
                && p.get(9).equals("microsoft.resourcehealth") && p.get(11).equals("current")) {
            String vmId = "/" + String.join("/", fx.path().subList(0, 8));
            body = fx.read((state, now) -> new ArmViews(vault, state, now).availability(vmId));
        } else {
            body = null;
        }
        if (body == null) {
            armError(ex, 404, "ResourceNotFound", "The Resource '" + ex.getRequestURI().getPath()
                    + "' under resource group was not found.");
            return;
        }
        send(ex, 200, body);
    }

    /** One page of a list from item {@code skip}: {@code value}, and {@code nextLink} when more are left. */
    private static Map<String, Object> page(List<Map<String, Object>> all, int skip, HttpExchange ex,
                                            Map<String, String> query, VaultSettings vault) {
        int from = Math.min(skip, all.size());
        int to = Math.min(all.size(), from + vault.pageSize());
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("value", all.subList(from, to));
        if (to < all.size()) {
            StringBuilder next = new StringBuilder(origin(ex)).append(ex.getRequestURI().getRawPath()).append('?');
            query.forEach((k, v) -> {
                if (!k.equals("$skiptoken")) {
                    next.append(k).append('=').append(v).append('&');
                }
            });
            page.put("nextLink", next.append("$skiptoken=").append(to).toString());
        }
        return page;
    }

    private static int skipToken(Map<String, String> query) {
        try {
            return Math.max(0, Integer.parseInt(query.getOrDefault("$skiptoken", "0")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String origin(HttpExchange ex) {
        return "https://" + ex.getRequestHeaders().getFirst("Host");
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void armError(HttpExchange ex, int status, String code, String message) throws IOException {
        send(ex, status, Map.of("error", ArmViews.obj("code", code, "message", message)));
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body, e);
        }
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
