package org.sitewatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sitewatch.alerting.support.TestAlerts.firing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.alerting.support.AlertingTestApp;
import org.sitewatch.events.Alert;
import org.sitewatch.testsupport.AlertmanagerProcess;
import org.sitewatch.testsupport.RunningApp;
import org.sitewatch.testsupport.TestKafka;

/**
 * Alerts produced to {@code sitewatch.alerts} reach a real Alertmanager 0.25 with their labels,
 * resolve there, and survive an Alertmanager outage: every alert that fired while it was down
 * arrives once it is back on the same port and storage.
 */
class AlertmanagerDeliveryIT {

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

    private static Map<String, String> dispatcher(String group) {
        Map<String, String> p = new HashMap<>();
        p.put("sitewatch.kafka.bootstrap-servers", kafka.bootstrapServers());
        p.put("sitewatch.alerting.group-id", group);
        p.put("sitewatch.alerting.alertmanager.urls", am.url().toString());
        p.put("sitewatch.alerting.alertmanager.resend-interval", "1s");
        p.put("sitewatch.alerting.external-url", "http://sitewatch.test:8080");
        p.put("sitewatch.alerting.retry.initial-backoff", "100ms");
        p.put("sitewatch.alerting.retry.max-backoff", "500ms");
        p.put("sitewatch.alerting.retry.max-attempts", "3");
        p.put("sitewatch.alerting.poll-interval", "100ms");
        return p;
    }

    @Test
    void shouldShowFiringAlertsWithTheirLabelsThenResolveThem() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Alert rpo = firing("ReplicationRpoBreached", "paris", "critical", now,
                Map.of("peer_site", "lyon", "vm", "100", "item", "100-0", "platform", "proxmox"));
        Alert host = firing("HaHostFailed", "paris", "warning", now, Map.of("cluster", "pve-a", "host", "pve1"));
        try (RunningApp app = RunningApp.start(AlertingTestApp.class, dispatcher("am-fire-resolve"))) {
            kafka.sendAlerts(rpo, host);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(am.labelsOf("ReplicationRpoBreached")).isEqualTo(rpo.labels());
                assertThat(am.labelsOf("HaHostFailed")).isEqualTo(host.labels());
            });
            JsonNode inAm = am.alert("ReplicationRpoBreached");
            assertThat(inAm.path("status").path("state").asText()).isEqualTo("active");
            assertThat(inAm.path("annotations").path("summary").asText()).isEqualTo("ReplicationRpoBreached at paris");
            assertThat(inAm.path("annotations").path("runbook_url").asText()).startsWith("https://");
            assertThat(Instant.parse(inAm.path("startsAt").asText())).isEqualTo(now);
            assertThat(inAm.path("generatorURL").asText()).isEqualTo("http://sitewatch.test:8080/api/sites/paris");
            // Valid for 4 resend intervals only: Alertmanager resolves it by itself if Sitewatch goes away.
            assertThat(Instant.parse(inAm.path("endsAt").asText())).isBefore(Instant.now().plusSeconds(5));

            kafka.sendAlerts(rpo.resolved(Instant.now(), null));
            await().atMost(Duration.ofSeconds(30)).until(() -> am.labelsOf("ReplicationRpoBreached") == null);

            // The other one stays active well past its first endsAt: it is re-sent every second.
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8))
                    .until(() -> am.labelsOf("HaHostFailed") != null);
            JsonNode listed = app.http().getJson("/api/alerts?site=paris");
            assertThat(listed).hasSize(2);
            assertThat(listed.get(0).path("labels").path("alertname").asText()).isEqualTo("HaHostFailed");
            assertThat(listed.get(1).path("state").asText()).isEqualTo("RESOLVED");
            assertThat(app.meter("sitewatch.alert.deliveries", "target", "alertmanager", "outcome", "success"))
                    .isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void shouldDeliverEveryAlertThatFiredWhileAlertmanagerWasDown() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Alert before = firing("CollectorDown", "nice", "warning", now);
        List<Alert> meanwhile = List.of(
                firing("ReplicationFailed", "nice", "critical", now, Map.of("item", "101-0")),
                firing("HaQuorumLost", "nice", "critical", now, Map.of("cluster", "pve-n")),
                firing("SiteUnknown", "nice", "critical", now));
        Alert whileDown = firing("TestFailoverOverdue", "nice", "info", now, Map.of("peer_site", "nice-dr"));

        try (RunningApp app = RunningApp.start(AlertingTestApp.class, dispatcher("am-outage"))) {
            kafka.sendAlerts(before);
            await().atMost(Duration.ofSeconds(30)).until(() -> am.labelsOf("CollectorDown") != null);

            am.stop();
            kafka.sendAlerts(meanwhile.toArray(Alert[]::new));
            // Retries run out: the target's worker keeps retrying every max-backoff, its state changes owed.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(app.meter("sitewatch.alert.delivery.failures.in.a.row", "target", "alertmanager"))
                        .isGreaterThanOrEqualTo(3);
                assertThat(app.meter("sitewatch.alert.delivery.backlog", "target", "alertmanager")).isEqualTo(3);
            });
            kafka.sendAlerts(whileDown);
            // Still read while the target is down: the new state change joins its backlog.
            await().atMost(Duration.ofSeconds(10)).until(
                    () -> app.meter("sitewatch.alert.delivery.backlog", "target", "alertmanager") == 4);

            am.start();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (Alert a : meanwhile) {
                    assertThat(am.labelsOf(a.alertname())).as(a.alertname()).isEqualTo(a.labels());
                }
                assertThat(am.labelsOf("TestFailoverOverdue")).isEqualTo(whileDown.labels());
                // Alertmanager keeps alerts in memory only: the one from before the outage is back by re-sending.
                assertThat(am.labelsOf("CollectorDown")).isEqualTo(before.labels());
            });
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(app.meter("sitewatch.alert.delivery.failures.in.a.row", "target", "alertmanager")).isZero();
                assertThat(app.meter("sitewatch.alert.delivery.backlog", "target", "alertmanager")).isZero();
                assertThat(app.meter("sitewatch.alert.delivery.pending")).isZero();
            });
            assertThat(app.meter("sitewatch.alert.deliveries", "target", "alertmanager", "outcome", "failure"))
                    .isGreaterThanOrEqualTo(3);
        }
    }
}
