package org.sitewatch.streams.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sitewatch.views.*}: the REST views and domain meters.
 *
 * @param retryAfter the {@code Retry-After} of a 503 while Kafka Streams is not RUNNING
 * @param metricsRefreshInterval how often the per-site meters are recomputed from the aggregates
 */
@ConfigurationProperties("sitewatch.views")
public record ViewsProperties(@DefaultValue("5s") Duration retryAfter,
                              @DefaultValue("15s") Duration metricsRefreshInterval) {
}
