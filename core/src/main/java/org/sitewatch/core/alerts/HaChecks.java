package org.sitewatch.core.alerts;

import java.time.Instant;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;

/** The rules on HA hosts, clusters and actions. */
final class HaChecks {

    private HaChecks() {
    }

    /** A host FAILED or ISOLATED. */
    static Check hostFailed(HaHost h, Instant now) {
        boolean active = !h.removed() && (h.state() == HaHostState.FAILED || h.state() == HaHostState.ISOLATED);
        String name = h.hostName() != null ? h.hostName() : h.hostId();
        return new Check(active, now, null, null, null, Labels.host(h),
                "HA host " + name + " at " + h.site() + (active ? " is " + h.state() : " recovered"),
                "Host " + name + " of cluster " + h.cluster() + " is " + h.state()
                        + (h.vendorState() != null ? " (vendor state " + h.vendorState() + ")" : "")
                        + (h.detail() != null ? ": " + h.detail() : "") + ".", Labels.hostsUrl(h.site()));
    }

    /** Failover capacity 0: the next host failure is not covered. */
    static Check capacityLost(HaCluster c, Instant now) {
        boolean active = c.failoverCapacity() != null && c.failoverCapacity() <= 0;
        return new Check(active, now, null, null, null, Labels.cluster(c),
                "HA cluster " + c.clusterId() + " at " + c.site() + (active ? " lost its failover capacity" : " has failover capacity"),
                "Cluster " + c.clusterId() + ": failover capacity " + c.failoverCapacity() + ", hosts healthy "
                        + c.hostsHealthy() + " of " + c.hostsTotal() + ".", Labels.clustersUrl(c.site()));
    }

    static Check quorumLost(HaCluster c, Instant now) {
        boolean active = Boolean.FALSE.equals(c.quorate());
        return new Check(active, now, null, null, null, Labels.cluster(c),
                "HA cluster " + c.clusterId() + " at " + c.site() + (active ? " lost quorum" : " has quorum"),
                "Cluster " + c.clusterId() + ": quorate " + c.quorate() + ", hosts healthy " + c.hostsHealthy() + " of "
                        + c.hostsTotal() + ".", Labels.clustersUrl(c.site()));
    }

    /** Whether an HA action restarted a VM (in place or, after a host failure, elsewhere). */
    static boolean isRestart(HaAction a) {
        return a.action() == HaActionKind.RESTART || a.action() == HaActionKind.RECOVERY;
    }

    /**
     * Info, once per restart: FIRING at the restart, RESOLVED
     * when the hold has passed. A further restart of the same VM within the hold sends a new FIRING.
     */
    static Check vmRestarted(HaAction a, Instant actionTime, Instant now, AlertThresholds t) {
        Instant endsAt = actionTime.plus(t.vmRestartHold());
        boolean active = now.isBefore(endsAt);
        return new Check(active, actionTime, null, null, active ? endsAt : null, Labels.vm(a),
                "VM " + a.vmId() + " at " + a.site() + " was restarted by HA",
                "HA " + a.action() + " of VM " + a.vmId() + " at " + actionTime
                        + (a.fromHost() != null ? " from " + a.fromHost() : "") + (a.toHost() != null ? " on " + a.toHost() : "")
                        + (a.detail() != null ? ": " + a.detail() : "") + ".", Labels.siteUrl(a.site()));
    }
}
