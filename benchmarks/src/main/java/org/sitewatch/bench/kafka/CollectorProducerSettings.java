package org.sitewatch.bench.kafka;

import java.util.List;

/**
 * The settings the collectors' producer ({@code KafkaEventSink}) pins, as {@code key=value} for
 * ProducerPerformance's {@code --producer-props}, so Kafka's tool and Sitewatch produce alike. Kept
 * in step with {@code KafkaEventSink.producerConfig} by hand: that method is package-private.
 */
final class CollectorProducerSettings {

    static final List<String> PROPS = List.of("acks=all", "enable.idempotence=true", "compression.type=zstd", "linger.ms=20");

    private CollectorProducerSettings() {
    }
}
