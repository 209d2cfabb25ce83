package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.Json;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@code docker compose --profile simulator up --build} as a user runs it, on a machine with Docker
 * (skipped cleanly without one; {@code ComposeFileTest} checks the file's structure everywhere): the
 * simulated sites reach the streams app through Kafka, Prometheus scrapes both apps (with the scrape token
 * the secrets service made), Grafana serves the provisioned dashboards on the provisioned Prometheus, and
 * Alertmanager is up (reached inside the compose network: it is not published).
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeStackIT {

    private static final File COMPOSE_FILE = Path.of("..", "docker-compose.yml").toAbsolutePath().normalize().toFile();
    private static final String GRAFANA_PASSWORD = "compose-it-" + java.util.UUID.randomUUID();

    /**
     * The stack as shipped, with the two explicit choices a demo makes: anyone may view the streams app (this test
     * reads it without a token), and Grafana's admin password is chosen (else the secrets service makes one).
     */
    @Container
    static final ComposeContainer STACK = new ComposeContainer(COMPOSE_FILE)
            .withEnv("COMPOSE_PROFILES", "simulator")
            .withEnv("SITEWATCH_ANONYMOUS_VIEWER", "true")
            .withEnv("GRAFANA_ADMIN_PASSWORD", GRAFANA_PASSWORD)
            .withBuild(true)
            .withRemoveVolumes(true)
            .withStartupTimeout(Duration.ofMinutes(10))
            .withExposedService("streams-1", 8080, Wait.forHttp("/actuator/health").forStatusCode(200))
            .withExposedService("prometheus-1", 9090, Wait.forHttp("/-/ready").forStatusCode(200))
            .withExposedService("alertmanager-1", 9093, Wait.forHttp("/-/ready").forStatusCode(200))
            .withExposedService("grafana-1", 3000, Wait.forHttp("/api/health").forStatusCode(200));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldShowTheSimulatedSitesThroughKafkaInTheStreamsApp() {
        await("nine sites in /api/sites").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> json(url("streams", 8080, "/api/sites"), null).path("sites").size() == 9);
        assertThat(text(url("streams", 8080, "/"))).contains("Sitewatch status");
        // between sites: vSphere Replication vCenter to vCenter and on-prem to VMware Cloud, Hyper-V Replica,
        // Azure Site Recovery (its vault on the simulator's own HTTPS port, trusted through the shared certificate)
        await("the vSphere, Hyper-V and Azure pairs in /api/site-pairs").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> json(url("streams", 8080, "/api/site-pairs"), null).path("pairs").findValuesAsText("pair")
                        .containsAll(java.util.List.of("berlin-dc3->madrid-dr", "madrid-dr->vmc-frankfurt",
                                "oslo-dc4->stockholm-dr", "oslo-dc4->azure-neu")));
    }

    @Test
    void shouldScrapeBothAppsWithTheProjectsPrometheusConfiguration() {
        await("both apps scraped and up").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> prometheus("sum(up{job=\"sitewatch\"})").path("data").path("result").path(0).path("value").path(1)
                        .asText().equals("2"));
        await("site health recorded").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> prometheus("site:sitewatch_site_health:code").path("data").path("result").size() == 9);
    }

    @Test
    void shouldServeTheProvisionedDashboardsOnTheProvisionedPrometheus() {
        String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + GRAFANA_PASSWORD).getBytes(StandardCharsets.UTF_8));
        JsonNode found = json(url("grafana", 3000, "/api/search?tag=sitewatch"), admin);
        assertThat(found.size()).isEqualTo(4);
        for (String uid : new String[] {"sitewatch-overview", "sitewatch-site", "sitewatch-replication", "sitewatch-pipeline"}) {
            assertThat(json(url("grafana", 3000, "/api/dashboards/uid/" + uid), admin).path("dashboard").path("uid").asText())
                    .isEqualTo(uid);
        }
        await("Grafana's data source answers").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> json(url("grafana", 3000, "/api/datasources/uid/sitewatch-prometheus/health"), admin)
                        .path("status").asText().equals("OK"));
    }

    private JsonNode prometheus(String promql) {
        return json(url("prometheus", 9090, "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)), null);
    }

    private static String url(String service, int port, String path) {
        // compose v2 names the first container of a service "<service>-1"
        String instance = service + "-1";
        return "http://" + STACK.getServiceHost(instance, port) + ":" + STACK.getServicePort(instance, port) + path;
    }

    private JsonNode json(String url, String authorization) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return Json.MAPPER.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (java.io.IOException e) {
            return Json.MAPPER.createObjectNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String text(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
