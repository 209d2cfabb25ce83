package org.sitewatch.testsupport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.sitewatch.broker.EmbeddedKafkaBroker;
import org.sitewatch.events.Alert;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.TopicProvisioner;
import org.sitewatch.events.TopicSpec;
import org.sitewatch.events.Topics;

/**
 * A real single-node Kafka (the broker module's KRaft broker, in this JVM) with every topic of the
 * {@link Topics} catalogue, for one test class: start it in {@code @BeforeAll} on a temp folder and
 * close it in {@code @AfterAll}. Writes as the real producers do: events as the collectors publish
 * them, alerts in transactions as the streams app writes them.
 *
 * <p>The broker can be stopped and started again ({@link #stopBroker()}, {@link #restartBroker()}) on the
 * same data dir and port, as a broker outage would look to its clients: {@link #bootstrapServers()}
 * stays the same.
 *
 * <p>Limits: one node, replication factor 1, no security. Producers are created on first use.
 */
public final class TestKafka implements AutoCloseable {

    private EmbeddedKafkaBroker broker;
    private final String bootstrapServers;
    private final Admin admin;
    private KafkaProducer<String, SitewatchEvent> events;
    private KafkaProducer<String, Alert> alerts;

    private TestKafka(EmbeddedKafkaBroker broker) {
        this.broker = broker;
        this.bootstrapServers = broker.bootstrapServers();
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        new TopicProvisioner(admin, (short) 1, Duration.ofSeconds(30)).ensure(Topics.ALL);
    }

    /** Starts a broker on a free loopback port with its data in {@code dataDir}, and creates the topics. */
    public static TestKafka start(Path dataDir) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).port(0).start();
        try {
            return new TestKafka(broker);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Shuts the broker down cleanly, as an outage; clients keep trying its address. */
    public synchronized void stopBroker() {
        broker.close();
    }

    /** Starts the broker again on the same data dir and port: topics, records and transactions are back. */
    public synchronized void restartBroker() {
        int port = Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
        broker = EmbeddedKafkaBroker.builder().dataDir(broker.dataDir()).port(port).start();
    }

    /** Every value committed in the topic so far, read to its end with read_committed as the streams app reads it. */
    public <V> List<V> readCommitted(TopicSpec<String, V> topic) {
        return readCommittedRecords(topic).stream().map(ConsumerRecord::value).toList();
    }

    /** {@link #readCommitted} with the records' keys, partitions and offsets. */
    public <V> List<ConsumerRecord<String, V>> readCommittedRecords(TopicSpec<String, V> topic) {
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    public Admin admin() {
        return admin;
    }

    /** Publishes as the collectors do (binary CloudEvents, keyed, event time as timestamp) and waits for the acks. */
    public void publish(SitewatchEvent... batch) {
        publish(List.of(batch));
    }

    public synchronized void publish(List<SitewatchEvent> batch) {
        if (events == null) {
            events = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 0),
                    new StringSerializer(), Topics.VM.valueSerde().serializer());
        }
        for (SitewatchEvent e : batch) {
            events.send(new ProducerRecord<>(e.type().topic().name(), null, e.time().toEpochMilli(), e.key(), e));
        }
        events.flush();
    }

    /** Writes bytes that are not a CloudEvent at all to {@code topic}, as a broken producer would. */
    public void publishGarbage(String topic, String key, long timestamp) throws InterruptedException, ExecutionException,
            TimeoutException {
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topic, null, timestamp, key.getBytes(StandardCharsets.UTF_8),
                    "{not json".getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);
        }
    }

    /** Writes the alerts to {@code sitewatch.alerts}, keyed by fingerprint, in one committed transaction. */
    public void sendAlerts(Alert... batch) {
        writeAlerts(true, batch);
    }

    /** Writes the alerts in a transaction that is then aborted: read_committed readers never see them. */
    public void sendAlertsAborted(Alert... batch) {
        writeAlerts(false, batch);
    }

    /** Deletes a partition's records before {@code offset}, as retention would. */
    public void deleteBefore(TopicPartition partition, long offset) throws InterruptedException, ExecutionException,
            TimeoutException {
        admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(offset))).all().get(30, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void close() {
        if (events != null) {
            events.close(Duration.ofSeconds(5));
        }
        if (alerts != null) {
            alerts.close(Duration.ofSeconds(5));
        }
        admin.close(Duration.ofSeconds(5));
        broker.close();
    }

    private synchronized void writeAlerts(boolean commit, Alert... batch) {
        KafkaProducer<String, Alert> producer = alertProducer();
        producer.beginTransaction();
        for (Alert a : batch) {
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), a.fingerprint(), a));
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.flush();
            producer.abortTransaction();
        }
    }

    private KafkaProducer<String, Alert> alertProducer() {
        if (alerts == null) {
            alerts = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, "sitewatch-test-alerts-" + UUID.randomUUID(),
                    ProducerConfig.LINGER_MS_CONFIG, 0),
                    Topics.ALERTS.keySerde().serializer(), Topics.ALERTS.valueSerde().serializer());
            alerts.initTransactions();
        }
        return alerts;
    }
}
