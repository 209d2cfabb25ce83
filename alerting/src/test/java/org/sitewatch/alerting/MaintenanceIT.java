package org.sitewatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sitewatch.alerting.support.TestAlerts.firing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.alerting.health.ComponentHealthIndicator;
import org.sitewatch.alerting.maintenance.KafkaMaintenanceLog;
import org.sitewatch.alerting.maintenance.MaintenanceWindows;
import org.sitewatch.alerting.support.AlertingTestApp;
import org.sitewatch.alerting.support.WebhookReceiver;
import org.sitewatch.events.Alert;
import org.sitewatch.events.Json;
import org.sitewatch.events.KafkaClientSettings;
import org.sitewatch.testsupport.AlertmanagerProcess;
import org.sitewatch.testsupport.RunningApp;
import org.sitewatch.testsupport.TestKafka;
import org.springframework.boot.health.contributor.Status;

/**
 * Maintenance windows over REST against the real parts: an alert inside a window is listed as
 * suppressed and reaches neither Alertmanager nor the webhook; when the window ends (or is deleted)
 * and the alert still fires, it is delivered. Windows survive a dispatcher restart (they live in
 * the maintenance topic), and an episode that fired and resolved inside a window stays invisible.
 */
class MaintenanceIT {

    private static final String SECRET = "it-maintenance-secret-0123";

    @TempDir
    static Path tmp;

    static TestKafka kafka;
    static AlertmanagerProcess am;

