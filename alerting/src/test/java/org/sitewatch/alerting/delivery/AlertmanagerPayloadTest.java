package org.sitewatch.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.alerting.support.TestAlerts.T0;
import static org.sitewatch.alerting.support.TestAlerts.firing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.Alert;
import org.sitewatch.events.Json;

class AlertmanagerPayloadTest {

    private static final Instant NOW = T0.plusSeconds(30);

    @Test
    void shouldSendFiringAlertsValidForFourResendIntervals() throws Exception {
        Alert a = firing("ReplicationRpoBreached", "paris", "critical", T0, Map.of("peer_site", "lyon", "vm", "100"));
        JsonNode json = Json.MAPPER.readTree(Json.bytes(
                AlertmanagerPayload.map(List.of(a), NOW, Duration.ofMinutes(1), null)));

        assertThat(json.isArray()).isTrue();
        JsonNode first = json.get(0);
        assertThat(first.path("labels").path("alertname").asText()).isEqualTo("ReplicationRpoBreached");
        assertThat(first.path("labels").path("peer_site").asText()).isEqualTo("lyon");
        assertThat(first.path("annotations").path("runbook_url").asText()).startsWith("https://");
        assertThat(first.path("startsAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(first.path("endsAt").asText()).isEqualTo("2026-01-01T00:04:30Z");
        assertThat(first.path("generatorURL").asText()).isEqualTo("/api/sites/paris");
        assertThat(first.has("fingerprint")).as("Alertmanager computes its own").isFalse();
        assertThat(first.has("state")).isFalse();
    }

    @Test
    void shouldSendResolvedAlertsWithTheirRealEnd() {
        Alert a = firing("CollectorDown", "paris", "warning", T0).resolved(T0.plusSeconds(20), null);
        var mapped = AlertmanagerPayload.map(List.of(a), NOW, Duration.ofMinutes(1), null).get(0);
        assertThat(mapped.endsAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(mapped.startsAt()).isEqualTo(T0);
    }

    @Test
    void shouldMakeRelativeGeneratorUrlsAbsoluteWithTheExternalUrl() {
        URI external = URI.create("https://sitewatch.example.org");
        assertThat(AlertmanagerPayload.absolute("/api/sites/paris", external)).isEqualTo("https://sitewatch.example.org/api/sites/paris");
        assertThat(AlertmanagerPayload.absolute("http://other/x", external)).isEqualTo("http://other/x");
        assertThat(AlertmanagerPayload.absolute("/api/sites/paris", null)).isEqualTo("/api/sites/paris");
        assertThat(AlertmanagerPayload.absolute(null, external)).isNull();
    }

    @Test
    void shouldPostToTheV2EndpointUnderAnyPathPrefix() {
        assertThat(AlertmanagerClient.alertsEndpoint(URI.create("http://am:9093"))).hasToString("http://am:9093/api/v2/alerts");
        assertThat(AlertmanagerClient.alertsEndpoint(URI.create("http://gw/alertmanager/")))
                .hasToString("http://gw/alertmanager/api/v2/alerts");
    }

    @Test
    void shouldShapeTheWebhookBody() throws Exception {
        Alert a = firing("CollectorDown", "paris", "warning", T0);
        JsonNode json = Json.MAPPER.readTree(Json.bytes(WebhookPayload.of(List.of(a, a.resolved(NOW, null)))));
        assertThat(json.path("version").asText()).isEqualTo("1");
        assertThat(json.path("alerts").get(0).path("status").asText()).isEqualTo("firing");
        assertThat(json.path("alerts").get(0).has("endsAt")).isFalse();
        assertThat(json.path("alerts").get(1).path("status").asText()).isEqualTo("resolved");
        assertThat(json.path("alerts").get(1).path("fingerprint").asText()).isEqualTo(a.fingerprint());
    }
}
