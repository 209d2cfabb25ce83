package org.sitewatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One site's health as the streams app publishes it on {@link Topics#SITE_HEALTH} (compacted, key =
 * site): the verdict with its reasons, and the site's counts. Other consumers (dashboards, alerting,
 * a CMDB) read the newest record per site instead of querying the REST views.
 *
 * <p>Published when the verdict changes, and otherwise at most once per punctuation interval when the
 * counts changed, so it is not a record per event. Values that change with every poll or tick (lags,
 * {@code lastEventTime}, heartbeat times) are left out on the topic; the REST views, which share this
 * shape, fill them in at the time of the request.
 *
 * @param location where the site runs (cloud and region) as its collectors report it; absent when
 *     none of them is configured with one
 * @param status OK, DEGRADED, CRITICAL or UNKNOWN
 * @param reasons most severe first; empty when OK
 * @param since when the site reached this status and reasons
 * @param lastEventTime the newest event time folded into the site (REST views only)
 * @param problemCount entities of the site with a problem
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SiteHealthView(String site, SiteLocation location, String status, List<String> reasons, Instant since, Instant lastEventTime,
                             Counts counts, List<Collector> collectors, long problemCount) {

    public SiteHealthView {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        collectors = collectors == null ? List.of() : List.copyOf(collectors);
    }

    /** Every enum-keyed map lists every value, zeros included, so readers see a stable shape. */
    public record Counts(VmCounts vms, HostCounts haHosts, ClusterCounts haClusters, ReplicationCounts replication) {
    }

    /**
     * @param haProtected VMs an HA mechanism restarts; {@code haUnknown} where the vendor does not say
     */
    public record VmCounts(long total, Map<String, Long> byPower, long haProtected, long haUnprotected, long haUnknown) {
    }

    public record HostCounts(long total, Map<String, Long> byState) {
    }

    /**
     * @param failoverCapacityLost clusters with failover capacity 0: the next host failure is not covered
     * @param byFailoverCapacity buckets 0, 1, 2, 3+ and unknown
     */
    public record ClusterCounts(long total, long withoutQuorum, long haDisabled, long failoverCapacityLost,
                                Map<String, Long> byFailoverCapacity) {
    }

    /**
     * @param inRpo items held to an RPO and within it (plus grace)
     * @param outsideRpo items outside their recovery point objective (never synced included)
     * @param neverSynced items with no recovery point at all
     * @param testFailoverOverdue items whose last test failover is older than the allowed age or missing
     * @param neverTested items with no test failover recorded
     * @param worstLagSeconds the largest age of a last recovery point, at the view's instant; only in the
     *     REST views, never on the topic (it changes with every tick)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReplicationCounts(long total, Map<String, Long> byState, Map<String, Long> byHealth, long inRpo, long outsideRpo,
                                    long neverSynced, long testFailoverOverdue, long neverTested, Long worstLagSeconds) {
    }

    /**
     * A collector endpoint's last heartbeat ({@code lastHeartbeat} and {@code lastSuccess}: REST views only).
     *
     * @param stale true when no heartbeat came within the allowed number of intervals at the view's instant
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Collector(String collectorId, Platform platform, String endpoint, CollectorStatus status,
                            CollectorErrorKind errorKind, String error, Instant lastHeartbeat, Instant lastSuccess,
                            long intervalSeconds, boolean stale) {
    }
}
