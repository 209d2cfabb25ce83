package org.sitewatch.audit.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.sitewatch.audit.kafka.KafkaSettings;
import org.sitewatch.broker.EmbeddedKafkaBroker;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.TopicProvisioner;
import org.sitewatch.events.Topics;

/**
 * A real single-node broker with Sitewatch's topics, and a producer that publishes events as the
 * collectors do: key {@code <site>/<entity>}, CloudEvents binary mode, record timestamp = event time
 * (so a late event is one with a small timestamp produced after newer ones).
 */
public final class KafkaFixture implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;
    private final Admin admin;
    private final KafkaProducer<String, SitewatchEvent> producer;

    public KafkaFixture(Path dataDir) {
        broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).port(0).start();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        new TopicProvisioner(admin, (short) 1, Duration.ofSeconds(30)).ensure(Topics.ALL);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), Topics.VM.valueSerde().serializer());
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public KafkaSettings settings() {
        return new KafkaSettings(bootstrapServers(), Duration.ofSeconds(10), Map.of());
    }

    public Admin admin() {
        return admin;
    }

    /** Publishes in the given order and waits until Kafka has them all. */
    public void publish(SitewatchEvent... events) {
        publish(List.of(events));
    }

    public void publish(List<SitewatchEvent> events) {
        try {
            for (SitewatchEvent e : events) {
                producer.send(new ProducerRecord<>(e.type().topic().name(), null, e.time().toEpochMilli(), e.key(), e));
            }
            producer.flush();
        } catch (RuntimeException e) {
            throw new IllegalStateException("publishing failed", e);
        }
    }

    /** A record that is not a CloudEvent at all, on a raw topic. */
    public void publishGarbage(String topic, String key, long timestamp) throws Exception {
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topic, null, timestamp, key.getBytes(), "{not json".getBytes(), new RecordHeaders()))
                    .get(10, TimeUnit.SECONDS);
        }
    }

    /** Deletes a partition's records before {@code offset}, as retention would. */
    public void deleteBefore(TopicPartition tp, long offset) throws Exception {
        admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(offset))).all().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
        broker.close();
    }
}
