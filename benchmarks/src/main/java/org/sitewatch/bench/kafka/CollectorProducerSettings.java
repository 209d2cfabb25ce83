package org.sitewatch.bench.kafka;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.sitewatch.collectors.runtime.KafkaEventSink;

/**
 * The collectors' producer settings ({@link KafkaEventSink#producerConfig}) as {@code key=value} for
 * ProducerPerformance's {@code --producer-props}, so Kafka's tool and Sitewatch produce alike. The
 * bootstrap servers are the tool's own argument.
 */
final class CollectorProducerSettings {

    static final List<String> PROPS = KafkaEventSink.producerConfig("", Map.of()).entrySet().stream()
            .filter(e -> !e.getKey().equals(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG))
            .map(e -> e.getKey() + "=" + e.getValue())
            .sorted()
            .toList();

    private CollectorProducerSettings() {
    }
}
