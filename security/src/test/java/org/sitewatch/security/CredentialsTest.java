package org.sitewatch.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code sitewatch.security.*} as bound from properties: what is accepted, and each mistake named by its key. */
class CredentialsTest {

    @TempDir
    Path dir;

    private static final String HASH = TokenHash.sha256Hex("x".repeat(40));
    private static final String BCRYPT = "$2a$04$abcdefghijklmnopqrstuu3zHE0sGSoJHRmVcVLD7kAUpqVmoX9Da";

    private static Credentials load(Map<String, String> properties) {
        SitewatchSecurityProperties p = new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("sitewatch.security", SitewatchSecurityProperties.class);
        return Credentials.load(p);
    }

    @Test
    void shouldMatchATokenByItsHashOnly() {
        String token = TokenHash.newToken();
        Credentials c = load(Map.of("sitewatch.security.tokens[0].name", "ci",
                "sitewatch.security.tokens[0].sha256", TokenHash.sha256Hex(token),
                "sitewatch.security.tokens[0].roles", "operator,auditor"));
        assertThat(c.matchToken(token)).hasValueSatisfying(t -> {
            assertThat(t.name()).isEqualTo("ci");
            assertThat(t.roles()).containsExactlyInAnyOrder(Role.OPERATOR, Role.AUDITOR);
        });
        assertThat(c.matchToken(token + "x")).isEmpty();
        assertThat(c.describe()).doesNotContain(TokenHash.sha256Hex(token)).contains("ci");
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void shouldNameTheKeyOfEachWrongEntry() {
        assertWrong(Map.of("sitewatch.security.tokens[0].name", "ci", "sitewatch.security.tokens[0].sha256", HASH,
                "sitewatch.security.tokens[0].roles", "oprator"), "sitewatch.security.tokens[0].roles: unknown role 'oprator'");
        assertWrong(Map.of("sitewatch.security.tokens[0].name", "ci", "sitewatch.security.tokens[0].sha256", "abc",
                "sitewatch.security.tokens[0].roles", "viewer"), "sitewatch.security.tokens[0].sha256: must be the token's SHA-256");
        assertWrong(Map.of("sitewatch.security.tokens[0].name", "ci", "sitewatch.security.tokens[0].roles", "viewer"),
                "sitewatch.security.tokens[0]: give either sha256");
        assertWrong(Map.of("sitewatch.security.tokens[0].sha256", HASH, "sitewatch.security.tokens[0].roles", "viewer"),
                "sitewatch.security.tokens[0].name: is required");
        assertWrong(Map.of("sitewatch.security.tokens[0].name", "ci", "sitewatch.security.tokens[0].sha256", HASH),
                "sitewatch.security.tokens[0].roles: give at least one role");
        assertWrong(Map.of("sitewatch.security.users[0].name", "alice", "sitewatch.security.users[0].password-hash", "hunter2",
                "sitewatch.security.users[0].roles", "viewer"), "sitewatch.security.users[0].password-hash: must be a bcrypt hash");
        assertWrong(Map.of("sitewatch.security.users[0].name", "ci", "sitewatch.security.users[0].password-hash", BCRYPT,
                "sitewatch.security.users[0].roles", "viewer", "sitewatch.security.tokens[0].name", "ci",
                "sitewatch.security.tokens[0].sha256", HASH, "sitewatch.security.tokens[0].roles", "viewer"),
                "sitewatch.security.users[0].name: 'ci' is already the name of sitewatch.security.tokens[0]");
        assertWrong(Map.of("sitewatch.security.admin-token-file", dir.resolve("missing").toString()),
                "sitewatch.security.admin-token-file: cannot read");
    }

    @Test
    void shouldNeverEchoAPlainPasswordPutWhereTheHashBelongs() {
        assertThatThrownBy(() -> load(Map.of("sitewatch.security.users[0].name", "alice",
                "sitewatch.security.users[0].password-hash", "MySecretPassword1", "sitewatch.security.users[0].roles", "viewer")))
                .hasMessageNotContaining("MySecretPassword1");
    }

    @Test
    void shouldReadFilesAndNameTheLineOfAWrongEntry() throws Exception {
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, "# comment\n\nci " + HASH + " viewer,operator\nbad " + HASH + "\n");
        assertWrong(Map.of("sitewatch.security.tokens-file", tokens.toString()),
                "sitewatch.security.tokens-file " + tokens + " line 4: expected three fields");
        Files.writeString(tokens, "ci " + HASH + " viewer,operator\n");
        assertThat(load(Map.of("sitewatch.security.tokens-file", tokens.toString())).tokens()).singleElement()
                .satisfies(t -> assertThat(t.roles()).containsExactlyInAnyOrder(Role.VIEWER, Role.OPERATOR));

        Path users = dir.resolve("users");
        Files.writeString(users, "alice " + BCRYPT + " viewer\n");
        assertThat(load(Map.of("sitewatch.security.users-file", users.toString())).users()).singleElement()
                .satisfies(u -> assertThat(u.passwordHash()).isEqualTo("{bcrypt}" + BCRYPT));

        Path shortToken = dir.resolve("short");
        Files.writeString(shortToken, "abc123\n");
        assertWrong(Map.of("sitewatch.security.admin-token-file", shortToken.toString()), "is too short");
    }

    @Test
    void shouldStopTheApplicationWithTheKeyOfAWrongSetting() {
        Map<String, Object> props = new HashMap<>(Map.of("server.port", "0",
                "sitewatch.security.metrics-access", "sometimes"));
        assertThatThrownBy(() -> new SpringApplicationBuilder(SecurityTestApp.class).properties(props).run().close())
                .rootCause().hasMessage("sitewatch.security.metrics-access: must be role, viewer or open, got 'sometimes'");
        assertThatThrownBy(() -> new SpringApplicationBuilder(SecurityTestApp.class).properties(Map.of("server.port", "0",
                "sitewatch.security.jwt.public-key-file", "/nonexistent.pem",
                "sitewatch.security.jwt.role-mapping[ops]", "operators")).run().close())
                .rootCause().hasMessageContaining("sitewatch.security.jwt.role-mapping[ops]: unknown role 'operators'");
    }

    private void assertWrong(Map<String, String> properties, String message) {
        assertThatThrownBy(() -> load(properties)).isInstanceOf(SecurityConfigurationException.class).hasMessageContaining(message);
    }
}
