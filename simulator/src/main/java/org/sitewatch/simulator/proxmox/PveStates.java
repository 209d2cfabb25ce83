package org.sitewatch.simulator.proxmox;

import org.sitewatch.simulator.engine.ClusterState;
import org.sitewatch.simulator.engine.GuestState;
import org.sitewatch.simulator.engine.HaPhase;

/** How PVE words the engine's vendor-neutral HA states: CRM service states and HA node states. */
final class PveStates {

    private PveStates() {
    }

    /** The CRM state ({@code crm_state}, {@code hastate}) of an HA-managed guest. */
    static String crmState(GuestState g) {
        return switch (g.phase()) {
            case STARTED -> "started";
            case STOPPED -> "stopped";
            case STARTING -> "request_start";
            case STOPPING -> "request_stop";
            case MIGRATING -> "migrate";
            case FENCING -> "fence";
            case RECOVERING -> "recovery";
        };
    }

    /** PVE's user-facing service state: the CRM state, except while a request is settling. */
    static String verboseState(GuestState g) {
        String req = g.requestState();
        if ("ignored".equals(req)) {
            return "ignored";
        }
        if ("disabled".equals(req) && g.phase() == HaPhase.STOPPED) {
            return "disabled";
        }
        return switch (g.phase()) {
            case STARTING -> "starting";
            case STOPPING -> "stopping";
            case STOPPED -> "started".equals(req) || "enabled".equals(req) ? "starting" : "stopped";
            default -> crmState(g);
        };
    }

    /** HA node state as the CRM reports it: online, fence (services await fencing) or unknown. */
    static String haNodeState(ClusterState cluster, String node) {
        if (cluster.isOnline(node)) {
            return "online";
        }
        boolean fencing = cluster.haGuests().stream()
                .anyMatch(g -> node.equals(g.node()) && g.phase() == HaPhase.FENCING);
        return fencing ? "fence" : "unknown";
    }

    /** {@code vm} or {@code ct}: the HA resource type. */
    static String haType(GuestState g) {
        return "lxc".equals(g.spec().type()) ? "ct" : "vm";
    }
}
