package org.sitewatch.alerting.dispatch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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

    /** Group-less, for the rebuild of the active set. */
    KafkaConsumer<String, byte[]> loaderConsumer() {
        Map<String, Object> c = readerConfig("alert-rebuild");
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        c.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-rebuild");
        return new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private Map<String, Object> readerConfig(String role) {
        Map<String, Object> c = new HashMap<>(kafka.clientConfig(role));
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) kafkaTimeout.toMillis());
        return c;
    }
}
