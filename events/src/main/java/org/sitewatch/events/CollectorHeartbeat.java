package org.sitewatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A collector endpoint's heartbeat, sent after every poll or at a fixed rate by push sources
 * ({@code org.sitewatch.collector.heartbeat.v1}). Its absence is what makes a site stale.
 *
 * @param collectorId the configured endpoint id, unique per site
 * @param endpoint the vendor endpoint's address without credentials
 * @param errorKind why the last poll failed; null when status is OK
 * @param error human-readable reason of the failure; null when status is OK
 * @param lastSuccess when the collector last read the vendor successfully; null when never
 * @param intervalSeconds how often the next heartbeat is due, for staleness detection
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CollectorHeartbeat(
        String site,
        Platform platform,
        String collectorId,
        String endpoint,
        CollectorStatus status,
        CollectorErrorKind errorKind,
        String error,
        Long pollDurationMillis,
        Instant lastSuccess,
        long intervalSeconds,
        String vendorState) implements EventData {

    @Override
    public String entityId() {
        return collectorId;
    }
}
