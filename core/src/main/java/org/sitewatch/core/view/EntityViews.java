package org.sitewatch.core.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.SiteLocation;

/**
 * The read-only JSON views of single entities, from their latest-state stores. {@code observedAt} is
 * the event time of the observation the state comes from. Removed entities are never listed.
 */
public final class EntityViews {

    private EntityViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VmView(String site, String vmId, String name, Platform platform, String host, String cluster,
                         PowerState power, String vendorState, Boolean haProtected, String haState, Instant observedAt) {
    }

    /**
     * @param pair {@code <source>-><target>}
     * @param targetRpoSeconds the RPO the item is held to after configured overrides; absent when none
     * @param lagSeconds age of the last recovery point at {@code asOf}
     * @param outsideRpo judged at {@code asOf} with the configured thresholds
     * @param testFailoverOverdue the last test failover is older than the allowed age at {@code asOf}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReplicatedItemView(String site, String itemId, String vmId, String name, Platform platform, String pair,
                                     String sourceSite, String targetSite, String sourceHost, String targetHost,
                                     String technology, ReplicationState state, ReplicationHealth health, String vendorState,
                                     Long targetRpoSeconds, Instant lastRecoveryPoint, Long lagSeconds, boolean outsideRpo,
                                     Instant lastTestFailover, boolean testFailoverOverdue, Integer failCount, String error,
                                     Instant observedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HaHostView(String site, String hostId, String hostName, Platform platform, String cluster,
                             HaHostState state, String vendorState, String detail, Instant observedAt) {
    }

    /** @param failoverCapacityLost failover capacity 0: the next host failure is not covered */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HaClusterView(String site, String clusterId, String name, Platform platform, Boolean haEnabled,
                                Integer hostsTotal, Integer hostsHealthy, Integer failoverCapacity, Boolean quorate,
                                boolean failoverCapacityLost, String vendorState, Instant observedAt) {
    }

    /**
     * @param stale no heartbeat within the allowed number of intervals at {@code asOf}
     * @param location the endpoint's configured cloud and region; absent when it has none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CollectorEntityView(String site, String collectorId, Platform platform, String endpoint,
                                      CollectorStatus status, CollectorErrorKind errorKind, String error,
                                      Instant lastHeartbeat, Instant lastSuccess, long intervalSeconds,
                                      Long pollDurationMillis, boolean stale, SiteLocation location) {
    }
}
