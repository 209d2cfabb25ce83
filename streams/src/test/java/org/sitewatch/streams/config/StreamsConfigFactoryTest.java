package org.sitewatch.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.KafkaClientSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The streams app's Kafka settings: the shared client settings reach it, exactly-once stays pinned. */
class StreamsConfigFactoryTest {

    @Test
    void shouldStartFromTheSharedKafkaClientSettings() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "sitewatch.kafka.bootstrap-servers", "k1:9093",
                "sitewatch.kafka.properties.security.protocol", "SASL_SSL",
                "sitewatch.kafka.properties.client.id", "paris")));

        Properties props = StreamsConfigFactory.streamsProperties(streams(Map.of()), StreamsConfigFactory.kafkaSettings(binder));

        assertThat(props).containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "k1:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(props.getProperty(StreamsConfig.CLIENT_ID_CONFIG)).startsWith("paris-streams-");
    }

    @Test
    void shouldDefaultToLocalhostWhenNoKafkaIsConfigured() {
        KafkaClientSettings kafka = StreamsConfigFactory.kafkaSettings(new Binder(new MapConfigurationPropertySource()));

        assertThat(kafka.bootstrapServers()).isEqualTo("localhost:9092");
    }

    @Test
    void shouldRefuseAWeakerProcessingGuaranteeWhereverItIsSet() {
        KafkaClientSettings weakShared = new KafkaClientSettings("k:9092",
                Map.of("processing.guarantee", "at_least_once"), Map.of());
        assertThatThrownBy(() -> StreamsConfigFactory.streamsProperties(streams(Map.of()), weakShared))
                .hasMessageContaining("sitewatch.kafka.properties.processing.guarantee=at_least_once")
                .hasMessageContaining("exactly_once_v2");

        assertThatThrownBy(() -> StreamsConfigFactory.streamsProperties(
                streams(Map.of("processing.guarantee", "at_least_once")), KafkaClientSettings.of("k:9092")))
                .hasMessageContaining("sitewatch.streams.properties.processing.guarantee=at_least_once");
    }

    private static StreamsProperties streams(Map<String, String> raw) {
        Map<String, String> source = new HashMap<>();
        raw.forEach((k, v) -> source.put("sitewatch.streams.properties." + k, v));
        return new Binder(new MapConfigurationPropertySource(source)).bindOrCreate("sitewatch.streams", StreamsProperties.class);
    }
}
