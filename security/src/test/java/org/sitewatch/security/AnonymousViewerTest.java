package org.sitewatch.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The explicit choices: anonymous viewing on, metrics open, and only an admin token. Anonymous callers
 * view; they never write, read the audit, or see health details.
 */
@SpringBootTest(classes = SecurityTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sitewatch.security.anonymous-viewer=true", "sitewatch.security.metrics-access=open",
                "management.endpoints.web.exposure.include=health,prometheus",
                "management.endpoint.health.show-details=when-authorized"})
class AnonymousViewerTest {

    static final String ADMIN_TOKEN = TokenHash.newToken();

    @DynamicPropertySource
    static void adminToken(DynamicPropertyRegistry registry) throws Exception {
        Path file = Files.createTempFile("admin-token", "");
        Files.writeString(file, ADMIN_TOKEN);
        registry.add("sitewatch.security.admin-token-file", file::toString);
    }

    @Autowired
    Environment environment;

    @Test
    void shouldLetAnonymousCallersViewOnly() {
        Http http = new Http(Integer.parseInt(environment.getRequiredProperty("local.server.port")));
        assertThat(http.call("GET", "/api/sites", null).statusCode()).isEqualTo(200);
        assertThat(http.call("GET", "/api/maintenance", null).statusCode()).isEqualTo(200);
        assertThat(http.call("GET", "/actuator/prometheus", null).statusCode()).isEqualTo(200);

        var write = http.call("POST", "/api/maintenance", null);
        assertThat(write.statusCode()).as("anonymous is not authenticated: 401, not 403").isEqualTo(401);
        assertThat(write.headers().allValues("WWW-Authenticate")).contains("Bearer realm=\"sitewatch\"");
        assertThat(http.call("DELETE", "/api/maintenance/x", null).statusCode()).isEqualTo(401);
        assertThat(http.call("GET", "/api/audit/events?from=-1h", null).statusCode()).isEqualTo(401);
        assertThat(http.call("GET", "/actuator/health", null).body()).doesNotContain("components");

        assertThat(http.call("POST", "/api/maintenance", "Bearer " + ADMIN_TOKEN).statusCode()).isEqualTo(201);
        assertThat(http.call("GET", "/actuator/health", "Bearer " + ADMIN_TOKEN).body()).contains("components");
        // a wrong token is refused even where anonymous callers are let in
        assertThat(http.call("GET", "/api/sites", "Bearer " + TokenHash.newToken()).statusCode()).isEqualTo(401);
    }
}
