package org.sitewatch.streams.config;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.sitewatch.streams.fold.HealthRules;
import org.sitewatch.streams.query.KafkaStreamsStoreProvider;
import org.sitewatch.streams.query.StoreProvider;
import org.sitewatch.streams.topology.DeadLetterHandler;
import org.sitewatch.streams.topology.DeadLetterProducer;
import org.sitewatch.streams.topology.SitewatchTopology;
import org.sitewatch.streams.topology.TopologySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The streams app: builds the topology, creates {@link KafkaStreams} from {@code sitewatch.kafka.*}
 * and {@code sitewatch.streams.*}, starts and stops it ({@link StreamsLifecycle}), binds its client
 * metrics, and serves the views ({@link SitewatchViewsConfiguration}). Import it from the app:
 * {@code @Import(SitewatchStreamsConfiguration.class)}. Off with {@code sitewatch.streams.enabled=false}.
 * It creates no topics: they must exist before it starts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "sitewatch.streams", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({StreamsProperties.class, KafkaConnectionProperties.class})
@Import(SitewatchViewsConfiguration.class)
public class SitewatchStreamsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SitewatchStreamsConfiguration.class);

    @Bean
    TopologySettings sitewatchTopologySettings(StreamsProperties streams, HealthRules rules) {
        return StreamsConfigFactory.topologySettings(streams, rules);
    }

    @Bean
    Topology sitewatchTopology(StreamsProperties streams, KafkaConnectionProperties kafka, TopologySettings settings) {
        Topology topology = SitewatchTopology.topology(StreamsConfigFactory.streamsProperties(streams, kafka), settings);
        log.info("Sitewatch topology:\n{}", topology.describe());
        return topology;
    }

    /** One dead-letter producer shared by every task's handler, closed after Kafka Streams. */
    @Bean(destroyMethod = "close")
    DeadLetterProducer sitewatchDeadLetterProducer(StreamsProperties streams, KafkaConnectionProperties kafka) {
        Map<String, Object> configs = new HashMap<>();
        StreamsConfigFactory.streamsProperties(streams, kafka).forEach((k, v) -> configs.put(k.toString(), v));
        return new DeadLetterProducer(configs);
    }

    /** Created, not started: {@link StreamsLifecycle} owns starting and closing it. */
    @Bean(destroyMethod = "")
    KafkaStreams sitewatchKafkaStreams(Topology topology, StreamsProperties streams, KafkaConnectionProperties kafka,
                                       DeadLetterProducer deadLetters) {
        Properties props = StreamsConfigFactory.streamsProperties(streams, kafka);
        props.put(DeadLetterHandler.PRODUCER_SUPPLIER_CONFIG, deadLetters);
        KafkaStreams kafkaStreams = new KafkaStreams(topology, props);
        kafkaStreams.setStateListener((next, previous) -> log.info("Kafka Streams {} -> {}", previous, next));
        kafkaStreams.setUncaughtExceptionHandler(e -> {
            // A bug or an unreadable store, not a bad record (those go to the DLQ): stop visibly, the views answer 503.
            log.error("Kafka Streams failed; shutting the streams client down", e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        return kafkaStreams;
    }

    @Bean
    StreamsLifecycle sitewatchStreamsLifecycle(KafkaStreams kafkaStreams, StreamsProperties streams) {
        return new StreamsLifecycle(kafkaStreams, streams.autoStartup(), streams.closeTimeout());
    }

    @Bean
    StoreProvider sitewatchStoreProvider(KafkaStreams kafkaStreams) {
        return new KafkaStreamsStoreProvider(kafkaStreams);
    }

    /** Kafka Streams client metrics; Spring Boot binds every MeterBinder bean to the registry. */
    @Bean
    KafkaStreamsMetrics sitewatchKafkaStreamsMetrics(KafkaStreams kafkaStreams) {
        return new KafkaStreamsMetrics(kafkaStreams);
    }
}
