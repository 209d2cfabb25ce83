package org.sitewatch.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.events.Alert;
import org.sitewatch.events.AlertState;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.EventData;
import org.sitewatch.events.Platform;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.Topics;
import org.sitewatch.testsupport.RunningApp;
import org.sitewatch.testsupport.TestKafka;

/**
 * The alert lifecycle survives restarts of the streams app on a real broker (exactly-once): a firing
 * alert is not lost (it resolves after the restart, and a repeated failure does not send a second
 * FIRING) and a resolved one is not sent again, also after restoring from the changelogs alone.
 */
class AlertRestartIT {

    private static final String SITE = "paris-dc1";
    private static final URI SOURCE = URI.create("/sitewatch/collectors/proxmox/" + SITE);

    @TempDir
    Path dir;

    @Test
    void shouldNeitherRepeatNorLoseTransitionsAcrossRestarts() throws IOException {
        String applicationId = "sitewatch-alerts-it-" + UUID.randomUUID();
        Path state = dir.resolve("state");
        try (TestKafka kafka = TestKafka.start(dir.resolve("kafka"));
             AlertReader alerts = new AlertReader(kafka.bootstrapServers())) {
            try (RunningApp first = ItApp.start(kafka.bootstrapServers(), applicationId, state)) {
                kafka.publish(List.of(event(heartbeat()), event(item(ReplicationState.FAILED))));
                alerts.awaitCount("ReplicationFailed", 1);
            }

            try (RunningApp second = ItApp.start(kafka.bootstrapServers(), applicationId, state)) {
                kafka.publish(List.of(event(heartbeat()), event(item(ReplicationState.FAILED))));
                kafka.publish(List.of(event(item(ReplicationState.REPLICATING))));
                alerts.awaitCount("ReplicationFailed", 2);
            }

            wipe(state);
            try (RunningApp third = ItApp.start(kafka.bootstrapServers(), applicationId, state)) {
                kafka.publish(List.of(event(heartbeat()), event(item(ReplicationState.REPLICATING))));
                // Give punctuations and commits time to send anything they (wrongly) would.
                alerts.settle(Duration.ofSeconds(8));
            }
            List<Alert> failed = alerts.of("ReplicationFailed");
            assertThat(failed).extracting(Alert::state).containsExactly(AlertState.FIRING, AlertState.RESOLVED);
            assertThat(failed.get(1).fingerprint()).isEqualTo(failed.get(0).fingerprint());
            alerts.assertAlternating();
        }
    }

    private static SitewatchEvent event(EventData data) {
        return SitewatchEvent.observed(SOURCE, Instant.now(), data);
    }

    private static CollectorHeartbeat heartbeat() {
        return new CollectorHeartbeat(SITE, Platform.PROXMOX, SITE, "https://pve1.example:8006", CollectorStatus.OK, null, null,
                100L, Instant.now(), 15, null);
    }

    private static ReplicationStatus item(ReplicationState state) {
        return new ReplicationStatus(SITE, Platform.PROXMOX, "102-0", "102", "db-01", SITE, SITE, "pve1", "pve2", "pvesr",
                state, state == ReplicationState.FAILED ? ReplicationHealth.CRITICAL : ReplicationHealth.OK, state.name(), 900L,
                Instant.now(), null, null, 0, null, false);
    }

    private static void wipe(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Reads committed records of the alerts topic, all partitions, from the beginning. */
    private static final class AlertReader implements AutoCloseable {

        private final KafkaConsumer<String, Alert> consumer;
        private final List<Alert> seen = new ArrayList<>();

        AlertReader(String bootstrap) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), Topics.ALERTS.valueSerde().deserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.ALERTS.name()).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        void poll() {
            for (ConsumerRecord<String, Alert> r : consumer.poll(Duration.ofMillis(200))) {
                seen.add(r.value());
            }
        }

        List<Alert> of(String alertname) {
            return seen.stream().filter(a -> a.alertname().equals(alertname)).toList();
        }

        void awaitCount(String alertname, int count) {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                poll();
                assertThat(of(alertname)).hasSizeGreaterThanOrEqualTo(count);
            });
        }

        void settle(Duration d) {
            long end = System.nanoTime() + d.toNanos();
            while (System.nanoTime() < end) {
                poll();
            }
        }

        /** Per fingerprint: FIRING, RESOLVED, FIRING, ... never the same state twice in a row. */
        void assertAlternating() {
            Map<String, AlertState> last = new HashMap<>();
            for (Alert a : seen) {
                AlertState previous = last.put(a.fingerprint(), a.state());
                assertThat(a.state()).as("%s %s", a.alertname(), a.labels())
                        .isNotEqualTo(previous == null ? AlertState.RESOLVED : previous);
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
