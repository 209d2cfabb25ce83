package org.sitewatch.alerting.dispatch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.sitewatch.alerting.delivery.Backoff;
import org.sitewatch.events.KafkaClientSettings;

/**
 * How the dispatcher talks to Kafka and paces itself, and the consumer configs built from it. The
 * delivery guarantees are set last so the extra client settings cannot weaken them: manual commits,
 * {@code read_committed} (the streams app writes alerts with exactly-once transactions; aborted
 * records must never be delivered), and {@code earliest} so a new group delivers what is in the topic.
 *
 * @param kafka {@code sitewatch.kafka.*} with the alerting module's own extra client settings applied
 */
public record DispatcherSettings(KafkaClientSettings kafka, String groupId, Backoff backoff,
                                 Duration resolvedResendFor, Duration pollTimeout, Duration kafkaTimeout) {

    KafkaConsumer<String, byte[]> groupConsumer() {
        Map<String, Object> c = readerConfig("alert-dispatcher");
        c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        c.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Group-less, for the rebuild of the delivery state from {@code sitewatch.alert-dispatch}. */
    KafkaConsumer<String, byte[]> stateReader() {
        Map<String, Object> c = readerConfig("alert-rebuild");
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        c.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-rebuild");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        return new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Writes the delivery state: idempotent and acks=all, so an acknowledged state is on every in-sync replica. */
    KafkaProducer<String, byte[]> stateWriter() {
        Map<String, Object> c = new HashMap<>(kafka.clientConfig("alert-state-writer"));
        c.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, groupId + "-state");
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) kafkaTimeout.toMillis());
        return new KafkaProducer<>(c, new StringSerializer(), new ByteArraySerializer());
    }

    private Map<String, Object> readerConfig(String role) {
        Map<String, Object> c = new HashMap<>(kafka.clientConfig(role));
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) kafkaTimeout.toMillis());
        return c;
    }
}
