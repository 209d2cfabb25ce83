package org.sitewatch.audit.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.audit.AuditException;
import org.sitewatch.audit.kafka.KafkaSettings;
import org.sitewatch.audit.kafka.ReadBudget;
import org.sitewatch.events.Alert;
import org.sitewatch.events.Topics;
import org.sitewatch.testsupport.TestKafka;

/** Which alerts were firing at an instant, told from the alerts topic of a real broker. */
class AlertsTopicHistoryIT {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    @TempDir
    Path dataDir;

    private TestKafka kafka;

    @BeforeEach
    void start() {
        kafka = TestKafka.start(dataDir);
    }

    @AfterEach
    void stop() {
        kafka.close();
    }

    @Test
    void shouldTellWhichAlertsWereFiringAtEachInstant() throws Exception {
        Alert failed = Alert.firing(Map.of("alertname", "ReplicationFailed", "severity", "critical", "site", "paris-dc1",
                "item", "102-0"), Map.of("summary", "replication 102-0 failed"), T0.plusSeconds(60), "/api/sites/paris-dc1");
        Alert hostDown = Alert.firing(Map.of("alertname", "HaHostFailed", "severity", "critical", "site", "frankfurt-dc2",
                "host", "pve-fra-2"), Map.of(), T0.plusSeconds(120), "/api/sites/frankfurt-dc2");
        // The same replication fails again later: a second episode of the same fingerprint.
        Alert failedAgain = Alert.firing(failed.labels(), failed.annotations(), T0.plusSeconds(600), failed.generatorURL());
        publish(List.of(failed, hostDown, failed.resolved(T0.plusSeconds(300), null), failedAgain));

        AlertsTopicHistory history = new AlertsTopicHistory(KafkaSettings.of(kafka.bootstrapServers()));

        assertThat(names(history.firingAt(T0.plusSeconds(30), null))).isEmpty();
        assertThat(names(history.firingAt(T0.plusSeconds(200), null))).containsExactlyInAnyOrder("ReplicationFailed", "HaHostFailed");
        assertThat(names(history.firingAt(T0.plusSeconds(400), null))).containsExactly("HaHostFailed");
        assertThat(names(history.firingAt(T0.plusSeconds(700), null))).containsExactlyInAnyOrder("ReplicationFailed", "HaHostFailed");
        assertThat(names(history.firingAt(T0.plusSeconds(700), "paris-dc1"))).containsExactly("ReplicationFailed");
        assertThat(history.firingAt(T0, null).available()).isTrue();

        // A read cut short (here by a request deadline already spent) is an error, never fewer alerts.
        ReadBudget spent = ReadBudget.of(Duration.ZERO, "sitewatch.audit.request-deadline", () -> false);
        assertThatThrownBy(() -> history.firingAt(T0.plusSeconds(700), null, spent))
                .isInstanceOfSatisfying(AuditException.class, e -> assertThat(e.kind()).isEqualTo(AuditException.Kind.INCOMPLETE))
                .hasMessageContaining("sitewatch.audit.request-deadline");
    }

    private void publish(List<Alert> alerts) throws Exception {
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                Topics.ALERTS.keySerde().serializer(), Topics.ALERTS.valueSerde().serializer())) {
            for (Alert a : alerts) {
                producer.send(new ProducerRecord<>(Topics.ALERTS.name(), a.fingerprint(), a)).get();
            }
        }
    }

    private static List<String> names(FiringAlerts alerts) {
        return alerts.firing().stream().map(a -> ((Map<?, ?>) a.get("labels")).get("alertname").toString()).toList();
    }
}
