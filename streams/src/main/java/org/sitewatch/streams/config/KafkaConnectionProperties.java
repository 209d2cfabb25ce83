package org.sitewatch.streams.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sitewatch.kafka.*}: where Kafka is ({@code SITEWATCH_KAFKA_BOOTSTRAPSERVERS} as an
 * environment variable). Security settings go to {@code sitewatch.streams.properties.*}.
 */
@ConfigurationProperties("sitewatch.kafka")
public record KafkaConnectionProperties(@DefaultValue("localhost:9092") String bootstrapServers) {
}
