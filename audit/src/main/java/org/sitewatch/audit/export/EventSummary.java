package org.sitewatch.audit.export;

import java.util.ArrayList;
import java.util.List;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.EventData;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.VmState;

/**
 * A short normalized state word and a one-line detail for each event type, for the CSV and timeline
 * formats (JSON Lines keeps the full data instead).
 *
 * @param name the entity's display name, or null
 * @param state e.g. {@code RUNNING}, {@code FAILED/CRITICAL}, {@code capacity 0, no quorum}
 */
record EventSummary(String name, String state, String detail) {

    static EventSummary of(EventData d) {
        // Java 17: no pattern matching in switch, hence the instanceof chain.
        if (d instanceof VmState vm) {
            return new EventSummary(vm.name(), removed(vm.removed(), String.valueOf(vm.power())),
                    join("host " + vm.host(), vm.haProtected() == null ? null : (vm.haProtected() ? "HA protected" : "not HA protected")));
        } else if (d instanceof HaHost h) {
            return new EventSummary(h.hostName(), removed(h.removed(), String.valueOf(h.state())),
                    join(h.cluster() == null ? null : "cluster " + h.cluster(), h.detail()));
        } else if (d instanceof HaCluster c) {
            return new EventSummary(c.name(), join("capacity " + (c.failoverCapacity() == null ? "?" : c.failoverCapacity()),
                    Boolean.FALSE.equals(c.quorate()) ? "no quorum" : null, Boolean.FALSE.equals(c.haEnabled()) ? "HA off" : null),
                    join(c.hostsHealthy() == null ? null : c.hostsHealthy() + "/" + c.hostsTotal() + " hosts healthy"));
        } else if (d instanceof HaAction a) {
            return new EventSummary(null, String.valueOf(a.action()), join("VM " + a.vmId(),
                    a.fromHost() == null ? null : "from " + a.fromHost(), a.toHost() == null ? null : "to " + a.toHost(), a.detail()));
        } else if (d instanceof ReplicationStatus r) {
            return new EventSummary(r.name(), removed(r.removed(), r.state() + "/" + r.health()), join(
                    r.sourceSite() + " -> " + r.targetSite(), r.technology(),
                    r.lagSeconds() == null ? null : "lag " + r.lagSeconds() + " s",
                    r.targetRpoSeconds() == null ? null : "RPO " + r.targetRpoSeconds() + " s",
                    r.lastRecoveryPoint() != null ? "last recovery point " + r.lastRecoveryPoint()
                            : r.recoveryPointNotReported() ? "recovery point not reported" : "never synced", r.error()));
        } else if (d instanceof CollectorHeartbeat hb) {
            return new EventSummary(hb.collectorId(), String.valueOf(hb.status()), join(
                    hb.errorKind() == null ? null : hb.errorKind().name(), hb.error(),
                    "every " + hb.intervalSeconds() + " s"));
        }
        return new EventSummary(null, null, null);
    }

    private static String removed(boolean removed, String state) {
        return removed ? "REMOVED" : state;
    }

    private static String join(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                kept.add(p);
            }
        }
        return String.join(", ", kept);
    }
}
