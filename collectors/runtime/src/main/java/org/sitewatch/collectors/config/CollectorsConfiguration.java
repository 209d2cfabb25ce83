package org.sitewatch.collectors.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sitewatch.collectors.runtime.CollectorManager;
import org.sitewatch.collectors.runtime.CollectorRegistry;
import org.sitewatch.collectors.runtime.EventSink;
import org.sitewatch.collectors.runtime.KafkaEventSink;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.KafkaClientSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Runs the collectors inside a Spring Boot application when {@code sitewatch.collectors.enabled}
 * is true (the default): a {@link KafkaEventSink} to the Kafka of {@code sitewatch.kafka.*}
 * (unless the application defines its own {@link EventSink}) and a {@link CollectorManager}
 * (a SmartLifecycle) for the endpoints of the properties plus those of any
 * {@link CollectorEndpoints} beans. Registered as an auto-configuration, so a
 * {@code @SpringBootApplication} picks it up; it can also be {@code @Import}ed. It creates no topics.
 *
 * <p>Meters go to the application's {@link MeterRegistry} (else Micrometer's global one); time
 * comes from the application's single {@link Clock} bean if it has one, else the system UTC clock.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "sitewatch.collectors", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(CollectorsProperties.class)
public class CollectorsConfiguration {

    @Bean
    @ConditionalOnMissingBean(EventSink.class)
    public KafkaEventSink kafkaEventSink(Environment environment, CollectorsProperties properties,
                                         ObjectProvider<MeterRegistry> meters) {
        // sitewatch.kafka.* (shared by every Sitewatch client), then sitewatch.collectors.producer.* on top.
        KafkaClientSettings kafka = Binder.get(environment).bindOrCreate(KafkaClientSettings.PREFIX, KafkaClientSettings.class);
        String bootstrap = kafka.requireBootstrapServers("the collectors need a Kafka to publish to (or set "
                + "sitewatch.collectors.enabled=false)");
        Map<String, Object> overrides = new HashMap<>(kafka.clientConfig("collectors"));
        overrides.putAll(properties.producer());
        return KafkaEventSink.create(bootstrap, overrides, meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    @ConditionalOnMissingBean
    public CollectorRegistry collectorRegistry() {
        return CollectorRegistry.discover();
    }

    @Bean
    public CollectorManager collectorManager(CollectorsProperties properties, ObjectProvider<CollectorEndpoints> extra,
                                             CollectorRegistry registry, EventSink sink, Environment environment,
                                             ObjectProvider<MeterRegistry> meters, ObjectProvider<Clock> clock) {
        List<EndpointConfig> endpoints = new ArrayList<>();
        EndpointBlocks blocks = new EndpointBlocks(environment);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < properties.endpoints().size(); i++) {
            CollectorsProperties.Endpoint e = properties.endpoints().get(i);
            List<String> locationProblems = e.locationProblems(EndpointBlocks.PREFIX + "[" + i + "].");
            problems.addAll(locationProblems);
            problems.addAll(blocks.problems(i, e.platform()));
            if (locationProblems.isEmpty()) {
                endpoints.add(e.toEndpointConfig(blocks.vendorBlock(i, e.platform())));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid collector configuration:\n  " + String.join("\n  ", problems));
        }
        extra.orderedStream().forEach(source -> endpoints.addAll(source.endpoints()));
        return new CollectorManager(endpoints, registry, sink, meters.getIfAvailable(() -> Metrics.globalRegistry),
                clock.getIfUnique(Clock::systemUTC), properties.retry().toPolicy(), properties.runtime().toSettings());
    }
}
