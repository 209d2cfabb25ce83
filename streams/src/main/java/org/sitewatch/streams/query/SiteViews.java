package org.sitewatch.streams.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.Platform;
import org.sitewatch.streams.fold.EntityKind;
import org.sitewatch.streams.fold.HaActionView;
import org.sitewatch.streams.fold.HealthStatus;

/**
 * The read-only JSON views of sites, as records (the REST API returns them as they are). Every
 * enum-keyed count map lists every value, zeros included, so clients see a stable shape.
 */
public final class SiteViews {

    private SiteViews() {
    }

    /** {@code GET /api/sites}. */
    public record SiteList(Instant asOf, List<SiteSummary> sites) {
    }

    /** One site in the list: its verdict and counts. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SiteSummary(String site, HealthStatus status, List<String> reasons, Instant asOf,
                              Instant lastEventTime, SiteCounts counts, List<CollectorStatusView> collectors,
                              long problemCount) {
    }

    /** {@code GET /api/sites/{site}}: the summary plus the problem list and recent HA actions. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SiteDetail(String site, HealthStatus status, List<String> reasons, Instant asOf,
                             Instant lastEventTime, SiteCounts counts, List<CollectorStatusView> collectors,
                             long problemCount, List<ProblemView> problems, long problemsNotListed,
                             List<HaActionView> recentHaActions) {
    }

    public record SiteCounts(VmCounts vms, HostCounts haHosts, ClusterCounts haClusters, ReplicationCounts replication) {
    }

    public record VmCounts(long total, Map<String, Long> byPower) {
    }

    public record HostCounts(long total, Map<String, Long> byState) {
    }

    /**
     * @param byFailoverCapacity buckets 0, 1, 2, 3+ and unknown
     */
    public record ClusterCounts(long total, long withoutQuorum, long haDisabled, Map<String, Long> byFailoverCapacity) {
    }

    /**
     * @param worstLagSeconds the largest age of the last recovery point among the listed replication
     *     problems, at {@code asOf}; null when none has a recovery point
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReplicationCounts(long total, Map<String, Long> byState, Map<String, Long> byHealth, long outsideRpo,
                                    Long worstLagSeconds) {
    }

    /** A collector endpoint's last heartbeat and whether it is stale at {@code asOf}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CollectorStatusView(String collectorId, Platform platform, String endpoint, CollectorStatus status,
                                      CollectorErrorKind errorKind, String error, Instant lastHeartbeat,
                                      Instant lastSuccess, long intervalSeconds, boolean stale) {
    }

    /**
     * @param lagSeconds replicated items: age of the last recovery point at {@code asOf}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProblemView(String subject, EntityKind kind, String entityId, String name, HealthStatus severity,
                              String reason, Instant since, Instant lastRecoveryPoint, Long targetRpoSeconds,
                              Long lagSeconds) {
    }
}
