package org.sitewatch.core.fold;

import org.sitewatch.events.HaHostState;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;

/**
 * Names of the counters a site aggregate keeps. Every name comes from an enum value or an HA cluster
 * id, so a site has a bounded set of counters however many entities it holds. Per-cluster counters
 * ({@code ...@<cluster>}) exist so the "capacity 0 while a host is down" rule can match a host to
 * its cluster without the aggregate holding every host.
 */
public final class Counters {

    public static final String VMS = "vm";
    public static final String VM_POWER = "vm.power.";
    public static final String VM_HA_PROTECTED = "vm.ha.protected";
    public static final String VM_HA_UNPROTECTED = "vm.ha.unprotected";
    public static final String VM_HA_UNKNOWN = "vm.ha.unknown";
    public static final String HA_HOSTS = "ha.host";
    public static final String HA_HOST_STATE = "ha.host.state.";
    /** Hosts FAILED or ISOLATED, per cluster id. */
    public static final String HA_HOSTS_DOWN_IN = "ha.host.down@";
    public static final String HA_CLUSTERS = "ha.cluster";
    public static final String HA_CLUSTERS_WITHOUT_QUORUM = "ha.cluster.noQuorum";
    public static final String HA_CLUSTERS_HA_DISABLED = "ha.cluster.haDisabled";
    public static final String HA_CLUSTER_CAPACITY = "ha.cluster.capacity.";
    /** Clusters with failover capacity 0, per cluster id. */
    public static final String HA_CLUSTER_ZERO_CAPACITY_IN = "ha.cluster.zeroCapacity@";
    public static final String REPLICATED = "replication";
    public static final String REPLICATION_STATE = "replication.state.";
    public static final String REPLICATION_HEALTH = "replication.health.";
    public static final String REPLICATION_OUTSIDE_RPO = "replication.outsideRpo";
    /** Items held to an RPO (outside or not). */
    public static final String REPLICATION_RPO_CHECKED = "replication.rpoChecked";
    /** Protected items with no recovery point yet. */
    public static final String REPLICATION_NEVER_SYNCED = "replication.neverSynced";
    /** Protected items with a recovery point: the entries of the lag indexes, used for percentiles. */
    public static final String REPLICATION_LAG_TRACKED = "replication.lagTracked";
    public static final String REPLICATION_NEVER_TESTED = "replication.neverTested";
    public static final String REPLICATION_TEST_OVERDUE = "replication.testOverdue";
    public static final String COLLECTORS = "collector";

    private Counters() {
    }

    public static String vmPower(PowerState power) {
        return VM_POWER + power.name();
    }

    public static String hostState(HaHostState state) {
        return HA_HOST_STATE + state.name();
    }

    public static String hostsDownIn(String cluster) {
        return HA_HOSTS_DOWN_IN + (cluster == null ? "" : cluster);
    }

    /** Failover capacity bucket: 0, 1, 2, 3+ or unknown. */
    public static String clusterCapacity(Integer capacity) {
        String bucket = capacity == null ? "unknown" : capacity >= 3 ? "3+" : Integer.toString(Math.max(0, capacity));
        return HA_CLUSTER_CAPACITY + bucket;
    }

    public static String zeroCapacityIn(String clusterId) {
        return HA_CLUSTER_ZERO_CAPACITY_IN + clusterId;
    }

    public static String replicationState(ReplicationState state) {
        return REPLICATION_STATE + state.name();
    }

    public static String replicationHealth(ReplicationHealth health) {
        return REPLICATION_HEALTH + health.name();
    }
}
