package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitewatch.simulator.Scenario;

/**
 * docker-compose.yml cannot run here (no Docker engine), so its structure is checked instead: the
 * services, that Sitewatch (not the broker) creates topics, and that every file it mounts exists.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void shouldDeclareTheStackWithTopicsCreatedBySitewatch() throws Exception {
        JsonNode compose = yaml(ROOT.resolve("docker-compose.yml"));
        JsonNode services = compose.path("services");
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names).contains("kafka", "simulator", "collectors", "streams");
        assertThat(services.path("kafka").path("image").asText()).startsWith("apache/kafka:");
        assertThat(services.path("kafka").path("environment").path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText()).isEqualTo("false");
        assertThat(services.path("simulator").path("profiles").toString()).contains("simulator");
        for (String app : List.of("collectors", "streams")) {
            assertThat(services.path(app).path("environment").path("SITEWATCH_KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:9092");
            assertThat(services.path(app).path("healthcheck").isMissingNode()).isFalse();
        }
        assertThat(Files.exists(ROOT.resolve("Dockerfile"))).isTrue();
    }

    @Test
    void shouldMountOnlyFilesThatExistInTheRepository() throws Exception {
        JsonNode services = yaml(ROOT.resolve("docker-compose.yml")).path("services");
        List<String> mounts = new ArrayList<>();
        services.forEach(s -> s.path("volumes").forEach(v -> mounts.add(v.asText())));
        for (String mount : mounts) {
            String source = mount.split(":")[0];
            if (source.startsWith("./")) {
                assertThat(ROOT.resolve(source)).as(mount).exists();
            }
        }
        assertThat(mounts).anyMatch(m -> m.startsWith("./"));
    }

    @Test
    void shouldPointTheExampleCollectorConfigAtTheDefaultScenarioSitesAndTokens() throws Exception {
        JsonNode endpoints = yaml(ROOT.resolve("app/src/main/resources/examples/collectors-simulator.yml"))
                .path("sitewatch").path("collectors").path("endpoints");
        Scenario scenario = Scenario.loadResource(ScenarioOption.DEFAULT);
        assertThat(endpoints.size()).isEqualTo(scenario.sites().size());
        for (JsonNode e : endpoints) {
            String site = e.path("site").asText();
            assertThat(scenario.site(site)).as(site).isNotNull();
            assertThat(e.path("url").asText()).isEqualTo("http://simulator:8006/" + site + "/api2/json");
            assertThat(e.path("api-token").asText()).isEqualTo(scenario.site(site).token());
        }
    }

    private static JsonNode yaml(Path file) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    }
}
