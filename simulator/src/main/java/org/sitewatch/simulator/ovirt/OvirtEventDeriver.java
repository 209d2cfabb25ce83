package org.sitewatch.simulator.ovirt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitewatch.simulator.engine.ClusterState;
import org.sitewatch.simulator.engine.GuestState;
import org.sitewatch.simulator.engine.HaPhase;
import org.sitewatch.simulator.engine.NodeState;

/**
 * Writes the engine's events for what changed in the engine model since the last look, each at the
 * time the model says it happened, oldest first:
 * <ul>
 *   <li>a host lost: 12 VDS_FAILURE (non responsive); once the fence delay has passed (with quorum),
 *       9017 FENCE_OPERATION_STARTED, 539 VDS_AUTO_FENCE_STATUS and 9018 FENCE_OPERATION_SUCCEEDED;
 *       the host back: 16 VDS_ACTIVATE;</li>
 *   <li>an HA VM of a lost host: 9602 HA_VM_FAILED (with the lost host) when the engine starts
 *       recovering it, then 506 VDS_INITIATED_RUN_VM on the host it is started on;</li>
 *   <li>a live migration: 62 VM_MIGRATION_START (source host), then 63 VM_MIGRATION_DONE (target host);</li>
 *   <li>a VM started or stopped otherwise: 32 USER_RUN_VM / 33 USER_STOP_VM.</li>
 * </ul>
 * The first look only records the state. Limit: a host lost and back between two looks leaves no
 * host event (looks happen at every simulator tick and every call), though a VM restarted meanwhile
 * still gets its 9602 and 506.
 */
final class OvirtEventDeriver {

    private record HostSeen(boolean online, Instant since) {
    }

    private record GuestSeen(String node, boolean running, HaPhase phase) {
    }

    private final OvirtNames names;
    private Map<String, HostSeen> hosts;
    private Map<Integer, GuestSeen> guests;
    private final Set<String> fenced = new HashSet<>();
    private final Set<Integer> failedAnnounced = new HashSet<>();
    private Instant lastLook;

    OvirtEventDeriver(OvirtNames names) {
        this.names = names;
    }

    List<OvirtEvent> observe(ClusterState cluster, Instant now) {
        List<OvirtEvent> out = new ArrayList<>();
        Map<String, HostSeen> hostsNow = new HashMap<>();
        cluster.nodes().forEach(n -> hostsNow.put(n.name(), new HostSeen(n.online(), n.since())));
        Map<Integer, GuestSeen> guestsNow = new HashMap<>();
        cluster.guests().forEach(g -> guestsNow.put(g.vmid(), new GuestSeen(g.node(), g.running(), g.phase())));
        if (hosts != null) {
            for (NodeState n : cluster.nodes()) {
                hostEvents(cluster, n, hosts.get(n.name()), now, out);
            }
            for (GuestState g : cluster.guests()) {
                GuestSeen before = guests.get(g.vmid());
                if (before != null) {
                    guestEvents(cluster, g, before, now, out);
                }
            }
        }
        hosts = hostsNow;
        guests = guestsNow;
        lastLook = now;
        out.sort(Comparator.comparing(OvirtEvent::time));
        return out;
    }

    private void hostEvents(ClusterState cluster, NodeState n, HostSeen before, Instant now, List<OvirtEvent> out) {
        String hostId = names.hostId(n.name());
        String clusterId = names.clusterId(names.siteOf(n.name()));
        if (before != null && before.online() && !n.online()) {
            out.add(OvirtEvent.draft(12, "error", n.since(), "Host " + n.name() + " is non responsive.", null, hostId,
                    clusterId));
        }
        if (before != null && !before.online() && n.online()) {
            fenced.remove(n.name());
            out.add(OvirtEvent.draft(16, "normal", n.since(), "Status of host " + n.name() + " was set to Up.", null,
                    hostId, clusterId));
        }
        Instant fenceAt = n.since().plus(cluster.spec().ha().fenceDelay());
        if (!n.online() && !fenced.contains(n.name()) && !fenceAt.isAfter(now) && cluster.quorate()) {
            fenced.add(n.name());
            out.add(OvirtEvent.draft(9017, "normal", fenceAt, "Power management stop of Host " + n.name()
                    + " initiated.", null, hostId, clusterId));
            out.add(OvirtEvent.draft(539, "normal", fenceAt, "Auto fence for host " + n.name() + " was started.", null,
                    hostId, clusterId));
            out.add(OvirtEvent.draft(9018, "normal", fenceAt, "Power management stop of Host " + n.name()
                    + " succeeded.", null, hostId, clusterId));
        }
    }

    private void guestEvents(ClusterState cluster, GuestState g, GuestSeen before, Instant now, List<OvirtEvent> out) {
        String vmId = names.vmId(g.vmid());
        String name = g.spec().name();
        String clusterId = names.clusterId(names.siteOf(g.node()));
        boolean moved = !g.node().equals(before.node());
        boolean recovering = g.phase() == HaPhase.RECOVERING
                || (moved && (before.phase() == HaPhase.FENCING || before.phase() == HaPhase.RECOVERING
                        || hostLostSinceLastLook(cluster, before.node())));
        if (g.ha() && recovering && failedAnnounced.add(g.vmid())) {
            Instant at = failureNoticed(cluster, before.node(), now);
            out.add(OvirtEvent.draft(9602, "error", at, "Highly Available VM " + name + " failed. It will be restarted "
                    + "automatically.", vmId, names.hostId(before.node()), clusterId));
        }
        if (g.running() && !before.running() || moved && g.running() && failedAnnounced.contains(g.vmid())) {
            if (failedAnnounced.remove(g.vmid())) {
                out.add(OvirtEvent.draft(506, "normal", g.startedAt(), "Trying to restart VM " + name + " on Host "
                        + g.node(), vmId, names.hostId(g.node()), clusterId));
            } else if (!moved) {
                out.add(OvirtEvent.draft(32, "normal", g.startedAt(), "VM " + name + " was started.", vmId,
                        names.hostId(g.node()), clusterId));
            }
        } else if (!g.running() && before.running() && cluster.isOnline(g.node())) {
            out.add(OvirtEvent.draft(33, "normal", now, "VM " + name + " powered off.", vmId, names.hostId(g.node()),
                    clusterId));
        }
        if (g.phase() == HaPhase.MIGRATING && before.phase() != HaPhase.MIGRATING) {
            out.add(OvirtEvent.draft(62, "normal", now, "Migration started (VM: " + name + ", Source: " + g.node()
                    + ", Destination: " + g.migrateTarget() + ").", vmId, names.hostId(g.node()), clusterId));
        }
        if (moved && g.running() && before.running() && !recovering) {
            out.add(OvirtEvent.draft(63, "normal", now, "Migration completed (VM: " + name + ", Source: "
                    + before.node() + ", Destination: " + g.node() + ").", vmId, names.hostId(g.node()), clusterId));
        }
    }

    /** Whether the node is down now, or went down and came back since the last look. */
    private boolean hostLostSinceLastLook(ClusterState cluster, String node) {
        NodeState n = cluster.node(node);
        return n != null && (!n.online() || n.since().isAfter(lastLook));
    }

    /** When the engine gave up on the guest's host: its fence time, not later than now. */
    private static Instant failureNoticed(ClusterState cluster, String node, Instant now) {
        NodeState n = cluster.node(node);
        if (n == null) {
            return now;
        }
        Instant at = n.since().plus(cluster.spec().ha().fenceDelay());
        return at.isAfter(now) ? now : at;
    }
}
