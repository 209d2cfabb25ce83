package org.sitewatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sitewatch.alerting.support.AlertsOffsets.startGroupAtEnd;
import static org.sitewatch.alerting.support.TestAlerts.firing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.alerting.support.AlertingTestApp;
import org.sitewatch.alerting.support.WebhookReceiver;
import org.sitewatch.events.Alert;
import org.sitewatch.testsupport.RunningApp;
import org.sitewatch.testsupport.TestKafka;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * One broken target holds back no other: while one webhook answers 500 and another hangs past its
 * time-out, a third gets each new critical alert at once, and the broken ones get everything once
 * they are back; a slow target's request in flight does not delay another target's delivery.
 */
class TargetIsolationIT {

    private static final String SECRET = "it-isolation-secret-0123456789";
    /** Far longer than any wait below: a delivery that waited for another target would miss it. */
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

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
    void shouldDeliverToAHealthyTargetWhileOneAnswers500AndAnotherHangsPastItsTimeout() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Alert first = firing("HaQuorumLost", "paris", "critical", now, Map.of("cluster", "pve-a"));
        Alert second = firing("SiteUnknown", "lyon", "critical", now);
        try (WebhookReceiver healthy = new WebhookReceiver(SECRET);
             WebhookReceiver failing = new WebhookReceiver(SECRET);
             WebhookReceiver hanging = new WebhookReceiver(SECRET)) {
            failing.fail();
            hanging.hold();
            startGroupAtEnd(kafka.admin(), "isolation-dead");
            Map<String, String> p = dispatcher("isolation-dead", Map.of("healthy", healthy),
                    Map.of("failing", failing), Map.of("hanging", hanging));
            p.put("sitewatch.alerting.webhooks[2].timeout", "1s");
            try (RunningApp app = RunningApp.start(AlertingTestApp.class, p)) {
                kafka.sendAlerts(first);
                await().atMost(PROMPTLY).until(() -> healthy.seen("HaQuorumLost", "firing"));
                await().atMost(Duration.ofSeconds(10)).until(() -> failing.failedRequests() >= 2
                        && app.meter("sitewatch.alert.delivery.failures.in.a.row", "target", "hanging") >= 2);

                kafka.sendAlerts(second);
                await().atMost(PROMPTLY).until(() -> healthy.seen("SiteUnknown", "firing"));
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                    assertThat(app.meter("sitewatch.alert.delivery.backlog", "target", "failing")).isEqualTo(2);
                    assertThat(app.meter("sitewatch.alert.delivery.backlog", "target", "hanging")).isEqualTo(2);
                    assertThat(app.meter("sitewatch.alert.delivery.backlog", "target", "healthy")).isZero();
                });
                // A failing target is not a dead worker: health stays UP, the failures are in its details.
                var health = app.context().getBean("alertDeliveryHealthIndicator", HealthIndicator.class).health();
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails().get("alert-delivery/failing").toString()).contains("HTTP 500");

                failing.accept();
                hanging.accept();
                await().atMost(Duration.ofSeconds(15)).until(() -> failing.seen("HaQuorumLost", "firing")
                        && failing.seen("SiteUnknown", "firing") && hanging.seen("SiteUnknown", "firing")
                        && app.meter("sitewatch.alert.delivery.pending") == 0);
                assertThat(healthy.received()).hasSize(2);
                assertThat(failing.count("HaQuorumLost", "firing")).isEqualTo(1);
            }
        }
    }

    @Test
    void shouldNotDelayOneTargetWhileAnotherTargetsRequestIsInFlight() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Alert first = firing("ReplicationFailed", "nice", "critical", now, Map.of("item", "7-0"));
        Alert second = firing("HaHostFailed", "nice", "critical", now, Map.of("host", "pve9"));
        try (WebhookReceiver quick = new WebhookReceiver(SECRET);
             WebhookReceiver slow = new WebhookReceiver(SECRET)) {
            slow.hold();
            startGroupAtEnd(kafka.admin(), "isolation-parallel");
            Map<String, String> p = dispatcher("isolation-parallel", Map.of("quick", quick), Map.of("slow", slow));
            p.put("sitewatch.alerting.webhooks[1].timeout", "60s");
            try (RunningApp app = RunningApp.start(AlertingTestApp.class, p)) {
                kafka.sendAlerts(first);
                await().atMost(PROMPTLY).until(() -> slow.seen("ReplicationFailed", "firing")
                        && quick.seen("ReplicationFailed", "firing"));
                // The slow target's first request is still unanswered (held for up to 60 s) ...
                kafka.sendAlerts(second);
                // ... and the quick one gets the next alert meanwhile.
                await().atMost(PROMPTLY).until(() -> quick.seen("HaHostFailed", "firing"));
                assertThat(slow.seen("HaHostFailed", "firing")).as("the slow worker is still in its first request").isFalse();

                slow.accept();
                await().atMost(Duration.ofSeconds(10)).until(() -> slow.seen("HaHostFailed", "firing")
                        && app.meter("sitewatch.alert.delivery.pending") == 0);
                assertThat(slow.count("ReplicationFailed", "firing")).isEqualTo(1);
            }
        }
    }

    /** One webhook per argument (name → receiver), in order: webhooks[0], [1] ... */
    @SafeVarargs
    private static Map<String, String> dispatcher(String group, Map<String, WebhookReceiver>... webhooks) {
        Map<String, String> p = new HashMap<>();
        p.put("sitewatch.kafka.bootstrap-servers", kafka.bootstrapServers());
        p.put("sitewatch.alerting.group-id", group);
        for (int i = 0; i < webhooks.length; i++) {
            var webhook = webhooks[i].entrySet().iterator().next();
            p.put("sitewatch.alerting.webhooks[" + i + "].name", webhook.getKey());
            p.put("sitewatch.alerting.webhooks[" + i + "].url", webhook.getValue().url().toString());
            p.put("sitewatch.alerting.webhooks[" + i + "].secret", SECRET);
        }
        p.put("sitewatch.alerting.retry.initial-backoff", "100ms");
        p.put("sitewatch.alerting.retry.max-backoff", "500ms");
        p.put("sitewatch.alerting.retry.max-attempts", "3");
        p.put("sitewatch.alerting.poll-interval", "100ms");
        return p;
    }
}
