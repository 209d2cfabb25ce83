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
import org.sitewatch.testsupport.AlertmanagerProcess;
import org.sitewatch.testsupport.RunningApp;
import org.sitewatch.testsupport.TestKafka;

/**
 * Fault suite 6: Alertmanager (a real one) and a webhook receiver are down for a while, and the
 * dispatcher is restarted during the outage. When both are back, every state change made meanwhile
 * is delivered (an alert resolved, one fired, one fired and resolved), nothing delivered before is
 * sent to the webhook again, and Alertmanager (which lost its alerts with its restart) gets every
 * still-firing alert back from the rebuilt state and keeps it: none is resolved by expiry.
 */
class AlertTargetsOutageFaultIT {

    private static final String SECRET = "it-outage-secret-0123456789";
    private static final String GROUP = "targets-outage";
    /** Firing alerts are sent with endsAt = now + 4 × this: Alertmanager resolves them 4 s after the last re-send. */
    private static final String RESEND = "1s";

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
    void shouldDeliverEveryStateChangeOfTheOutageAndLetNoFiringAlertExpire() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Alert resolvesMeanwhile = firing("ReplicationFailed", "paris", "critical", now, Map.of("item", "100-0"));
        Alert firesThroughout = firing("HaHostFailed", "paris", "critical", now, Map.of("host", "pve1"));
        Alert firesMeanwhile = firing("SiteUnknown", "lyon", "critical", now);
        Alert flapsMeanwhile = firing("CollectorDown", "lyon", "warning", now);

        try (WebhookReceiver hook = new WebhookReceiver(SECRET)) {
            try (RunningApp first = RunningApp.start(AlertingTestApp.class, dispatcher(hook))) {
                kafka.sendAlerts(resolvesMeanwhile, firesThroughout);
                await().atMost(Duration.ofSeconds(30)).until(() -> am.labelsOf("ReplicationFailed") != null
                        && am.labelsOf("HaHostFailed") != null && hook.seen("HaHostFailed", "firing")
                        && hook.seen("ReplicationFailed", "firing"));

                am.stop();
                hook.fail();
                kafka.sendAlerts(resolvesMeanwhile.resolved(now.plusSeconds(5), null), firesMeanwhile, flapsMeanwhile);
                kafka.sendAlerts(flapsMeanwhile.resolved(now.plusSeconds(6), null));
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                    assertThat(first.meter("sitewatch.alert.delivery.backlog", "target", "hook")).isEqualTo(4);
                    assertThat(first.meter("sitewatch.alert.delivery.backlog", "target", "alertmanager")).isEqualTo(4);
                });
            }

            try (RunningApp second = RunningApp.start(AlertingTestApp.class, dispatcher(hook))) {
                // Restarted during the outage: what is owed comes back from the state topic, nothing is lost.
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    assertThat(second.meter("sitewatch.alert.dispatcher.rebuilding")).isZero();
                    assertThat(second.meter("sitewatch.alert.delivery.backlog", "target", "hook")).isEqualTo(4);
                    assertThat(second.meter("sitewatch.alert.delivery.backlog", "target", "alertmanager")).isEqualTo(4);
                });

                am.start(); // same port and storage; it kept no alerts
                hook.accept();
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    assertThat(hook.seen("ReplicationFailed", "resolved")).isTrue();
                    assertThat(hook.seen("SiteUnknown", "firing")).isTrue();
                    assertThat(hook.seen("CollectorDown", "firing")).isTrue();
                    assertThat(hook.seen("CollectorDown", "resolved")).isTrue();
                    assertThat(am.labelsOf("HaHostFailed")).as("re-sent from the rebuilt state")
                            .isEqualTo(firesThroughout.labels());
                    assertThat(am.labelsOf("SiteUnknown")).isEqualTo(firesMeanwhile.labels());
                    assertThat(am.labelsOf("ReplicationFailed")).isNull();
                    assertThat(am.labelsOf("CollectorDown")).isNull();
                    assertThat(second.meter("sitewatch.alert.delivery.pending")).isZero();
                });
                // A resolve never before its firing, and nothing accepted before the outage is sent again.
                assertThat(hook.first("CollectorDown", "firing").at()).isBeforeOrEqualTo(hook.first("CollectorDown", "resolved").at());
                Map<String, Long> perStateChange = hook.received().stream()
                        .collect(Collectors.groupingBy(WebhookReceiver.Received::key, Collectors.counting()));
                assertThat(perStateChange).hasSize(6).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));

                // Longer than the 4 s validity of each send: the still-firing alerts stay active, re-sent each second.
                await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8)).until(() ->
                        am.labelsOf("HaHostFailed") != null && am.labelsOf("SiteUnknown") != null);
            }
        }
    }

    private static Map<String, String> dispatcher(WebhookReceiver hook) {
        Map<String, String> p = new HashMap<>();
        p.put("sitewatch.kafka.bootstrap-servers", kafka.bootstrapServers());
        p.put("sitewatch.alerting.group-id", GROUP);
        p.put("sitewatch.alerting.alertmanager.urls", am.url().toString());
        p.put("sitewatch.alerting.alertmanager.resend-interval", RESEND);
        p.put("sitewatch.alerting.alertmanager.timeout", "1s");
        p.put("sitewatch.alerting.webhooks[0].name", "hook");
        p.put("sitewatch.alerting.webhooks[0].url", hook.url().toString());
        p.put("sitewatch.alerting.webhooks[0].secret", SECRET);
        p.put("sitewatch.alerting.retry.initial-backoff", "100ms");
        p.put("sitewatch.alerting.retry.max-backoff", "500ms");
        p.put("sitewatch.alerting.poll-interval", "100ms");
        return p;
    }
}
