package org.sitewatch.core.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.EventData;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.VmState;

/**
 * The entity-level rules: what one entity's latest data contributes to its site at an instant, and
 * which problem (if any) it has. Site-level rules that combine entities live in
 * {@link SiteHealthEvaluator}. Collectors carry no problem here: whether they are stale depends on
 * the instant the site is judged, so the evaluator decides.
 */
public final class Contributions {

    private Contributions() {
    }

    /**
     * @param observedAt the event time of the data, used as the problem's start when it is new
     * @param previous the problem this entity had before, whose start is kept while trouble lasts
     */
    public static Contribution of(EventData data, Instant observedAt, Instant now, HealthRules rules, Problem previous) {
        if (EntityRecord.isRemoval(data)) {
            return Contribution.NONE;
        }
        Contribution c;
        // Java 17: no pattern matching in switch, hence the instanceof chain.
        if (data instanceof VmState vm) {
            c = vm(vm);
        } else if (data instanceof HaHost host) {
            c = host(host);
        } else if (data instanceof HaCluster cluster) {
            c = cluster(cluster);
        } else if (data instanceof ReplicationStatus r) {
            c = replication(r, now, rules.forItem(r));
        } else if (data instanceof CollectorHeartbeat hb) {
            c = new Contribution(Map.of(Counters.COLLECTORS, 1L), null, CollectorView.of(hb, observedAt));
        } else {
            return Contribution.NONE;
        }
        if (c.problem() == null) {
            return c;
        }
        Instant since = previous != null && previous.since() != null ? previous.since() : observedAt;
        return c.withProblem(c.problem().withSince(since));
    }

    private static Contribution vm(VmState vm) {
        Map<String, Long> counts = counts(Counters.VMS, Counters.vmPower(vm.power()), vm.haProtected() == null
                ? Counters.VM_HA_UNKNOWN : vm.haProtected() ? Counters.VM_HA_PROTECTED : Counters.VM_HA_UNPROTECTED);
        Problem problem = null;
        if (vm.power() == PowerState.CRASHED) {
            problem = problem(EntityKind.VM, vm.vmId(), vm.name(), HealthStatus.DEGRADED,
                    "VM " + label(vm.name(), vm.vmId()) + " CRASHED" + (vm.host() == null ? "" : " on host " + vm.host())
                            + vendor(vm.vendorState()));
        }
        return new Contribution(counts, problem, null);
    }

    private static Contribution host(HaHost host) {
        Map<String, Long> counts = counts(Counters.HA_HOSTS, Counters.hostState(host.state()));
        if (host.state() == HaHostState.FAILED || host.state() == HaHostState.ISOLATED) {
            counts.put(Counters.hostsDownIn(host.cluster()), 1L);
        }
        Problem problem = null;
        if (host.state() != HaHostState.HEALTHY && host.state() != HaHostState.MAINTENANCE) {
            problem = problem(EntityKind.HA_HOST, host.hostId(), host.hostName(), HealthStatus.DEGRADED,
                    "HA host " + label(host.hostName(), host.hostId())
                            + (host.cluster() == null ? "" : " in cluster " + host.cluster()) + " is " + host.state()
                            + vendor(host.vendorState()) + (host.detail() == null ? "" : ": " + host.detail()));
        }
        return new Contribution(counts, problem, null);
    }

    private static Contribution cluster(HaCluster cluster) {
        Map<String, Long> counts = counts(Counters.HA_CLUSTERS, Counters.clusterCapacity(cluster.failoverCapacity()));
        List<String> reasons = new ArrayList<>();
        HealthStatus severity = HealthStatus.OK;
        String label = "HA cluster " + label(cluster.name(), cluster.clusterId());
        if (Boolean.FALSE.equals(cluster.quorate())) {
            counts.put(Counters.HA_CLUSTERS_WITHOUT_QUORUM, 1L);
            reasons.add(label + " has no quorum");
            severity = HealthStatus.CRITICAL;
        }
        if (Boolean.FALSE.equals(cluster.haEnabled())) {
            counts.put(Counters.HA_CLUSTERS_HA_DISABLED, 1L);
        }
        if (cluster.failoverCapacity() != null && cluster.failoverCapacity() <= 0) {
            counts.put(Counters.zeroCapacityIn(cluster.clusterId()), 1L);
            reasons.add(label + " has failover capacity 0: the next host failure is not covered");
            severity = severity.worst(HealthStatus.DEGRADED);
        }
        Problem problem = reasons.isEmpty() ? null
                : problem(EntityKind.HA_CLUSTER, cluster.clusterId(), cluster.name(), severity, String.join("; ", reasons));
        return new Contribution(counts, problem, null);
    }

