package org.sitewatch.audit.web;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code sitewatch.audit.*}: the audit REST API. Kafka comes from {@code sitewatch.kafka.*}, shared by
 * every Sitewatch client. The API runs inside the monitoring process, so each request is bounded: its
 * range, its time, the threads that decode for it and the disk it sorts on.
 *
 * @param enabled whether {@code /api/audit/*} is served (with the streams app)
 * @param timeout how long Kafka may take to answer before a request fails with 503
 * @param maxConcurrent replays and rebuilds running at once; more are answered 429 with Retry-After
 * @param maxLateness how far past the range partitions are read for late events
 * @param sortBufferRecords records sorted in memory per replay before spilling to temp files
 * @param maxRange the longest {@code from}..{@code to} of {@code /api/audit/events}, and the longest
 *     {@code maxLateness} it accepts; longer is a 400 (the command line has no such limit)
 * @param requestDeadline how long one request may read Kafka (and sort) before it is stopped with 503
 * @param decoderThreads threads decoding records for all requests together; 0: half the cores, at least 1
 * @param maxSpillSize temporary disk that all running replays together may sort on; a replay needing
 *     more fails with 507 and its files are deleted
 * @param spillDirectory where replays sort on disk; unset: the JVM's temporary directory
 */
@ConfigurationProperties("sitewatch.audit")
public record AuditProperties(@DefaultValue("true") boolean enabled, @DefaultValue("15s") Duration timeout,
                              @DefaultValue("2") int maxConcurrent, @DefaultValue("1h") Duration maxLateness,
                              @DefaultValue("100000") int sortBufferRecords, @DefaultValue("7d") Duration maxRange,
                              @DefaultValue("2m") Duration requestDeadline, @DefaultValue("0") int decoderThreads,
                              @DefaultValue("1GB") DataSize maxSpillSize, Path spillDirectory) {

    public static final String PREFIX = "sitewatch.audit.";

    public AuditProperties {
        requirePositive(timeout, "timeout");
        requirePositive(maxRange, "max-range");
        requirePositive(requestDeadline, "request-deadline");
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException(PREFIX + "max-concurrent must be at least 1, not " + maxConcurrent);
        }
        if (sortBufferRecords < 1) {
            throw new IllegalArgumentException(PREFIX + "sort-buffer-records must be at least 1, not " + sortBufferRecords);
        }
        if (decoderThreads < 0) {
            throw new IllegalArgumentException(PREFIX + "decoder-threads must be 0 (half the cores) or more, not " + decoderThreads);
        }
        if (maxSpillSize == null || maxSpillSize.isNegative()) {
            throw new IllegalArgumentException(PREFIX + "max-spill-size must not be negative, not " + maxSpillSize);
        }
        if (maxLateness != null && maxLateness.isNegative()) {
            throw new IllegalArgumentException(PREFIX + "max-lateness must not be negative, not " + maxLateness);
        }
    }

    /** The decoding threads to start: {@link #decoderThreads}, or half the cores (at least 1) for 0. */
    public int effectiveDecoderThreads() {
        return decoderThreads > 0 ? decoderThreads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(PREFIX + name + " must be a positive duration, not " + d);
        }
    }
}
