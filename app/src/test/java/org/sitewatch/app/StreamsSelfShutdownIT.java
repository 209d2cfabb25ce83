package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.dashboard.Dashboards;
import org.sitewatch.events.Json;
import org.sitewatch.events.Topics;
import org.sitewatch.security.TokenHash;
import org.sitewatch.testsupport.PrometheusProcess;
import org.sitewatch.testsupport.TestKafka;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Kafka Streams shutting itself down for real, in the streams app as {@code sitewatch streams} runs it
 * (security on): a source topic deleted under it makes the next rebalance fail with
 * {@code MissingSourceTopicException}, the uncaught-exception handler shuts the client down (ERROR).
 * Then {@code /actuator/health} is DOWN (503) and its {@code streams} component says the state and
 * the cause, {@code sitewatch_component_up{part="streams"}} is 0, and a real Prometheus with the
 * shipped rules has SitewatchStreamsNotRunning pending (its {@code for: 2m} is not waited out).
 */
class StreamsSelfShutdownIT {

    @TempDir
    Path dir;

    @Test
    void shouldReportAStreamsClientThatShutItselfDownInHealthMetricsAndTheSelfAlert() throws Exception {
        String admin = TokenHash.newToken();
        Path adminFile = Files.writeString(dir.resolve("admin-token"), admin + "\n");
        Path scrapeToken = Files.writeString(dir.resolve("scrape-token"), TokenHash.newToken() + "\n");

        try (TestKafka kafka = TestKafka.start(dir.resolve("kafka"));
             ConfigurableApplicationContext app = SpringLauncher.start(streamsApp(kafka, adminFile, scrapeToken), List.of());
             PrometheusProcess prometheus = PrometheusProcess.start(Dashboards.PROMETHEUS_DIR, dir.resolve("prometheus"),
                     List.of("127.0.0.1:" + port(app)))) {
            // Prometheus reads its copy's secrets/scrape-token at every scrape: give it the token the app accepts.
            Files.copy(scrapeToken, dir.resolve("prometheus/config/secrets/scrape-token"), StandardCopyOption.REPLACE_EXISTING);
            URI base = URI.create("http://127.0.0.1:" + port(app));
            HttpClient http = HttpClient.newHttpClient();
            await("streams UP").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(health(http, base, admin).path("components").path("streams").path("status").asText()).isEqualTo("UP"));
            await("Prometheus sees the streams app up").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                    .until(() -> value(prometheus, "sitewatch_component_up{part=\"streams\"}").equals("1"));

            kafka.admin().deleteTopics(List.of(Topics.HA.name())).all().get();

            await("streams DOWN").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                JsonNode streams = health(http, base, admin).path("components").path("streams");
                assertThat(streams.path("status").asText()).isEqualTo("DOWN");
                assertThat(streams.path("details").path("state").asText()).isEqualTo("ERROR");
                assertThat(streams.path("details").path("cause").asText()).contains("MissingSourceTopicException");
            });
            // Anyone sees the status (not the details): DOWN answers 503, so a load balancer's probe notices.
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(base.resolve("/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(503);
            assertThat(Json.MAPPER.readTree(anonymous.body()).path("status").asText()).isEqualTo("DOWN");
            assertThat(Json.MAPPER.readTree(anonymous.body()).has("components")).isFalse();
            assertThat(app.getBean(MeterRegistry.class).get("sitewatch.component.up").tag("part", "streams").gauge().value())
                    .isZero();

            await("SitewatchStreamsNotRunning pending").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !prometheus.query("ALERTS{alertname=\"SitewatchStreamsNotRunning\", part=\"streams\"}")
                            .path("data").path("result").isEmpty());
            assertThat(value(prometheus, "sitewatch_component_up{part=\"streams\"}")).isEqualTo("0");
        }
    }

    /** The streams app as {@code sitewatch streams} starts it, on a free port, with an admin and a scrape token. */
    private Map<String, String> streamsApp(TestKafka kafka, Path adminFile, Path scrapeToken) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("sitewatch.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("sitewatch.collectors.enabled", "false");
        properties.put("sitewatch.streams.application-id", "sitewatch-it-" + UUID.randomUUID());
        properties.put("sitewatch.streams.state-dir", dir.resolve("state").toString());
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("sitewatch.security.admin-token-file", adminFile.toString());
        properties.put("sitewatch.security.tokens[0].name", "prometheus");
        properties.put("sitewatch.security.tokens[0].file", scrapeToken.toString());
        properties.put("sitewatch.security.tokens[0].roles", "metrics");
        return properties;
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static JsonNode health(HttpClient http, URI base, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/actuator/health"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(response.body());
    }

    private static String value(PrometheusProcess prometheus, String promql) {
        JsonNode result = prometheus.query(promql).path("data").path("result");
        return result.isEmpty() ? "" : result.get(0).path("value").get(1).asText();
    }
}
