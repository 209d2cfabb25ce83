package org.sitewatch.audit.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the audit reaches Kafka.
 *
 * @param timeout how long one Kafka request (metadata, offsets, a fetch making no progress) may take
 *     before the broker is reported unreachable
 * @param clientProperties extra Kafka client settings (security), applied last
 */
public record KafkaSettings(String bootstrapServers, Duration timeout, Map<String, String> clientProperties) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    public KafkaSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        clientProperties = clientProperties == null ? Map.of() : Map.copyOf(clientProperties);
    }

    public static KafkaSettings of(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, DEFAULT_TIMEOUT, Map.of());
    }
}
