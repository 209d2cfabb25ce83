package org.sitewatch.audit.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.sitewatch.events.KafkaClientSettings;

/**
 * How the audit reaches Kafka: the shared {@code sitewatch.kafka.*} client settings and a timeout.
 *
 * @param client bootstrap servers and every extra Kafka client setting (security), applied last to
 *     each audit client
 * @param timeout how long one Kafka request (metadata, offsets, a fetch making no progress) may take
 *     before the broker is reported unreachable
 */
public record KafkaSettings(KafkaClientSettings client, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    public KafkaSettings {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(client.bootstrapServers(), "bootstrapServers");
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /** Bootstrap servers and inline client properties only (tests, benchmarks). */
    public KafkaSettings(String bootstrapServers, Duration timeout, Map<String, String> clientProperties) {
        this(new KafkaClientSettings(bootstrapServers, clientProperties, Map.of()), timeout);
    }

    public static KafkaSettings of(String bootstrapServers) {
        return new KafkaSettings(KafkaClientSettings.of(bootstrapServers), DEFAULT_TIMEOUT);
    }

    public String bootstrapServers() {
        return client.bootstrapServers();
    }

    /** The configuration an audit client of {@code role} starts from (see {@link KafkaClientSettings#clientConfig}). */
    public Map<String, Object> clientConfig(String role) {
        return client.clientConfig(role);
    }
}
