package org.sitewatch.core.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;

/**
 * Judges a site at an instant from its aggregate, following {@link HealthRules} (the rule list is in
 * its Javadoc and in {@code docs/health-rules.md}). Entity rules read the aggregate's counts, which
 * are exact whatever the problem-list cap; collector staleness is computed here, at {@code now}.
 * Reasons are ordered UNKNOWN, CRITICAL, DEGRADED, so an UNKNOWN site still says what was last known.
 *
 * <p>Known limit: the outside-RPO count is as fresh as the last RPO timer run (see the topology's
 * punctuation interval), not exactly {@code now}.
 */
public final class SiteHealthEvaluator {

    private SiteHealthEvaluator() {
    }

    public static SiteHealth evaluate(SiteAggregate agg, Instant now, HealthRules rules) {
        Map<HealthStatus, List<String>> reasons = new EnumMap<>(HealthStatus.class);
        for (HealthStatus s : HealthStatus.values()) {
            reasons.put(s, new ArrayList<>());
        }
        visibility(agg, now, rules.forSite(agg.site()), reasons);
        critical(agg, reasons.get(HealthStatus.CRITICAL));
        degraded(agg, reasons.get(HealthStatus.DEGRADED));

        HealthStatus status = HealthStatus.OK;
        List<String> all = new ArrayList<>();
        for (HealthStatus s : List.of(HealthStatus.UNKNOWN, HealthStatus.CRITICAL, HealthStatus.DEGRADED)) {
            if (!reasons.get(s).isEmpty()) {
                status = status.worst(s);
                all.addAll(reasons.get(s));
            }
        }
        return new SiteHealth(agg.site(), status, all, now);
    }

    /**
     * UNKNOWN when no collector can see the site; DEGRADED when only some cannot, or when one could
     * read all but some scopes (a partial read, each scope a reason).
     */
    private static void visibility(SiteAggregate agg, Instant now, SiteRules rules, Map<HealthStatus, List<String>> reasons) {
        if (agg.collectors().isEmpty()) {
            reasons.get(HealthStatus.UNKNOWN).add("no collector heartbeat seen for site " + agg.site());
            return;
        }
        List<String> blind = new ArrayList<>();
        for (CollectorView c : agg.collectors().values()) {
            String label = "collector " + c.collectorId() + " (" + (c.platform() == null ? "?" : c.platform().wire()) + ")";
            if (c.staleAt(now, rules)) {
                blind.add(label + ": no heartbeat since " + c.lastHeartbeat() + " (stale after "
                        + rules.staleAfterIntervals() + " x " + c.intervalSeconds() + " s)");
            } else if (c.failing()) {
                blind.add(label + ": " + (c.errorKind() == null ? c.status().name() : c.errorKind().name())
                        + (c.error() == null ? "" : ": " + c.error()));
            } else {
                // A partial read: the collector sees the site, except these scopes (kept at their last state).
                c.unreadable().forEach(u -> reasons.get(HealthStatus.DEGRADED).add(label + ": " + u.describe()));
            }
        }
        HealthStatus severity = blind.size() == agg.collectors().size() ? HealthStatus.UNKNOWN : HealthStatus.DEGRADED;
        reasons.get(severity).addAll(blind);
    }

    private static void critical(SiteAggregate agg, List<String> reasons) {
        addIf(reasons, agg.count(Counters.replicationState(ReplicationState.FAILED)), "replicated item", "FAILED");
        addIf(reasons, agg.count(Counters.replicationHealth(ReplicationHealth.CRITICAL)), "replicated item",
                "with health CRITICAL");
        addIf(reasons, agg.count(Counters.HA_CLUSTERS_WITHOUT_QUORUM), "HA cluster", "without quorum");
        for (String counter : agg.counts().keySet()) {
            if (counter.startsWith(Counters.HA_CLUSTER_ZERO_CAPACITY_IN)) {
                String cluster = counter.substring(Counters.HA_CLUSTER_ZERO_CAPACITY_IN.length());
                long down = agg.count(Counters.hostsDownIn(cluster));
                if (down > 0) {
                    reasons.add("HA cluster " + cluster + " has failover capacity 0 while " + plural(down, "host")
                            + " FAILED or ISOLATED");
                }
            }
        }
    }

    private static void degraded(SiteAggregate agg, List<String> reasons) {
        long outside = agg.count(Counters.REPLICATION_OUTSIDE_RPO);
        addIf(reasons, outside, "replicated item", outside == 1 ? "outside its RPO" : "outside their RPO");
        addIf(reasons, agg.count(Counters.replicationHealth(ReplicationHealth.WARNING)), "replicated item",
                "with health WARNING");
        addIf(reasons, agg.count(Counters.replicationState(ReplicationState.PAUSED)), "replicated item", "PAUSED");
        long unhealthy = 0;
        List<String> detail = new ArrayList<>();
        for (HaHostState s : HaHostState.values()) {
            long n = agg.count(Counters.hostState(s));
            if (n > 0 && s != HaHostState.HEALTHY && s != HaHostState.MAINTENANCE) {
                unhealthy += n;
                detail.add(n + " " + s);
            }
        }
        if (unhealthy > 0) {
            reasons.add(plural(unhealthy, "HA host") + " not HEALTHY (" + String.join(", ", detail) + ")");
        }
        addIf(reasons, agg.count(Counters.vmPower(PowerState.CRASHED)), "VM", "CRASHED");
        addIf(reasons, agg.count(Counters.clusterCapacity(0)), "HA cluster", "with failover capacity 0");
    }

    private static void addIf(List<String> reasons, long n, String noun, String what) {
        if (n > 0) {
            reasons.add(plural(n, noun) + " " + what);
        }
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