    private static Contribution replication(ReplicationStatus r, Instant now, ReplicationRules rules) {
        Map<String, Long> counts = counts(Counters.REPLICATED, Counters.replicationState(r.state()),
                Counters.replicationHealth(r.health()));
        boolean outside = RpoPolicy.outsideRpo(r, now, rules);
        if (RpoPolicy.isChecked(r, rules)) {
            counts.put(Counters.REPLICATION_RPO_CHECKED, 1L);
        }
        if (outside) {
            counts.put(Counters.REPLICATION_OUTSIDE_RPO, 1L);
        }
        boolean tracked = RpoPolicy.isProtected(r);
        if (tracked) {
            // Lag and test-failover facts only mean something while the item is actually replicated.
            if (r.lastRecoveryPoint() != null) {
                counts.put(Counters.REPLICATION_LAG_TRACKED, 1L);
            } else if (!r.recoveryPointNotReported()) {
                // an item whose technology shows no recovery points is not "never synced": nothing is known
                counts.put(Counters.REPLICATION_NEVER_SYNCED, 1L);
            }
            if (TestFailoverPolicy.neverTested(r)) {
                counts.put(Counters.REPLICATION_NEVER_TESTED, 1L);
            } else if (TestFailoverPolicy.overdue(r, now, rules)) {
                counts.put(Counters.REPLICATION_TEST_OVERDUE, 1L);
            }
        }
        String pair = SitePair.key(r.sourceSite(), r.targetSite());
        Instant recoveryPoint = tracked ? r.lastRecoveryPoint() : null;
        Instant testFailover = tracked ? r.lastTestFailover() : null;
        return new Contribution(counts, replicationProblem(r, outside, rules), null, pair, recoveryPoint, testFailover);
    }

    private static Problem replicationProblem(ReplicationStatus r, boolean outside, ReplicationRules rules) {
        HealthStatus severity = HealthStatus.OK;
        if (r.state() == ReplicationState.FAILED || r.health() == ReplicationHealth.CRITICAL) {
            severity = HealthStatus.CRITICAL;
        } else if (outside || r.state() == ReplicationState.PAUSED || r.health() == ReplicationHealth.WARNING) {
            severity = HealthStatus.DEGRADED;
        }
        if (severity == HealthStatus.OK) {
            return null;
        }
        List<String> conditions = new ArrayList<>();
        conditions.add(r.state() + ", health " + r.health());
        if (outside) {
            conditions.add(r.lastRecoveryPoint() == null ? "never synced"
                    : "outside its RPO of " + RpoPolicy.targetSeconds(r, rules) + " s"
                            + (rules.rpoGraceSeconds() == 0 ? "" : " (+" + rules.rpoGraceSeconds() + " s grace)"));
        }
        String reason = "replication " + label(r.name(), r.itemId()) + ", " + (r.technology() == null ? "" : r.technology() + " ")
                + r.sourceSite() + " -> " + r.targetSite() + ": " + String.join(", ", conditions)
                + (r.error() == null ? "" : ": " + r.error());
        return new Problem(EntityKind.REPLICATION, r.itemId(), r.name(), severity, reason, null,
                r.lastRecoveryPoint(), RpoPolicy.targetSeconds(r, rules), outside ? Boolean.TRUE : null);
    }

    private static Map<String, Long> counts(String... counters) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String counter : counters) {
            counts.put(counter, 1L);
        }
        return counts;
    }

    private static Problem problem(EntityKind kind, String id, String name, HealthStatus severity, String reason) {
        return new Problem(kind, id, name, severity, reason, null, null, null);
    }

    private static String label(String name, String id) {
        return name == null || name.equals(id) ? id : name + " (" + id + ")";
    }

    private static String vendor(String vendorState) {
        return vendorState == null ? "" : " [vendor: " + vendorState + "]";
    }
}
