package org.sitewatch.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Credentials of every kind for every role, made fresh for a test run: tokens (stored as SHA-256 in
 * configuration, in a tokens file, in a plain token file, and the admin token file), basic users with
 * bcrypt hashes, and an RSA key whose public half is a PEM file and whose private half signs JWTs.
 */
final class TestIdentities {

    static final String ISSUER = "https://idp.sitewatch.test/realms/ops";
    static final String AUDIENCE = "sitewatch";
    static final Map<Role, String> GROUPS = Map.of(Role.VIEWER, "sw-viewers", Role.OPERATOR, "sw-ops",
            Role.AUDITOR, "sw-audit", Role.METRICS, "sw-scrape", Role.ADMIN, "sw-admins");

    final Path dir;
    final Map<Role, String> tokens = new EnumMap<>(Role.class);
    final Map<Role, String> userNames = new EnumMap<>(Role.class);
    final String password = "correct horse battery staple";
    final RSAKey signingKey;
    final RSAKey otherKey;

    TestIdentities() {
        try {
            dir = Files.createTempDirectory("sitewatch-security-test");
            for (Role r : Role.values()) {
                tokens.put(r, TokenHash.newToken());
                userNames.put(r, r.configName() + "-user");
            }
            signingKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
            otherKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
            Files.writeString(dir.resolve("admin-token"), tokens.get(Role.ADMIN) + "\n");
            Files.writeString(dir.resolve("auditor-token"), tokens.get(Role.AUDITOR));
            Files.writeString(dir.resolve("tokens.txt"), "# name sha256 roles\n"
                    + "ops-bot " + TokenHash.sha256Hex(tokens.get(Role.OPERATOR)) + " operator\n");
            BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4); // the cheapest cost: tests only
            StringBuilder users = new StringBuilder();
            for (Role r : Role.values()) {
                users.append(userNames.get(r)).append(' ').append(bcrypt.encode(password)).append(' ').append(r.configName()).append('\n');
            }
            Files.writeString(dir.resolve("users.txt"), users.toString());
            Files.writeString(dir.resolve("jwt-key.pem"), "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(signingKey.toRSAPublicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Token names as the server knows them (each token's principal). */
    static String tokenName(Role role) {
        return switch (role) {
            case ADMIN -> "admin";
            case OPERATOR -> "ops-bot";
            default -> role.configName() + "-bot";
        };
    }

    /** Every kind of credential at once: viewer and metrics tokens by hash, the others from files. */
    Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("sitewatch.security.admin-token-file", dir.resolve("admin-token").toString());
        p.put("sitewatch.security.tokens[0].name", tokenName(Role.VIEWER));
        p.put("sitewatch.security.tokens[0].sha256", TokenHash.sha256Hex(tokens.get(Role.VIEWER)));
        p.put("sitewatch.security.tokens[0].roles", "viewer");
        p.put("sitewatch.security.tokens[1].name", tokenName(Role.METRICS));
        p.put("sitewatch.security.tokens[1].sha256", TokenHash.sha256Hex(tokens.get(Role.METRICS)).toUpperCase());
        p.put("sitewatch.security.tokens[1].roles", "metrics");
        p.put("sitewatch.security.tokens[2].name", tokenName(Role.AUDITOR));
        p.put("sitewatch.security.tokens[2].file", dir.resolve("auditor-token").toString());
        p.put("sitewatch.security.tokens[2].roles", "auditor");
        p.put("sitewatch.security.tokens-file", dir.resolve("tokens.txt").toString());
        p.put("sitewatch.security.users-file", dir.resolve("users.txt").toString());
        p.put("sitewatch.security.jwt.public-key-file", dir.resolve("jwt-key.pem").toString());
        p.put("sitewatch.security.jwt.issuer-uri", ISSUER);
        p.put("sitewatch.security.jwt.audience", AUDIENCE);
        p.put("sitewatch.security.jwt.roles-claim", "realm_access.groups");
        GROUPS.forEach((role, group) -> p.put("sitewatch.security.jwt.role-mapping[" + group + "]", role.configName()));
        return p;
    }

    /** A JWT for {@code role} signed by the configured key, valid for five minutes. */
    String jwt(Role role) {
        return jwt(signingKey, claims("jo-" + role.configName(), List.of(GROUPS.get(role)), ISSUER, AUDIENCE,
                Instant.now().plus(Duration.ofMinutes(5))));
    }

    static JWTClaimsSet claims(String user, List<String> groups, String issuer, String audience, Instant expires) {
        return new JWTClaimsSet.Builder().issuer(issuer).subject("id-" + user).audience(audience)
                .claim("preferred_username", user).claim("realm_access", Map.of("groups", groups))
                .issueTime(Date.from(Instant.now().minusSeconds(5))).expirationTime(Date.from(expires)).build();
    }

    static String jwt(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
