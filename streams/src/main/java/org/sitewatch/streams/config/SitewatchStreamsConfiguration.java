package org.sitewatch.streams.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.Topology;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.events.KafkaClientSettings;
import org.sitewatch.streams.health.ComponentUp;
import org.sitewatch.streams.health.StreamsHealthIndicator;
import org.sitewatch.streams.query.KafkaStreamsRouting;
import org.sitewatch.streams.query.StoreTopics;
import org.sitewatch.streams.query.KafkaStreamsStoreProvider;
import org.sitewatch.streams.query.RestorationTracker;
import org.sitewatch.streams.query.Routing;
import org.sitewatch.streams.query.StoreProvider;
import org.sitewatch.streams.topology.DeadLetterHandler;
import org.sitewatch.streams.topology.DeadLetterProducer;
import org.sitewatch.streams.topology.SitewatchTopology;
import org.sitewatch.streams.topology.TopologySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The streams app: builds the topology, creates and runs Kafka Streams from {@code sitewatch.kafka.*}
 * and {@code sitewatch.streams.*} ({@link StreamsLifecycle}, which also binds its client metrics),
 * routes queries between instances ({@link KafkaStreamsRouting}), and serves the views
 * ({@link SitewatchViewsConfiguration}). Import it from the app:
 * {@code @Import(SitewatchStreamsConfiguration.class)}. Off with {@code sitewatch.streams.enabled=false}.
 * It creates no topics: they must exist before it starts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "sitewatch.streams", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({StreamsProperties.class, AlertProperties.class})
@Import(SitewatchViewsConfiguration.class)
public class SitewatchStreamsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SitewatchStreamsConfiguration.class);

    /** {@code sitewatch.kafka.*}, the client settings every Sitewatch client starts from. */
    @Bean
    KafkaClientSettings sitewatchStreamsKafkaSettings(Environment environment) {
        return StreamsConfigFactory.kafkaSettings(Binder.get(environment));
    }

    @Bean
    TopologySettings sitewatchTopologySettings(StreamsProperties streams, HealthRules rules, AlertProperties alerts,
                                               Environment environment) {
        return StreamsConfigFactory.topologySettings(streams, rules)
                .withAlerts(alerts.toSettings(RunbookLinks.ownBaseUrl(environment, streams)));
    }

    @Bean
    Topology sitewatchTopology(StreamsProperties streams, KafkaClientSettings kafka, TopologySettings settings) {
        Topology topology = SitewatchTopology.topology(StreamsConfigFactory.streamsProperties(streams, kafka), settings);
        log.debug("Sitewatch topology:\n{}", topology.describe());
        return topology;
    }

    /** One dead-letter producer shared by every task's handler, closed after Kafka Streams. */
    @Bean(destroyMethod = "close")
    DeadLetterProducer sitewatchDeadLetterProducer(StreamsProperties streams, KafkaClientSettings kafka) {
        Map<String, Object> configs = new HashMap<>();
        StreamsConfigFactory.streamsProperties(streams, kafka).forEach((k, v) -> configs.put(k.toString(), v));
        return new DeadLetterProducer(configs);
    }

    @Bean
    RestorationTracker sitewatchRestorationTracker() {
        return new RestorationTracker();
    }

    /** Owns Kafka Streams: created and started once the web server's port is known. */
    @Bean
    StreamsLifecycle sitewatchStreamsLifecycle(Topology topology, StreamsProperties streams, KafkaClientSettings kafka,
                                               DeadLetterProducer deadLetters, RestorationTracker restoration,
                                               ObjectProvider<MeterRegistry> registry) {
        Properties props = StreamsConfigFactory.streamsProperties(streams, kafka);
        props.put(DeadLetterHandler.PRODUCER_SUPPLIER_CONFIG, deadLetters);
        return new StreamsLifecycle(topology, props, streams, restoration, registry.getIfAvailable());
    }

    /**
     * Kafka Streams in {@code /actuator/health} as {@code streams}, and the gauge
     * {@code sitewatch_component_up{part="streams"}} that SitewatchStreamsNotRunning fires on.
     */
    @Bean
    StreamsHealthIndicator streamsHealthIndicator(StreamsLifecycle lifecycle, ObjectProvider<MeterRegistry> registry) {
        StreamsHealthIndicator health = new StreamsHealthIndicator(lifecycle);
        registry.ifAvailable(r -> ComponentUp.register(r, StreamsHealthIndicator.PART, health::up));
        return health;
    }

    @Bean
    StoreProvider sitewatchStoreProvider(StreamsLifecycle lifecycle, RestorationTracker restoration) {
        return new KafkaStreamsStoreProvider(lifecycle, restoration);
    }

    @Bean
    Routing sitewatchRouting(StreamsLifecycle lifecycle, Topology topology, StreamsProperties streams) {
        return new KafkaStreamsRouting(lifecycle, lifecycle::advertised, StoreTopics.of(topology, streams.applicationId()));
    }
}
