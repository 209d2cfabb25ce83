package org.sitewatch.alerting.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.sitewatch.broker.EmbeddedKafkaBroker;
import org.sitewatch.events.Alert;
import org.sitewatch.events.TopicProvisioner;
import org.sitewatch.events.Topics;

/**
 * A real single-node Kafka for one test class, with Sitewatch's topics, and a transactional alert
 * producer, as the streams app writes alerts with exactly-once.
 */
public final class KafkaFixture implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;
    private final KafkaProducer<String, Alert> producer;

    private KafkaFixture(EmbeddedKafkaBroker broker) {
        this.broker = broker;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            new TopicProvisioner(admin, (short) 1, Duration.ofSeconds(30)).ensure(Topics.ALL);
        }
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "alert-rules-test-" + UUID.randomUUID(),
                ProducerConfig.LINGER_MS_CONFIG, 0),
                Topics.ALERTS.keySerde().serializer(), Topics.ALERTS.valueSerde().serializer());
        producer.initTransactions();
    }

    public static KafkaFixture start(Path dataDir) {
        return new KafkaFixture(EmbeddedKafkaBroker.builder().dataDir(dataDir).port(0).start());
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Writes the alerts, keyed by fingerprint, in one committed transaction. */
    public void send(Alert... alerts) {
        producer.beginTransaction();
        for (Alert a : alerts) {
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), a.fingerprint(), a));
        }
        producer.commitTransaction();
    }

    /** Writes the alerts in a transaction that is then aborted: read_committed readers never see them. */
    public void sendAborted(Alert... alerts) {
        producer.beginTransaction();
        for (Alert a : alerts) {
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), a.fingerprint(), a));
        }
        producer.flush();
        producer.abortTransaction();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        broker.close();
    }
}
