package org.sitewatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

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
 * @param unreadable parts of the endpoint the last poll could not read (a partial read); empty when
 *     everything was read. The status stays {@link CollectorStatus#OK} for a partial read: the
 *     collector works, and these scopes keep their last published state. Left out of the JSON when
 *     empty, so heartbeats without it keep their exact form (and their deterministic event ids).
 * @param location where the endpoint's site runs (cloud and region), as configured for the endpoint;
 *     null when not configured, and then left out of the JSON for the same reason
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
        String vendorState,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<UnreadableScope> unreadable,
        SiteLocation location) implements EventData {

    public CollectorHeartbeat {
        unreadable = unreadable == null ? List.of() : List.copyOf(unreadable);
    }

    /** A heartbeat of a poll that read everything it tried to. */
    public CollectorHeartbeat(String site, Platform platform, String collectorId, String endpoint, CollectorStatus status,
                              CollectorErrorKind errorKind, String error, Long pollDurationMillis, Instant lastSuccess,
                              long intervalSeconds, String vendorState) {
        this(site, platform, collectorId, endpoint, status, errorKind, error, pollDurationMillis, lastSuccess,
                intervalSeconds, vendorState, List.of());
    }

    /** A heartbeat of an endpoint without a configured location. */
    public CollectorHeartbeat(String site, Platform platform, String collectorId, String endpoint, CollectorStatus status,
                              CollectorErrorKind errorKind, String error, Long pollDurationMillis, Instant lastSuccess,
                              long intervalSeconds, String vendorState, List<UnreadableScope> unreadable) {
        this(site, platform, collectorId, endpoint, status, errorKind, error, pollDurationMillis, lastSuccess,
                intervalSeconds, vendorState, unreadable, null);
    }

    @Override
    public String entityId() {
        return collectorId;
    }
}
