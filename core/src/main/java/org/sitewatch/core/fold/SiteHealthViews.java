package org.sitewatch.core.fold;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.SiteHealthView;
import org.sitewatch.events.SiteLocation;

/**
 * Turns a site aggregate into the shared {@link SiteHealthView} shape: what the streams app publishes
 * on the site-health topic and what the REST views embed. Every enum-keyed map lists every value.
 */
public final class SiteHealthViews {

    public static final List<String> CAPACITY_BUCKETS = List.of("0", "1", "2", "3+", "unknown");

    private SiteHealthViews() {
    }

    /**
     * The view as published: verdict since it was reached, counts, collectors judged at {@code now}.
     * Everything that changes with each poll (lag, last event time, heartbeat times) is left out, so an
     * unchanged site publishes nothing.
     */
    public static SiteHealthView published(SiteAggregate agg, SiteHealth health, Instant since, Instant now, HealthRules rules) {
        List<SiteHealthView.Collector> collectors = collectors(agg, now, rules.forSite(agg.site())).stream()
                .map(c -> new SiteHealthView.Collector(c.collectorId(), c.platform(), c.endpoint(), c.status(), c.errorKind(),
                        c.error(), null, null, c.intervalSeconds(), c.stale()))
                .toList();
        return new SiteHealthView(agg.site(), location(agg), health.status().name(), health.reasons(), since, null,
                counts(agg, null), collectors, agg.problemCount());
    }

    /**
     * Where the site runs, from its collectors' configured locations: the one of the first collector
     * (by id) that has one, so two collectors of a site configured differently give a stable answer
     * instead of one that flips with every heartbeat. Null when no collector has a location.
     */
    public static SiteLocation location(SiteAggregate agg) {
        for (CollectorView c : agg.collectors().values()) {
            if (c.location() != null) {
                return c.location();
            }
        }
        return null;
    }

    /** The counts, with the worst lag when the caller computed one (REST views) or null (topic). */
    public static SiteHealthView.Counts counts(SiteAggregate agg, Long worstLagSeconds) {
        Map<String, Long> power = new LinkedHashMap<>();
        for (PowerState p : PowerState.values()) {
            power.put(p.name(), agg.count(Counters.vmPower(p)));
        }
        Map<String, Long> hostStates = new LinkedHashMap<>();
        for (HaHostState s : HaHostState.values()) {
            hostStates.put(s.name(), agg.count(Counters.hostState(s)));
        }
        Map<String, Long> capacity = new LinkedHashMap<>();
        for (String bucket : CAPACITY_BUCKETS) {
            capacity.put(bucket, agg.count(Counters.HA_CLUSTER_CAPACITY + bucket));
        }
        return new SiteHealthView.Counts(
                new SiteHealthView.VmCounts(agg.count(Counters.VMS), power, agg.count(Counters.VM_HA_PROTECTED),
                        agg.count(Counters.VM_HA_UNPROTECTED), agg.count(Counters.VM_HA_UNKNOWN)),
                new SiteHealthView.HostCounts(agg.count(Counters.HA_HOSTS), hostStates),
                new SiteHealthView.ClusterCounts(agg.count(Counters.HA_CLUSTERS), agg.count(Counters.HA_CLUSTERS_WITHOUT_QUORUM),
                        agg.count(Counters.HA_CLUSTERS_HA_DISABLED), agg.count(Counters.clusterCapacity(0)), capacity),
                replication(agg.counts(), worstLagSeconds));
    }

    /** Replication counts from any counter map (a site's or a pair's). */
    public static SiteHealthView.ReplicationCounts replication(Map<String, Long> counts, Long worstLagSeconds) {
        Map<String, Long> states = new LinkedHashMap<>();
        for (ReplicationState s : ReplicationState.values()) {
            states.put(s.name(), counts.getOrDefault(Counters.replicationState(s), 0L));
        }
        Map<String, Long> health = new LinkedHashMap<>();
        for (ReplicationHealth h : ReplicationHealth.values()) {
            health.put(h.name(), counts.getOrDefault(Counters.replicationHealth(h), 0L));
        }
        long outside = counts.getOrDefault(Counters.REPLICATION_OUTSIDE_RPO, 0L);
        return new SiteHealthView.ReplicationCounts(counts.getOrDefault(Counters.REPLICATED, 0L), states, health,
                counts.getOrDefault(Counters.REPLICATION_RPO_CHECKED, 0L) - outside, outside, counts.getOrDefault(Counters.REPLICATION_NEVER_SYNCED, 0L),
                counts.getOrDefault(Counters.REPLICATION_TEST_OVERDUE, 0L), counts.getOrDefault(Counters.REPLICATION_NEVER_TESTED, 0L),
                worstLagSeconds);
    }

    public static List<SiteHealthView.Collector> collectors(SiteAggregate agg, Instant now, SiteRules rules) {
        return agg.collectors().values().stream()
                .map(c -> new SiteHealthView.Collector(c.collectorId(), c.platform(), c.endpoint(), c.status(), c.errorKind(),
                        c.error(), c.lastHeartbeat(), c.lastSuccess(), c.intervalSeconds(), c.staleAt(now, rules)))
                .toList();
    }
}
