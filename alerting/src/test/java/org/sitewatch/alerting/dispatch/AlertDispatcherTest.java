package org.sitewatch.alerting.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.sitewatch.alerting.support.TestAlerts.firing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.alerting.health.ComponentHealthIndicator;
import org.sitewatch.alerting.maintenance.MaintenanceWindows;
import org.sitewatch.alerting.state.ActiveAlerts;
import org.sitewatch.events.Alert;
import org.sitewatch.events.Json;
import org.sitewatch.events.Topics;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The dispatcher loop with Kafka's mock clients: the read offsets are committed only once the
 * delivery state of what was read is acknowledged, and a dispatcher thread that dies says so (when
 * and why) in its health.
 */
class AlertDispatcherTest {

    private static final TopicPartition SOURCE = new TopicPartition(Topics.ALERTS.name(), 0);
    private static final TopicPartition STATE = new TopicPartition(Topics.ALERT_DISPATCH.name(), 0);

    private final MockConsumer<String, byte[]> group = new MockConsumer<>("earliest");
    private final MockConsumer<String, byte[]> reader = new MockConsumer<>("earliest");
    private final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
            new ByteArraySerializer());
    private final MaintenanceWindows windows = new MaintenanceWindows(List.of(), Duration.ofHours(1));
    private final ActiveAlerts alerts = new ActiveAlerts(windows, Duration.ofHours(1));
    private final AlertDispatcher dispatcher = new AlertDispatcher(group,
            new StateRebuild(reader, Duration.ofMillis(10), Duration.ofMillis(50)), new DeliveryStateLog(producer, "g"),
            alerts, windows, List.of(), new DeliveryMetrics(new SimpleMeterRegistry(), alerts, Clock.systemUTC()),
            Clock.systemUTC(), Duration.ofMillis(20), Duration.ofSeconds(1));
    private Thread thread;

    @AfterEach
    void stop() throws InterruptedException {
        dispatcher.stop();
        if (thread != null) {
            thread.join(5000);
        }
    }

    @Test
    void shouldCommitWhatWasReadOnlyOnceItsDeliveryStateIsAcknowledged() {
        Alert a = firing("HaHostFailed", "paris", "critical", Instant.now());
        reader.updateBeginningOffsets(Map.of(STATE, 0L));
        reader.updateEndOffsets(Map.of(STATE, 0L));
        group.updateBeginningOffsets(Map.of(SOURCE, 0L));
        setFlushException(new KafkaException("not enough in-sync replicas"));
        group.schedulePollTask(() -> group.rebalance(List.of(SOURCE)));
        group.schedulePollTask(() -> group.addRecord(new ConsumerRecord<>(SOURCE.topic(), 0, 0, a.fingerprint(),
                Json.bytes(a))));
        start();

        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() >= 2);
        assertThat(producer.history().get(0).key()).isEqualTo("g/" + a.fingerprint());
        assertThat(producer.history().get(0).partition()).isZero();
        assertThat(committed()).as("the state write was refused: not committed").isNull();
        assertThat(alerts.size()).as("applied once, written again until it is acknowledged").isEqualTo(1);

        setFlushException(null);
        await().atMost(Duration.ofSeconds(10)).until(() -> committed() != null && committed().offset() == 1);
    }

    @Test
    void shouldReportItsDeathWithSinceWhenAndTheError() {
        group.schedulePollTask(() -> {
            throw new AssertionError("a bug in the loop");
        });
        ComponentHealthIndicator indicator = new ComponentHealthIndicator(() -> List.of(dispatcher.health()), Map::of);
        assertThat(indicator.health().getStatus()).as("not started yet").isEqualTo(Status.UNKNOWN);

        assertThatThrownBy(dispatcher::run).isInstanceOf(AssertionError.class);

        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsKey("diedAt")
                .containsEntry("error", "AssertionError: a bug in the loop");
        assertThat(dispatcher.health().up()).isFalse();
    }

    @Test
    void shouldRefuseToStartWhenTheStateTopicHasFewerPartitionsThanTheAlertsTopic() {
        group.updatePartitions(Topics.ALERTS.name(), List.of(partition(Topics.ALERTS.name(), 0),
                partition(Topics.ALERTS.name(), 1), partition(Topics.ALERTS.name(), 2)));
        group.updatePartitions(Topics.ALERT_DISPATCH.name(), List.of(partition(Topics.ALERT_DISPATCH.name(), 0)));

        assertThatThrownBy(dispatcher::checkTopics).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sitewatch.alert-dispatch has 1 partitions but sitewatch.alerts has 3")
                .hasMessageContaining("--partitions 3");
    }

    private static PartitionInfo partition(String topic, int p) {
        return new PartitionInfo(topic, p, null, new Node[0], new Node[0]);
    }

    /** Under the producer's lock, which its flush() takes: seen by the dispatcher thread. */
    private void setFlushException(RuntimeException e) {
        synchronized (producer) {
            producer.flushException = e;
        }
    }

    private OffsetAndMetadata committed() {
        return group.committed(Set.of(SOURCE)).get(SOURCE);
    }

    private void start() {
        thread = new Thread(dispatcher, "test-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }
}
