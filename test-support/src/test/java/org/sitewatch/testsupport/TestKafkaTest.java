package org.sitewatch.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.events.Alert;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.Topics;

/** The shared broker fixture creates the catalogue's topics and writes as the real producers do. */
class TestKafkaTest {

    @TempDir
    static Path dir;

    static TestKafka kafka;

    @BeforeAll
    static void start() {
        kafka = TestKafka.start(dir.resolve("kafka"));
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldCreateEveryTopicOfTheCatalogue() throws Exception {
        assertThat(kafka.admin().listTopics().names().get()).containsAll(Topics.ALL.stream().map(t -> t.name()).toList());
    }

    @Test
    void shouldPublishEventsKeyedAndStampedWithTheirEventTime() {
        SitewatchEvent event = TestEvents.at(TestEvents.T0, TestEvents.vm(TestEvents.PARIS, "100", PowerState.RUNNING));
        kafka.publish(event);
        List<ConsumerRecord<byte[], byte[]>> records = readAll(Topics.VM.name(), "read_uncommitted", 1);
        assertThat(new String(records.get(0).key())).isEqualTo(event.key());
        assertThat(records.get(0).timestamp()).isEqualTo(TestEvents.T0.toEpochMilli());
    }

    @Test
    void shouldHideAbortedAlertsFromReadCommittedReaders() {
        Alert kept = Alert.firing(Map.of(Alert.ALERTNAME, "Kept", Alert.SEVERITY, "warning", Alert.SITE, "paris"), Map.of(), TestEvents.T0, "/");
        Alert dropped = Alert.firing(Map.of(Alert.ALERTNAME, "Dropped", Alert.SEVERITY, "warning", Alert.SITE, "paris"), Map.of(), TestEvents.T0, "/");
        kafka.sendAlertsAborted(dropped);
        kafka.sendAlerts(kept);
        List<ConsumerRecord<byte[], byte[]>> records = readAll(Topics.ALERTS.name(), "read_committed", 1);
        assertThat(records).extracting(r -> new String(r.key())).containsExactly(kept.fingerprint());
    }

    /** Every record of partition 0 once at least {@code atLeast} are there and nothing more arrives in a poll. */
    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, String isolation, int atLeast) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                return out.size() >= atLeast;
            });
            consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            return out;
        }
    }
}
