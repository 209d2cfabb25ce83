package org.sitewatch.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every role against every kind of endpoint (views, maintenance reads and writes, audit, metrics), with
 * each way in: bearer tokens (hash in configuration, tokens file, token file, admin token file), HTTP
 * basic (bcrypt users file) and JWTs signed by a key made for this run. Plus the 401s (none, unknown,
 * expired, foreign signature, wrong audience or issuer) and their problem JSON with challenges.
 */
@SpringBootTest(classes = SecurityTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.endpoints.web.exposure.include=health,info,prometheus",
                "management.endpoint.health.show-details=when-authorized"})
class SitewatchSecurityTest {

    static final TestIdentities IDS = new TestIdentities();

    /** One endpoint, the role it needs and its answer when allowed. */
    record Endpoint(String method, String path, Role needs, int ok) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/sites", Role.VIEWER, 200),
            new Endpoint("GET", "/api/maintenance", Role.VIEWER, 200),
            new Endpoint("POST", "/api/maintenance", Role.OPERATOR, 201),
            new Endpoint("DELETE", "/api/maintenance/mw-1", Role.OPERATOR, 204),
            new Endpoint("GET", "/api/audit/events?from=-1h", Role.AUDITOR, 200),
            new Endpoint("GET", "/api/audit/state?at=-1h", Role.AUDITOR, 200),
            new Endpoint("GET", "/actuator/prometheus", Role.METRICS, 200));

    @DynamicPropertySource
    static void credentials(DynamicPropertyRegistry registry) {
        IDS.properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @Autowired
    Environment environment;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(Integer.parseInt(environment.getRequiredProperty("local.server.port")));
    }

    static boolean allowed(Role role, Role needs) {
        return role == Role.ADMIN || role == needs
                || (needs == Role.VIEWER && (role == Role.OPERATOR || role == Role.AUDITOR));
    }

    @TestFactory
    Stream<DynamicTest> shouldAllowEachRoleExactlyItsEndpointsWithEveryKindOfCredential() {
        Map<String, Function<Role, String>> kinds = Map.of(
                "token", role -> "Bearer " + IDS.tokens.get(role),
                "basic", role -> TestIdentities.basic(IDS.userNames.get(role), IDS.password),
                "jwt", role -> "Bearer " + IDS.jwt(role));
        List<DynamicTest> tests = new ArrayList<>();
        kinds.forEach((kind, credential) -> {
            for (Role role : Role.values()) {
                for (Endpoint e : ENDPOINTS) {
                    boolean ok = allowed(role, e.needs());
                    tests.add(dynamicTest(kind + " " + role.configName() + " " + e + " -> " + (ok ? e.ok() : 403), () -> {
                        HttpResponse<String> r = http.call(e.method(), e.path(), credential.apply(role));
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(ok ? e.ok() : 403);
                        if (!ok) {
                            assertProblem(r, 403, "Forbidden");
                            assertThat(r.body()).contains("the role '" + e.needs().configName() + "' is needed");
                        }
                    }));
                }
            }
        });
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> shouldAnswer401WithChallengesWithoutOrWithWrongCredentials() {
        String expired = TestIdentities.jwt(IDS.signingKey, TestIdentities.claims("jo", List.of("sw-admins"),
                TestIdentities.ISSUER, TestIdentities.AUDIENCE, Instant.now().minusSeconds(600)));
        Map<String, String> wrong = new java.util.LinkedHashMap<>();
        wrong.put("no credentials", null);
        wrong.put("unknown token", "Bearer " + TokenHash.newToken());
        wrong.put("wrong password", TestIdentities.basic(IDS.userNames.get(Role.ADMIN), "not the password"));
        wrong.put("unknown user", TestIdentities.basic("nobody", IDS.password));
        wrong.put("expired JWT", "Bearer " + expired);
        wrong.put("JWT signed by another key", "Bearer " + TestIdentities.jwt(IDS.otherKey, TestIdentities.claims("jo",
                List.of("sw-admins"), TestIdentities.ISSUER, TestIdentities.AUDIENCE, Instant.now().plusSeconds(300))));
        wrong.put("JWT for another audience", "Bearer " + TestIdentities.jwt(IDS.signingKey, TestIdentities.claims("jo",
                List.of("sw-admins"), TestIdentities.ISSUER, "grafana", Instant.now().plusSeconds(300))));
        wrong.put("JWT from another issuer", "Bearer " + TestIdentities.jwt(IDS.signingKey, TestIdentities.claims("jo",
                List.of("sw-admins"), "https://elsewhere.test", TestIdentities.AUDIENCE, Instant.now().plusSeconds(300))));
        List<DynamicTest> tests = new ArrayList<>();
        wrong.forEach((what, authorization) -> {
            for (Endpoint e : ENDPOINTS) {
                tests.add(dynamicTest(what + " " + e + " -> 401", () -> {
                    HttpResponse<String> r = http.call(e.method(), e.path(), authorization);
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
                    assertProblem(r, 401, "Unauthorized");
                    List<String> challenges = r.headers().allValues("WWW-Authenticate");
                    assertThat(challenges).anyMatch(c -> c.startsWith("Bearer realm=\"sitewatch\""))
                            .anyMatch(c -> c.startsWith("Basic realm=\"sitewatch\""));
                    if (authorization != null) {
                        assertThat(r.body()).doesNotContain(authorization.substring(authorization.indexOf(' ') + 1));
                    }
                }));
            }
        });
        return tests.stream();
    }

    @Test
    void shouldRecordTheAuthenticatedNameAsThePrincipal() {
        assertThat(http.call("POST", "/api/maintenance", "Bearer " + IDS.tokens.get(Role.OPERATOR)).body())
                .contains("\"createdBy\":\"ops-bot\"");
        assertThat(http.call("POST", "/api/maintenance", TestIdentities.basic(IDS.userNames.get(Role.OPERATOR), IDS.password)).body())
                .contains("\"createdBy\":\"operator-user\"");
        assertThat(http.call("POST", "/api/maintenance", "Bearer " + IDS.jwt(Role.OPERATOR)).body())
                .contains("\"createdBy\":\"jo-operator\"");
        assertThat(http.call("POST", "/api/maintenance", "Bearer " + IDS.tokens.get(Role.ADMIN)).body())
                .contains("\"createdBy\":\"admin\"");
    }

    @Test
    void shouldTakeATokenAsABasicPasswordUnderItsOwnNameOnly() {
        // how a browser opens the status page with a token: user "admin", password the admin token
        assertThat(http.call("GET", "/api/sites", TestIdentities.basic("admin", IDS.tokens.get(Role.ADMIN))).statusCode())
                .isEqualTo(200);
        assertThat(http.call("POST", "/api/maintenance", TestIdentities.basic("ops-bot", IDS.tokens.get(Role.OPERATOR))).body())
                .contains("\"createdBy\":\"ops-bot\"");
        assertThat(http.call("GET", "/api/sites", TestIdentities.basic("viewer-bot", IDS.tokens.get(Role.ADMIN))).statusCode())
                .as("another token's name").isEqualTo(401);
    }

    @Test
    void shouldGiveNoRoleForAJwtWhoseGroupsAreNotMapped() {
        String stranger = TestIdentities.jwt(IDS.signingKey, TestIdentities.claims("eve", List.of("finance"),
                TestIdentities.ISSUER, TestIdentities.AUDIENCE, Instant.now().plusSeconds(300)));
        assertThat(http.call("GET", "/api/sites", "Bearer " + stranger).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldServeTheStatusPageAnonymouslyAndItsApiCallsToAViewerLoggedInWithBasic() {
        HttpResponse<String> page = http.call("GET", "/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sitewatch status");
        assertThat(http.call("GET", "/status.js", null).statusCode()).isEqualTo(200);
        // the page's first API call: 401 with a Basic challenge, so the browser asks for a login ...
        HttpResponse<String> anonymous = http.call("GET", "/api/sites", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate")).anyMatch(c -> c.startsWith("Basic "));
        // ... and sends it with every later call
        assertThat(http.call("GET", "/api/sites", TestIdentities.basic(IDS.userNames.get(Role.VIEWER), IDS.password))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void shouldShowHealthToAnyoneButItsDetailsOnlyToAuthenticatedCallers() {
        HttpResponse<String> anonymous = http.call("GET", "/actuator/health", null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("components");
        assertThat(http.call("GET", "/actuator/health", "Bearer " + IDS.tokens.get(Role.VIEWER)).body()).contains("components");
    }

    @Test
    void shouldKeepOtherWritesAndActuatorEndpointsForAdmins() {
        assertThat(http.call("POST", "/api/sites", "Bearer " + IDS.tokens.get(Role.OPERATOR)).statusCode()).isEqualTo(403);
        assertThat(http.call("GET", "/actuator/env", "Bearer " + IDS.tokens.get(Role.VIEWER)).statusCode()).isEqualTo(403);
        assertThat(http.call("GET", "/actuator/info", "Bearer " + IDS.tokens.get(Role.VIEWER)).statusCode()).isEqualTo(200);
    }

    static void assertProblem(HttpResponse<String> r, int status, String title) {
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"status\":" + status).contains("\"title\":\"" + title + "\"").contains("\"detail\":\"");
    }
}
