package org.sitewatch.audit;

import java.time.Duration;
import java.util.Objects;

/**
 * What to replay: a range of event time, the filters, and how late an event may arrive and still be
 * found.
 *
 * @param maxLateness Kafka keeps a partition in arrival order, so an event that arrived late sits
 *     after newer ones; each partition is read until its records are this much newer than
 *     {@code range.to()} (or to its end). Null means read every partition to its end: complete
 *     whatever the lateness, slower for old ranges.
 * @param allowTruncated replay even when the range starts before the oldest event Kafka still keeps
 */
public record ReplayRequest(TimeRange range, EventFilter filter, Duration maxLateness, boolean allowTruncated) {

    /** One hour: far more than a collector's publishing delay, short enough to keep old ranges cheap. */
    public static final Duration DEFAULT_MAX_LATENESS = Duration.ofHours(1);

    public ReplayRequest {
        Objects.requireNonNull(range, "range");
        filter = filter == null ? EventFilter.none() : filter;
        if (maxLateness != null && maxLateness.isNegative()) {
            throw new AuditException(AuditException.Kind.BAD_REQUEST, "--max-lateness must not be negative");
        }
    }

    public static ReplayRequest of(TimeRange range, EventFilter filter) {
        return new ReplayRequest(range, filter, DEFAULT_MAX_LATENESS, false);
    }
}
