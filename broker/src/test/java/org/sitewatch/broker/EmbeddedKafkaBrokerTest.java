package org.sitewatch.broker;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real in-process broker against a temp dir: client round trips, transactions,
 * persistence across restarts, no auto-created topics, exclusive data dir.
 */
class EmbeddedKafkaBrokerTest {

    private static final String TOPIC = "site-events";
    private static final String GROUP = "reader";
    private static final String TRANSACTIONAL_ID = "sitewatch-test-tx";

    @TempDir
    Path dataDir;

    @Test
    void keepsClusterIdTopicsRecordsOffsetsAndTransactionsAcrossRestart() throws Exception {
        String clusterId;
        int firstPort;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).start()) {
            clusterId = broker.clusterId();
            firstPort = port(broker);
            try (Admin admin = admin(broker)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, SECONDS);
            }
            try (KafkaProducer<String, String> producer = producer(broker, Map.of(
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"))) {
                for (int i = 0; i < 30; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, "site-" + i, "plain-" + i));
                }
                producer.flush();
            }
            try (KafkaProducer<String, String> producer = transactionalProducer(broker)) {
                producer.initTransactions();
                producer.beginTransaction();
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, "site-" + i, "committed-" + i));
                }
                producer.commitTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(TOPIC, "site-0", "aborted"));
                producer.flush();
                producer.abortTransaction();
            }
            List<String> read = consumeAsGroup(broker, 33);
            assertThat(read).containsExactlyInAnyOrderElementsOf(expectedValues());
        }

        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().dataDir(dataDir).clusterId("AAAAAAAAAAAAAAAAAAAAAA").start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("belongs to cluster " + clusterId);

        // Restart on another client port: the advertised listener changes, the data stays.
        int secondPort = freePortOtherThan(firstPort);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).port(secondPort).start();
        try (broker) {
            assertThat(broker.clusterId()).isEqualTo(clusterId);
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + secondPort);
            try (Admin admin = admin(broker)) {
                TopicDescription topic = admin.describeTopics(List.of(TOPIC)).allTopicNames().get(30, SECONDS).get(TOPIC);
                assertThat(topic.partitions()).hasSize(3);
                assertThat(admin.describeCluster().clusterId().get(30, SECONDS)).isEqualTo(clusterId);
                assertGroupOffsetsAtEnd(admin);
            }
            assertThat(readAllCommitted(broker, 33)).containsExactlyInAnyOrderElementsOf(expectedValues());
            // The transaction coordinator recovers the transactional id's state after the restart.
            try (KafkaProducer<String, String> producer = transactionalProducer(broker)) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(TOPIC, "site-9", "after-restart"));
                producer.commitTransaction();
            }
            assertThat(readAllCommitted(broker, 34)).contains("after-restart");
        }
        broker.close(); // idempotent
    }

    @Test
    void usesGivenClusterIdAndDoesNotAutoCreateTopics() throws Exception {
        String clusterId = "c2l0ZXdhdGNoLXRlc3QtMQ";
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).clusterId(clusterId).start();
             Admin admin = admin(broker)) {
            assertThat(broker.clusterId()).isEqualTo(clusterId);

            try (KafkaProducer<String, String> producer = producer(broker, Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000))) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>("missing-topic", "k", "v")).get())
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(TimeoutException.class)
                        .hasMessageContaining("not present in metadata");
            }
            assertThatThrownBy(() -> admin.describeTopics(List.of("missing-topic")).allTopicNames().get(30, SECONDS))
                    .hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
            assertThat(admin.listTopics().names().get(30, SECONDS)).doesNotContain("missing-topic");
        }
    }

    @Test
    void refusesASecondBrokerOnTheSameDataDir() throws Exception {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.builder().dataDir(dataDir).start()) {
            assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().dataDir(dataDir).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("locked by another running broker");
            try (Admin admin = admin(first)) {
                assertThat(admin.describeCluster().nodes().get(30, SECONDS)).hasSize(1);
            }
        }
    }

    @Test
    void failedStartShutsDownAndReleasesTheDataDir() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().dataDir(dataDir).port(busy.getLocalPort()).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("failed to start on 127.0.0.1:" + busy.getLocalPort());
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).start();
             Admin admin = admin(broker)) {
            assertThat(admin.describeCluster().nodes().get(30, SECONDS)).hasSize(1);
        }
    }

    @Test
    void servesAnExtraListenerWithItsOwnSecurityProtocol() throws Exception {
        String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required";
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dataDir)
                .listener("SASL", "SASL_PLAINTEXT")
                .property("listener.name.sasl.sasl.enabled.mechanisms", "PLAIN")
                .property("listener.name.sasl.plain.sasl.jaas.config", jaas + " user_tester=\"pw-1\";")
                .start()) {
            String sasl = broker.bootstrapServers("SASL");
            assertThat(sasl).isNotEqualTo(broker.bootstrapServers());
            Map<String, Object> login = new HashMap<>(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, sasl,
                    "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                    "sasl.jaas.config", jaas + " username=\"tester\" password=\"pw-1\";"));
            try (Admin admin = Admin.create(login)) {
                assertThat(admin.describeCluster().clusterId().get(20, SECONDS)).isEqualTo(broker.clusterId());
            }
            login.put("sasl.jaas.config", jaas + " username=\"tester\" password=\"wrong\";");
            try (Admin admin = Admin.create(login)) {
                assertThatThrownBy(() -> admin.describeCluster().clusterId().get(20, SECONDS))
                        .hasCauseInstanceOf(org.apache.kafka.common.errors.SaslAuthenticationException.class);
            }
            assertThatThrownBy(() -> broker.bootstrapServers("NONE")).hasMessageContaining("no listener NONE");
        }
        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().listener("PLAINTEXT", "SSL"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsOverridesOfFixedSettings() {
        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().property("listeners", "PLAINTEXT://:9092"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listeners");
        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dataDir");
    }

    private static List<String> expectedValues() {
        List<String> values = new ArrayList<>();
        IntStream.range(0, 30).forEach(i -> values.add("plain-" + i));
        IntStream.range(0, 3).forEach(i -> values.add("committed-" + i));
        return values;
    }

    private static List<String> consumeAsGroup(EmbeddedKafkaBroker broker, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(broker, GROUP)) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                return values.size() >= expected;
            });
            consumer.commitSync();
        }
        return values;
    }

    /** Reads the topic from the beginning without a group, up to its end offsets. */
    private static List<String> readAllCommitted(EmbeddedKafkaBroker broker, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(broker, null)) {
            List<TopicPartition> partitions = IntStream.range(0, 3).mapToObj(p -> new TopicPartition(TOPIC, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                return values.size() >= expected;
            });
            // One more poll: a record beyond the expected ones makes the caller's exact comparison fail.
            consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
        }
        return values;
    }

    private static void assertGroupOffsetsAtEnd(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get(30, SECONDS);
        assertThat(committed).hasSize(3);
        Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get(30, SECONDS);
        committed.forEach((tp, offset) -> assertThat(offset.offset()).isEqualTo(ends.get(tp).offset()));
    }

    private static Admin admin(EmbeddedKafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafkaBroker broker, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaProducer<String, String> transactionalProducer(EmbeddedKafkaBroker broker) {
        return producer(broker, Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID));
    }

    private static KafkaConsumer<String, String> consumer(EmbeddedKafkaBroker broker, String group) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static int port(EmbeddedKafkaBroker broker) {
        String servers = broker.bootstrapServers();
        return Integer.parseInt(servers.substring(servers.lastIndexOf(':') + 1));
    }

    private static int freePortOtherThan(int port) {
        int candidate;
        do {
            candidate = FreePorts.loopback();
        } while (candidate == port);
        return candidate;
    }
}
