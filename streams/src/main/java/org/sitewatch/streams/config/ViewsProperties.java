package org.sitewatch.streams.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sitewatch.views.*}: the REST views and domain meters.
 *
 * @param retryAfter the {@code Retry-After} of a 503 while Kafka Streams is not RUNNING
 * @param metricsRefreshInterval how often the per-site and per-pair meters are recomputed
 * @param forwardTimeout how long an instance waits for another one's part of an answer
 * @param metricsOutsideRpoItemsPerSite items outside their RPO given their own lag series, per site
 * @param metricsOutsideRpoItems the same, over all sites of this instance
 */
@ConfigurationProperties("sitewatch.views")
public record ViewsProperties(@DefaultValue("5s") Duration retryAfter,
                              @DefaultValue("15s") Duration metricsRefreshInterval,
                              @DefaultValue("5s") Duration forwardTimeout,
                              @DefaultValue("20") int metricsOutsideRpoItemsPerSite,
                              @DefaultValue("500") int metricsOutsideRpoItems) {
}
