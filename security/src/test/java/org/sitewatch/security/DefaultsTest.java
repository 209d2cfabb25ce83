package org.sitewatch.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/** Nothing configured: everything but the status page's files and health is refused, metrics included. */
@SpringBootTest(classes = SecurityTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoints.web.exposure.include=health,prometheus")
class DefaultsTest {

    @Autowired
    Environment environment;

    @Test
    void shouldRefuseEverythingButThePageAndHealthWhenNothingIsConfigured() {
        Http http = new Http(Integer.parseInt(environment.getRequiredProperty("local.server.port")));
        for (String path : new String[] {"/api/sites", "/api/maintenance", "/api/audit/state?at=-1h", "/actuator/prometheus",
                "/v3/api-docs", "/runbooks"}) {
            assertThat(http.call("GET", path, null).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(http.call("POST", "/api/maintenance", null).statusCode()).isEqualTo(401);
        assertThat(http.call("GET", "/", null).statusCode()).isEqualTo(200);
        assertThat(http.call("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
        // no Spring Boot default user with a generated password: basic is not even offered
        assertThat(http.call("GET", "/api/sites", TestIdentities.basic("user", "x")).headers().allValues("WWW-Authenticate"))
                .noneMatch(c -> c.startsWith("Basic"));
    }
}
