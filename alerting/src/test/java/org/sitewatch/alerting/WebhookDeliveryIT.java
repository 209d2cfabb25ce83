package org.sitewatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sitewatch.alerting.support.TestAlerts.firing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.alerting.support.AlertingTestApp;
import org.sitewatch.alerting.support.WebhookReceiver;
import org.sitewatch.events.Alert;
import org.sitewatch.testsupport.RunningApp;
import org.sitewatch.testsupport.TestKafka;

/**
 * The signed webhook: a receiver that verifies the HMAC signature sees every state change, once
 * while nothing fails, and still sees it after being down for a while; records of an aborted
 * transaction (the streams app writes with exactly-once) are never delivered.
 */
class WebhookDeliveryIT {

    private static final String SECRET = "it-webhook-secret-0123456789";

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
    void shouldDeliverEachStateChangeSignedAndExactlyOnceWhileNothingFails() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Alert a = firing("ReplicationFailed", "paris", "critical", now, Map.of("item", "100-0"));
        Alert b = firing("CollectorDown", "paris", "warning", now);
        Alert c = firing("HaHostFailed", "lyon", "critical", now, Map.of("host", "pve2"));
        Alert aborted = firing("NeverCommitted", "paris", "critical", now);
        Alert afterAbort = firing("RpoAtRisk", "lyon", "warning", now);

        try (WebhookReceiver receiver = new WebhookReceiver(SECRET);
             RunningApp app = RunningApp.start(AlertingTestApp.class, dispatcher("hook-once", receiver))) {
            kafka.sendAlerts(a, b);
            kafka.sendAlerts(a.resolved(now.plusSeconds(5), null));
            kafka.sendAlerts(c);
            kafka.sendAlertsAborted(aborted);
            kafka.sendAlerts(afterAbort);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(receiver.received())
                    .extracting(r -> r.alertname() + "/" + r.status())
                    .contains("ReplicationFailed/firing", "CollectorDown/firing", "ReplicationFailed/resolved",
                            "HaHostFailed/firing", "RpoAtRisk/firing"));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                    .until(() -> !receiver.seen("NeverCommitted", "firing"));

            assertThat(receiver.invalidSignatures()).isZero();
            Map<String, Long> perStateChange = receiver.received().stream()
                    .collect(Collectors.groupingBy(WebhookReceiver.Received::key, Collectors.counting()));
            assertThat(perStateChange).hasSize(5).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
            assertThat(receiver.first("ReplicationFailed", "resolved").fingerprint()).isEqualTo(a.fingerprint());
            assertThat(app.meter("sitewatch.alert.deliveries", "target", "it-hook", "outcome", "success"))
                    .isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void shouldKeepRetryingAReceiverThatIsDownAndSkipNothing() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Alert x = firing("SiteUnknown", "nice", "critical", now);
        Alert y = firing("HaQuorumLost", "nice", "critical", now, Map.of("cluster", "pve-n"));

        try (WebhookReceiver receiver = new WebhookReceiver(SECRET);
             RunningApp app = RunningApp.start(AlertingTestApp.class, dispatcher("hook-down", receiver))) {
            receiver.fail();
            kafka.sendAlerts(x);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.failedRequests() >= 3);
            kafka.sendAlerts(y, x.resolved(now.plusSeconds(1), null));
            assertThat(receiver.received()).isEmpty();

            receiver.accept();
            // Every state change stayed owed to it while it failed: nothing skipped, each alert's in order.
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.seen("SiteUnknown", "firing")
                    && receiver.seen("HaQuorumLost", "firing") && receiver.seen("SiteUnknown", "resolved"));
            assertThat(receiver.first("SiteUnknown", "resolved").startsAt()).isEqualTo(now.toString());
            assertThat(receiver.invalidSignatures()).isZero();
            await().atMost(Duration.ofSeconds(10)).until(
                    () -> app.meter("sitewatch.alert.delivery.pending") == 0);
            assertThat(app.meter("sitewatch.alert.deliveries", "target", "it-hook", "outcome", "failure"))
                    .isGreaterThanOrEqualTo(3);
        }
    }

    private static Map<String, String> dispatcher(String group, WebhookReceiver receiver) {
        Map<String, String> p = new HashMap<>();
        p.put("sitewatch.kafka.bootstrap-servers", kafka.bootstrapServers());
        p.put("sitewatch.alerting.group-id", group);
        p.put("sitewatch.alerting.webhooks[0].name", "it-hook");
        p.put("sitewatch.alerting.webhooks[0].url", receiver.url().toString());
        p.put("sitewatch.alerting.webhooks[0].secret", SECRET);
        p.put("sitewatch.alerting.retry.initial-backoff", "100ms");
        p.put("sitewatch.alerting.retry.max-backoff", "500ms");
        p.put("sitewatch.alerting.retry.max-attempts", "3");
        p.put("sitewatch.alerting.poll-interval", "100ms");
        return p;
    }
}