    @BeforeAll
    static void start() throws Exception {
        kafka = TestKafka.start(tmp.resolve("kafka"));
        am = AlertmanagerProcess.start(tmp.resolve("alertmanager"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (am != null) {
            am.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldSuppressAlertsInsideAWindowAndDeliverThemWhenItEnds() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Alert lyon = firing("HaHostFailed", "lyon", "critical", now, Map.of("host", "pve2"));
        Alert paris = firing("CollectorDown", "paris", "warning", now);

        try (WebhookReceiver receiver = new WebhookReceiver(SECRET);
             RunningApp app = RunningApp.start(AlertingTestApp.class, dispatcher("maintenance-end", receiver))) {
            HttpResponse<String> created = app.http().send("POST", "/api/maintenance",
                    "{\"site\":\"lyon\",\"duration\":\"PT8S\",\"reason\":\"host swap\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            Instant windowEnd = Instant.parse(Json.MAPPER.readTree(created.body()).path("endsAt").asText());

            kafka.sendAlerts(lyon, paris);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.seen("CollectorDown", "firing")
                    && am.labelsOf("CollectorDown") != null);
            JsonNode listed = app.http().getJson("/api/alerts?site=lyon");
            assertThat(listed.get(0).path("suppressed").asBoolean()).isTrue();
            assertThat(listed.get(0).path("pendingTargets")).hasSize(2);
            assertThat(receiver.seen("HaHostFailed", "firing")).isFalse();
            assertThat(am.labelsOf("HaHostFailed")).isNull();
            assertThat(app.meter("sitewatch.alerts.suppressed")).isEqualTo(1.0);

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.seen("HaHostFailed", "firing")
                    && am.labelsOf("HaHostFailed") != null);
            assertThat(receiver.first("HaHostFailed", "firing").at()).isAfterOrEqualTo(windowEnd);
            assertThat(app.http().getJson("/api/alerts?site=lyon").get(0).path("suppressed").asBoolean()).isFalse();
        }
    }

    @Test
    void shouldKeepWindowsAcrossRestartsAndDeliverWhenOneIsDeleted() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Alert lasting = firing("ReplicationFailed", "nice", "critical", now, Map.of("item", "201-0"));
        Alert blip = firing("ReplicationRpoBreached", "nice", "critical", now, Map.of("item", "200-0"));

        try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            try (RunningApp first = RunningApp.start(AlertingTestApp.class, dispatcher("maintenance-delete", receiver))) {
                HttpResponse<String> created = first.http().send("POST", "/api/maintenance",
                        "{\"id\":\"nice-fibre\",\"site\":\"nice\",\"duration\":\"PT1H\",\"reason\":\"fibre cut repair\"}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                kafka.sendAlerts(lasting);
                await().atMost(Duration.ofSeconds(30)).until(() -> first.http().getJson("/api/alerts?site=nice").size() == 1);
            }

            try (RunningApp second = RunningApp.start(AlertingTestApp.class, dispatcher("maintenance-delete", receiver))) {
                // The window came back from the maintenance topic; the held alert was read again and is still held.
                JsonNode windows = second.http().getJson("/api/maintenance");
                assertThat(windows.toString()).contains("nice-fibre").contains("fibre cut repair");
                kafka.sendAlerts(blip);
                kafka.sendAlerts(blip.resolved(now.plusSeconds(2), null));
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    JsonNode nice = second.http().getJson("/api/alerts?site=nice");
                    assertThat(nice).hasSize(2);
                    assertThat(nice.get(0).path("suppressedBy").get(0).asText()).isEqualTo("nice-fibre");
                    assertThat(nice.get(1).path("state").asText()).isEqualTo("RESOLVED");
                });
                assertThat(receiver.received()).noneMatch(r -> r.alertname().startsWith("Replication"));
                assertThat(am.labelsOf("ReplicationFailed")).isNull();

                assertThat(second.http().send("DELETE", "/api/maintenance/nice-fibre", null).statusCode()).isEqualTo(204);
                await().atMost(Duration.ofSeconds(30)).until(() -> receiver.seen("ReplicationFailed", "firing")
                        && am.labelsOf("ReplicationFailed") != null);
                // Fired and resolved inside the window: nobody is told, neither now nor later.
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() ->
                        !receiver.seen("ReplicationRpoBreached", "firing") && !receiver.seen("ReplicationRpoBreached", "resolved"));
                assertThat(receiver.count("ReplicationFailed", "firing")).isEqualTo(1);
            }
        }
    }

    @Test
    void shouldSayWhenTheMaintenanceLogReaderDied() {
        AtomicBoolean breakReader = new AtomicBoolean();
        MaintenanceWindows windows = new MaintenanceWindows(List.of(), Duration.ofHours(1));
        KafkaMaintenanceLog log = new KafkaMaintenanceLog(KafkaClientSettings.of(kafka.bootstrapServers()), windows,
                Duration.ofSeconds(30), config -> new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer()) {
                    @Override
                    public ConsumerRecords<String, byte[]> poll(Duration timeout) {
                        if (breakReader.get()) {
                            throw new IllegalStateException("a bug in the reader");
                        }
                        return super.poll(timeout);
                    }
                });
        log.start();
        try {
            ComponentHealthIndicator indicator = new ComponentHealthIndicator(() -> List.of(log.health()), Map::of);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

            breakReader.set(true);
            await().atMost(Duration.ofSeconds(10)).until(() -> indicator.health().getStatus().equals(Status.DOWN));
            assertThat(indicator.health().getDetails()).containsKey("diedAt")
                    .containsEntry("error", "IllegalStateException: a bug in the reader");
        } finally {
            log.stop();
        }
    }

    private static Map<String, String> dispatcher(String group, WebhookReceiver receiver) {
        Map<String, String> p = new HashMap<>();
        p.put("sitewatch.kafka.bootstrap-servers", kafka.bootstrapServers());
        p.put("sitewatch.alerting.group-id", group);
        p.put("sitewatch.alerting.alertmanager.urls", am.url().toString());
        p.put("sitewatch.alerting.alertmanager.resend-interval", "1s");
        p.put("sitewatch.alerting.webhooks[0].url", receiver.url().toString());
        p.put("sitewatch.alerting.webhooks[0].secret", SECRET);
        p.put("sitewatch.alerting.poll-interval", "100ms");
        return p;
    }
}
