package org.sitewatch.streams.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.sitewatch.broker.EmbeddedKafkaBroker;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.TopicProvisioner;
import org.sitewatch.events.Topics;

/** A real single-node broker with Sitewatch's topics (raw topics of 6 partitions), and a publisher. */
final class ItKafka implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;

    ItKafka(Path dataDir) {
        broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).port(0).start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            new TopicProvisioner(admin, (short) 1, Duration.ofSeconds(30)).ensure(Topics.ALL);
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Publishes events as collectors do: binary-mode CloudEvents, keyed, event time as timestamp. */
    void publish(List<SitewatchEvent> events) {
        Serializer<SitewatchEvent> values = Topics.VM.valueSerde().serializer();
        try (KafkaProducer<String, SitewatchEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), values)) {
            for (SitewatchEvent e : events) {
                producer.send(new ProducerRecord<>(e.type().topic().name(), null, e.time().toEpochMilli(), e.key(), e));
            }
            producer.flush();
        }
    }

    @Override
    public void close() {
        broker.close();
    }
}
