package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.events.Json;
import org.sitewatch.security.Role;
import org.sitewatch.security.TokenHash;
import org.sitewatch.simulator.Scenario;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The embedded default with its product defaults (no anonymous access, its generated admin token) plus
 * a token, a basic user and a JWT per role: every mutating and audit endpoint the running app really
 * maps answers 401 without or with wrong credentials and 403 to each role without the right, by each kind
 * of credential; the real maintenance API records the principal and enforces its limits; the real status
 * page is served anonymously and its API opens with the admin token as a basic password; the server
 * listens on 127.0.0.1 only. One stack for the class (~20 s).
 */
class SecurityIT {

    @TempDir
    static Path dir;

    private static EmbeddedStack stack;
    private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);
    private static final String PASSWORD = "a long enough test password";
    private static RSAKey jwtKey;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Roles a caller may have short of admin (admin is the generated token, checked separately). */
    private static final List<Role> ROLES = List.of(Role.VIEWER, Role.OPERATOR, Role.AUDITOR, Role.METRICS);

    @BeforeAll
    static void start() throws Exception {
        jwtKey = new RSAKeyGenerator(2048).generate();
        Path pem = dir.resolve("idp.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(jwtKey.toRSAPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        Map<String, String> props = new HashMap<>(FastStack.TIMINGS);
        StringBuilder users = new StringBuilder();
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        for (int i = 0; i < ROLES.size(); i++) {
            Role role = ROLES.get(i);
            TOKENS.put(role, TokenHash.newToken());
            props.put("sitewatch.security.tokens[" + i + "].name", role.configName() + "-bot");
            props.put("sitewatch.security.tokens[" + i + "].sha256", TokenHash.sha256Hex(TOKENS.get(role)));
            props.put("sitewatch.security.tokens[" + i + "].roles", role.configName());
            users.append(role.configName()).append("-user ").append(bcrypt.encode(PASSWORD)).append(' ')
                    .append(role.configName()).append('\n');
        }
        Files.writeString(dir.resolve("users"), users);
        props.put("sitewatch.security.users-file", dir.resolve("users").toString());
        props.put("sitewatch.security.jwt.public-key-file", pem.toString());
        props.put("sitewatch.security.jwt.roles-claim", "groups");
        for (Role role : ROLES) {
            props.put("sitewatch.security.jwt.role-mapping[sw-" + role.configName() + "]", role.configName());
        }
        stack = new EmbeddedStack(new EmbeddedStack.Settings(dir.resolve("data"), null, 0, 0, 0,
                Scenario.loadResource("/scenarios/e2e-replication-failure.yaml"), Duration.ofMillis(500), props)).start();
        await("the views answer").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> call("GET", "/api/sites", bearer(TOKENS.get(Role.VIEWER))).statusCode() == 200);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldMakeTheAdminTokenOwnerOnlyAndAcceptIt() throws Exception {
        AdminTokenFile admin = stack.adminToken();
        assertThat(admin.created()).isTrue();
        assertThat(admin.file()).isEqualTo(dir.resolve("data").resolve("admin-token"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(admin.file()))).isEqualTo("rw-------");
        assertThat(Files.readString(admin.file()).trim()).isEqualTo(admin.token());
        assertThat(call("GET", "/api/audit/state?at=-1m", bearer(admin.token())).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/actuator/prometheus", bearer(admin.token())).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseEveryMutatingAndAuditEndpointToEachRoleWithoutTheRightByEveryKindOfCredential() {
        List<String[]> endpoints = protectedEndpoints();
        assertThat(endpoints).extracting(e -> e[0] + " " + e[1]).contains("POST /api/maintenance",
                "DELETE /api/maintenance/{id}", "GET /api/audit/events", "GET /api/audit/state");
        Map<String, Function<Role, String>> kinds = new LinkedHashMap<>();
        kinds.put("token", role -> bearer(TOKENS.get(role)));
        kinds.put("basic", role -> basic(role.configName() + "-user", PASSWORD));
        kinds.put("jwt", role -> bearer(jwt("jo-" + role.configName(), "sw-" + role.configName(), Instant.now().plusSeconds(300))));
        List<String> wrong = new ArrayList<>();
        for (String[] e : endpoints) {
            String method = e[0];
            String path = e[1].replaceAll("\\{[^}]+}", "mw-none") + (e[1].startsWith("/api/audit") ? "?from=-1m&at=-1m" : "");
            check(wrong, method + " " + path + " without credentials", call(method, path, null), 401);
            check(wrong, method + " " + path + " with an unknown token", call(method, path, bearer(TokenHash.newToken())), 401);
            check(wrong, method + " " + path + " with an expired JWT", call(method, path,
                    bearer(jwt("jo", "sw-operator", Instant.now().minusSeconds(120)))), 401);
            Role needs = e[1].startsWith("/api/audit") ? Role.AUDITOR : e[1].startsWith("/api/maintenance") ? Role.OPERATOR : Role.ADMIN;
            for (Role role : ROLES) {
                kinds.forEach((kind, credential) -> {
                    HttpResponse<String> r = call(method, path, credential.apply(role));
                    String what = method + " " + path + " as " + kind + " " + role.configName();
                    if (role == needs) {
                        if (r.statusCode() == 401 || r.statusCode() == 403) {
                            wrong.add(what + ": " + r.statusCode() + " although allowed");
                        }
                    } else {
                        check(wrong, what, r, 403);
                    }
                });
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldRecordTheAuthenticatedCreatorAndEnforceTheLimits() {
        String body = "{\"site\":\"e2e-a\",\"duration\":\"PT1H\",\"reason\":\"disk swap\"}";
        assertThat(call("POST", "/api/maintenance", bearer(TOKENS.get(Role.OPERATOR)), body).body()).contains("\"createdBy\":\"operator-bot\"");
        assertThat(call("POST", "/api/maintenance", basic("operator-user", PASSWORD), body).body()).contains("\"createdBy\":\"operator-user\"");
        assertThat(call("POST", "/api/maintenance", bearer(jwt("kim", "sw-operator", Instant.now().plusSeconds(300))), body).body())
                .contains("\"createdBy\":\"kim\"");

        HttpResponse<String> named = call("POST", "/api/maintenance", bearer(TOKENS.get(Role.OPERATOR)),
                "{\"site\":\"e2e-a\",\"duration\":\"PT1H\",\"createdBy\":\"someone-else\"}");
        assertThat(named.statusCode()).isEqualTo(400);
        assertThat(named.body()).contains("createdBy is not accepted in the body");
        // the issue's ten-year window
        HttpResponse<String> tenYears = call("POST", "/api/maintenance", bearer(TOKENS.get(Role.OPERATOR)),
                "{\"site\":\"e2e-a\",\"duration\":\"P3650D\"}");
        assertThat(tenYears.statusCode()).isEqualTo(400);
        assertThat(tenYears.body()).contains("sitewatch.alerting.maintenance-limits.max-duration");
    }

    @Test
    void shouldServeTheStatusPageAnonymouslyAndItsApiToALoginWithTheAdminToken() {
        HttpResponse<String> page = call("GET", "/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Sitewatch status</title>");
        assertThat(call("GET", "/status.js", null).statusCode()).isEqualTo(200);
        HttpResponse<String> api = call("GET", "/api/sites", null);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().allValues("WWW-Authenticate")).anyMatch(c -> c.startsWith("Basic realm=\"sitewatch\""));
        assertThat(call("GET", "/api/sites", basic("admin", stack.adminToken().token())).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/alerts", basic("viewer-user", PASSWORD)).statusCode()).isEqualTo(200);

        HttpResponse<String> health = call("GET", "/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).doesNotContain("components");
        assertThat(call("GET", "/actuator/health", bearer(TOKENS.get(Role.VIEWER))).body()).contains("components");
        assertThat(call("GET", "/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/actuator/prometheus", bearer(TOKENS.get(Role.METRICS))).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldListenOnLoopbackOnly() throws Exception {
        assertThat(stack.bean(Environment.class).getProperty("server.address")).isEqualTo("127.0.0.1");
        Optional<InetAddress> other = NetworkInterface.networkInterfaces().filter(SecurityIT::up)
                .flatMap(NetworkInterface::inetAddresses).filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        if (other.isPresent()) {
            try (Socket socket = new Socket()) {
                boolean connected;
                try {
                    socket.connect(new InetSocketAddress(other.get(), stack.httpPort()), 2000);
                    connected = true;
                } catch (IOException refused) {
                    connected = false;
                }
                assertThat(connected).as("reachable on " + other.get()).isFalse();
            }
        }
    }

    /**
     * Every method and path the running app's OpenAPI description lists that is not a plain read, and every
     * audit path: what the app really maps, so a new write endpoint is checked without editing this test.
     */
    private static List<String[]> protectedEndpoints() {
        HttpResponse<String> docs = call("GET", "/v3/api-docs", bearer(stack.adminToken().token()));
        assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
        List<String[]> out = new ArrayList<>();
        try {
            Json.MAPPER.readTree(docs.body()).path("paths").properties().forEach(path ->
                    path.getValue().properties().forEach(operation -> {
                        String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                        if (!method.equals("GET") || path.getKey().startsWith("/api/audit")) {
                            out.add(new String[] {method, path.getKey()});
                        }
                    }));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static void check(List<String> wrong, String what, HttpResponse<String> r, int expected) {
        if (r.statusCode() != expected) {
            wrong.add(what + ": " + r.statusCode() + " instead of " + expected + " " + r.body());
        } else if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            wrong.add(what + ": not problem JSON");
        }
    }

    private static boolean up(NetworkInterface n) {
        try {
            return n.isUp() && !n.isLoopback();
        } catch (java.net.SocketException e) {
            return false;
        }
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String jwt(String user, String group, Instant expires) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder().subject("id-" + user)
                    .claim("preferred_username", user).claim("groups", List.of(group))
                    .issueTime(Date.from(expires.minusSeconds(600))).expirationTime(Date.from(expires)).build());
            jwt.sign(new RSASSASigner(jwtKey));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> call(String method, String path, String authorization) {
        return call(method, path, authorization, "POST".equals(method) || "PUT".equals(method)
                ? "{\"site\":\"e2e-b\",\"duration\":\"PT1H\"}" : null);
    }

    private static HttpResponse<String> call(String method, String path, String authorization, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.httpPort() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
