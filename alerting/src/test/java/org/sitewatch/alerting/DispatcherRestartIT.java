package org.sitewatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sitewatch.alerting.support.AlertsOffsets.committed;
import static org.sitewatch.alerting.support.AlertsOffsets.endOffsets;
import static org.sitewatch.alerting.support.AlertsOffsets.startGroupAtEnd;
import static org.sitewatch.alerting.support.TestAlerts.firing;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.alerting.support.AlertingTestApp;
import org.sitewatch.alerting.support.CapturedLogs;
import org.sitewatch.alerting.support.WebhookReceiver;
import org.sitewatch.events.Alert;
import org.sitewatch.testsupport.RunningApp;
import org.sitewatch.testsupport.TestKafka;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Restarts of the dispatcher against the real broker: the delivery state of 20,000 alerts comes back
 * from {@code sitewatch.alert-dispatch} in full (no time cap, no history of {@code sitewatch.alerts}
 * read) and nothing already delivered is sent again; an alert held by a maintenance window does not
 * hold the committed offset back, so a restart re-sends nothing that was delivered meanwhile.
 */
class DispatcherRestartIT {

    private static final String SECRET = "it-restart-secret-0123456789";
    private static final int MANY = 20_000;

    @TempDir
    static Path tmp;

    static TestKafka kafka;

    @BeforeAll
    static void start() {
        kafka = TestKafka.start(tmp.resolve("kafka"));
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldRebuildTwentyThousandAlertsAfterARestartAndResendNothingDelivered() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Alert> many = new ArrayList<>(MANY);
        for (int i = 0; i < MANY; i++) {
            many.add(firing("BulkCheck", "bulk", "info", now, Map.of("item", Integer.toString(i))));
        }
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            startGroupAtEnd(kafka.admin(), "restart-many");
            try (RunningApp first = RunningApp.start(AlertingTestApp.class, dispatcher("restart-many", receiver))) {
                kafka.sendAlerts(many.toArray(Alert[]::new));
                await().atMost(Duration.ofSeconds(30)).until(() -> receiver.count("BulkCheck", "firing") >= MANY
                        && first.meter("sitewatch.alert.delivery.backlog", "target", "hook") == 0);
            }
            CapturedLogs.clear();
            Alert afterRestart = firing("RpoAtRisk", "paris", "critical", now);
            try (RunningApp second = RunningApp.start(AlertingTestApp.class, dispatcher("restart-many", receiver))) {
                await().atMost(Duration.ofSeconds(20)).until(() -> second.meter("sitewatch.alerts.active", "severity", "info")
                        == MANY && second.meter("sitewatch.alert.dispatcher.rebuilding") == 0);
                kafka.sendAlerts(afterRestart);
                await().atMost(Duration.ofSeconds(10)).until(() -> receiver.seen("RpoAtRisk", "firing"));

                assertThat(receiver.received()).as("each of the 20,000 delivered once, none again after the restart")
                        .hasSize(MANY + 1);
                assertThat(receiver.received().stream().map(WebhookReceiver.Received::key).distinct()).hasSize(MANY + 1);
                assertThat(CapturedLogs.containing("rebuilt the delivery state of partitions")).singleElement()
                        .satisfies(line -> assertThat(recordsRead(line)).isGreaterThanOrEqualTo(MANY));
                Health health = second.context().getBean("alertDispatcherHealthIndicator", HealthIndicator.class).health();
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsEntry("rebuilding", false);
            }
        }
    }

    @Test
    void shouldCommitPastAnAlertHeldByAMaintenanceWindowAndResendNothingAfterARestart() throws Exception {
        String group = "restart-window";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Alert held = firing("HaHostFailed", "lyon", "critical", now, Map.of("host", "pve2"));
        List<Alert> delivered = List.of(firing("CollectorDown", "paris", "warning", now),
                firing("ReplicationFailed", "paris", "critical", now, Map.of("item", "1-0")),
                firing("SiteUnknown", "nice", "critical", now));
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            startGroupAtEnd(kafka.admin(), group);
            try (RunningApp first = RunningApp.start(AlertingTestApp.class, dispatcher(group, receiver))) {
                HttpResponse<String> created = first.http().send("POST", "/api/maintenance",
                        "{\"id\":\"lyon-long\",\"site\":\"lyon\",\"duration\":\"PT12H\",\"reason\":\"rack move\"}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                kafka.sendAlerts(held);
                kafka.sendAlerts(delivered.toArray(Alert[]::new));
                await().atMost(Duration.ofSeconds(30)).until(() -> delivered.stream()
                        .allMatch(a -> receiver.seen(a.alertname(), "firing")));
                // The held alert is still owed, yet every partition is committed up to its end.
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(committed(kafka.admin(), group)).isEqualTo(endOffsets(kafka.admin())));
                assertThat(first.meter("sitewatch.alerts.suppressed")).isEqualTo(1.0);
            }
            try (RunningApp second = RunningApp.start(AlertingTestApp.class, dispatcher(group, receiver))) {
                await().atMost(Duration.ofSeconds(20)).until(() -> second.meter("sitewatch.alerts.suppressed") == 1.0);
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 3);
                assertThat(receiver.seen("HaHostFailed", "firing")).isFalse();

                assertThat(second.http().send("DELETE", "/api/maintenance/lyon-long", null).statusCode()).isEqualTo(204);
                await().atMost(Duration.ofSeconds(10)).until(() -> receiver.seen("HaHostFailed", "firing"));
                Map<String, Long> perStateChange = receiver.received().stream()
                        .collect(Collectors.groupingBy(WebhookReceiver.Received::key, Collectors.counting()));
                assertThat(perStateChange).hasSize(4).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
            }
        }
    }

    private static long recordsRead(String line) {
        String after = line.substring(line.indexOf(" from ") + 6);
        return Long.parseLong(after.substring(0, after.indexOf(' ')));
    }

    private static Map<String, String> dispatcher(String group, WebhookReceiver receiver) {
        Map<String, String> p = new HashMap<>();
        p.put("sitewatch.kafka.bootstrap-servers", kafka.bootstrapServers());
        p.put("sitewatch.alerting.group-id", group);
        p.put("sitewatch.alerting.webhooks[0].name", "hook");
        p.put("sitewatch.alerting.webhooks[0].url", receiver.url().toString());
        p.put("sitewatch.alerting.webhooks[0].secret", SECRET);
        p.put("sitewatch.alerting.poll-interval", "100ms");
        return p;
    }
}
