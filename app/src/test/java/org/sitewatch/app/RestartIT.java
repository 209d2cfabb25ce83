package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.simulator.Scenario;

/** A second start of the embedded default reuses its data folder: same Kafka cluster, same views. */
class RestartIT {

    @TempDir
    Path dataDir;

    @Test
    void shouldReuseTheDataFolderOnASecondStart() throws Exception {
        Scenario scenario = Scenario.loadResource("/scenarios/e2e-replication-failure.yaml");
        Map<String, String> fast = Map.of("sitewatch.streams.commit-interval", "100ms",
                "sitewatch.security.anonymous-viewer", "true");
        String clusterIdBefore;
        try (EmbeddedStack first = new EmbeddedStack(new EmbeddedStack.Settings(dataDir, null, 0, 0, 0, scenario,
                Duration.ofMillis(500), fast)).start()) {
            SitesApi api = new SitesApi(first.httpPort());
            await().atMost(Duration.ofSeconds(90)).until(() -> api.get("/api/sites").map(n -> n.path("sites").size()).orElse(0) == 2);
            clusterIdBefore = clusterId();
        }

        try (EmbeddedStack second = new EmbeddedStack(new EmbeddedStack.Settings(dataDir, null, 0, 0, 0, scenario,
                Duration.ofMillis(500), fast)).start()) {
            assertThat(clusterId()).isEqualTo(clusterIdBefore);
            SitesApi api = new SitesApi(second.httpPort());
            // Both sites are back as soon as the stores are restored, before any new poll is needed.
            await().atMost(Duration.ofSeconds(90)).until(() -> api.get("/api/sites").map(n -> n.path("sites").size()).orElse(0) == 2);
            JsonNode sites = api.get("/api/sites").orElseThrow();
            assertThat(sites.toString()).contains("e2e-a", "e2e-b");
        }
    }

    private String clusterId() throws Exception {
        try (var files = Files.walk(dataDir.resolve("kafka"))) {
            Path meta = files.filter(p -> p.getFileName().toString().equals("meta.properties")).findFirst().orElseThrow();
            return Files.readAllLines(meta).stream().filter(l -> l.startsWith("cluster.id=")).findFirst().orElseThrow();
        }
    }
}
