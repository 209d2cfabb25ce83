package org.sitewatch.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * JWT mode with the identity provider's published keys: a JWK set served on 127.0.0.1, roles taken as
 * named in the default {@code roles} claim, the caller named by {@code preferred_username}.
 */
@SpringBootTest(classes = SecurityTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwkSetModeTest {

    static RSAKey key;
    static HttpServer jwks;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        registry.add("sitewatch.security.jwt.jwk-set-uri", () -> "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks");
    }

    @AfterAll
    static void stop() {
        jwks.stop(0);
    }

    @Autowired
    Environment environment;

    @Test
    void shouldAcceptTokensSignedByAPublishedKey() {
        Http http = new Http(Integer.parseInt(environment.getRequiredProperty("local.server.port")));
        com.nimbusds.jwt.JWTClaimsSet claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("42")
                .claim("preferred_username", "kim").claim("roles", List.of("operator"))
                .expirationTime(java.util.Date.from(Instant.now().plusSeconds(120))).build();
        String jwt = TestIdentities.jwt(key, claims);
        var created = http.call("POST", "/api/maintenance", "Bearer " + jwt);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"createdBy\":\"kim\"");
        assertThat(http.call("GET", "/api/audit/events?from=-1h", "Bearer " + jwt).statusCode()).isEqualTo(403);
    }
}
