package org.sitewatch.audit.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sitewatch.audit.*}: the audit REST API. Kafka comes from {@code sitewatch.kafka.*}, shared by
 * every Sitewatch client.
 *
 * @param enabled whether {@code /api/audit/*} is served (with the streams app)
 * @param timeout how long Kafka may take to answer before a request fails with 503
 * @param maxConcurrent replays and rebuilds running at once; more are answered 429 with Retry-After
 * @param maxLateness how far past the range partitions are read for late events
 * @param sortBufferRecords records sorted in memory per replay before spilling to temp files
 */
@ConfigurationProperties("sitewatch.audit")
public record AuditProperties(@DefaultValue("true") boolean enabled, @DefaultValue("15s") Duration timeout,
                              @DefaultValue("2") int maxConcurrent, @DefaultValue("1h") Duration maxLateness,
                              @DefaultValue("100000") int sortBufferRecords) {
}
