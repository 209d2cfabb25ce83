package org.sitewatch.streams.topology;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The dead-letter producer: an idempotent {@link KafkaProducer} built from the Streams configs
 * (bootstrap servers, security settings, {@code producer.*} overrides), created on first use since
 * most runs never see a bad record. It is not transactional, so it is outside the exactly-once
 * transaction: a dead letter can be written twice if the task fails after sending it (at-least-once).
 *
 * <p>Kafka Streams creates one exception handler per task and never closes it, so the Spring wiring
 * shares one instance through {@link DeadLetterHandler#PRODUCER_SUPPLIER_CONFIG} and closes it on
 * shutdown.
 */
public final class DeadLetterProducer implements Supplier<Producer<byte[], byte[]>>, AutoCloseable {

    private final Map<String, Object> producerConfigs;
    private Producer<byte[], byte[]> producer;

    public DeadLetterProducer(Map<String, ?> streamsConfigs) {
        this.producerConfigs = producerConfigs(streamsConfigs);
    }

    @Override
    public synchronized Producer<byte[], byte[]> get() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfigs, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
    }

    static Map<String, Object> producerConfigs(Map<String, ?> streamsConfigs) {
        Map<String, Object> configs = new HashMap<>();
        streamsConfigs.forEach((key, value) -> {
            if (value != null && ProducerConfig.configNames().contains(key)) {
                configs.put(key, value);
            }
        });
        streamsConfigs.forEach((key, value) -> {
            if (value != null && key.startsWith(StreamsConfig.PRODUCER_PREFIX)) {
                configs.put(key.substring(StreamsConfig.PRODUCER_PREFIX.length()), value);
            }
        });
        configs.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        configs.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        configs.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        configs.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        configs.put(ProducerConfig.ACKS_CONFIG, "all");
        Object appId = streamsConfigs.get(StreamsConfig.APPLICATION_ID_CONFIG);
        configs.put(ProducerConfig.CLIENT_ID_CONFIG, (appId == null ? "sitewatch-streams" : appId) + "-dlq");
        return configs;
    }
}
