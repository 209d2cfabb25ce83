package org.sitewatch.simulator.vsphere;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.engine.ClusterState;
import org.sitewatch.simulator.engine.GuestState;
import org.sitewatch.simulator.engine.HaPhase;
import org.sitewatch.simulator.engine.NodeState;

/**
 * Writes vCenter's events for what changed in the engine since the last look, each at the time the
 * engine says it happened (a node's {@code since}, a guest's start), oldest first:
 * <ul>
 *   <li>HA declares a host dead ({@code hostDown}): EventEx {@code com.vmware.vc.HA.DasHostFailedEvent}
 *       about the host; it returns: EventEx {@code com.vmware.vc.HA.ConnectedToMaster}. With HA off:
 *       {@code HostConnectionLostEvent} and {@code HostConnectedEvent};</li>
 *   <li>an HA-managed guest started again after its host failed (or on another host):
 *       EventEx {@code com.vmware.vc.ha.VmRestartedByHAEvent}; any other start {@code VmPoweredOnEvent};</li>
 *   <li>a guest stopped while its host is up: {@code VmPoweredOffEvent} (a guest lost with its
 *       host has no event: vCenter only sees it disconnected);</li>
 *   <li>a running guest now on another host: {@code VmMigratedEvent} with its {@code sourceHost};
 *       a removed guest: {@code VmRemovedEvent};</li>
 *   <li>the failover level falls below the configured one: {@code InsufficientFailoverResourcesEvent};
 *       it is back: {@code FailoverLevelRestored}.</li>
 * </ul>
 * The typed {@code DasHostFailedEvent} twin is not written: it would report the same failure a
 * second time. Limit: changes are seen when a call looks, so a node that goes down and comes back
 * between two calls leaves no event. The first look only records the state.
 */
final class EventDeriver {

    private record HostSeen(boolean online, String das) {
    }

    private record GuestSeen(String name, String node, boolean running, HaPhase phase) {
    }

    private Map<String, HostSeen> hosts;
    private Map<Integer, GuestSeen> guests;
    private boolean insufficient;

    /** The events since the last look, oldest first, with key 0 (the log gives keys). */
    List<VcEvent> observe(ClusterState cluster, Instant now, VimInventory inventory, VcenterSettings settings,
            FdmStates fdm) {
        Map<String, HostSeen> hostsNow = new HashMap<>();
        for (NodeState n : cluster.nodes()) {
            String das = settings.haEnabled() ? fdm.of(cluster, n, now).state() : null;
            hostsNow.put(n.name(), new HostSeen(n.online(), das));
        }
        Map<Integer, GuestSeen> guestsNow = new HashMap<>();
        for (GuestState g : cluster.guests()) {
            guestsNow.put(g.vmid(), new GuestSeen(g.spec().name(), g.node(), g.running(), g.phase()));
        }
        List<VcEvent> out = new ArrayList<>();
        boolean insufficientNow = settings.haEnabled() && capacity(cluster) < settings.failoverLevel();
        if (hosts != null && insufficientNow != insufficient) {
            out.add(capacityEvent(cluster, insufficientNow, settings));
        }
        insufficient = insufficientNow;
        if (hosts != null) {
            cluster.nodes().forEach(n -> hostEvents(cluster, n, hosts.get(n.name()), hostsNow.get(n.name()), settings,
                    fdm, out));
            guests.forEach((vmid, before) -> {
                GuestState g = cluster.guest(vmid);
                if (g == null) {
                    out.add(new VcEvent(0, "VmRemovedEvent", null, now, null, "Removed " + before.name + " on "
                            + before.node + " from " + settings.datacenter(), new VcEvent.Entity(before.node,
                            VimIds.host(cluster.spec(), before.node)), new VcEvent.Entity(before.name, VimIds.vm(vmid)),
                            null, null));
                } else {
                    guestEvents(cluster, g, before, now, settings, inventory, out);
                }
            });
        }
        hosts = hostsNow;
        guests = guestsNow;
        out.sort(Comparator.comparing(VcEvent::createdTime));
        return out;
    }

    /** The slot policy's failover level now: the connected hosts less one (as {@link VimInventory} reports it). */
    private static long capacity(ClusterState cluster) {
        return Math.max(0, cluster.nodes().stream().filter(NodeState::online).count() - 1);
    }

    /** {@code InsufficientFailoverResourcesEvent} / {@code FailoverLevelRestored}, at the last host change. */
    private static VcEvent capacityEvent(ClusterState cluster, boolean insufficient, VcenterSettings settings) {
        Instant at = cluster.nodes().stream().map(NodeState::since).max(Comparator.naturalOrder()).orElseThrow();
        String name = cluster.spec().clusterName();
        return insufficient
                ? new VcEvent(0, "InsufficientFailoverResourcesEvent", null, at, null, "Insufficient resources to"
                        + " satisfy vSphere HA failover level on cluster " + name + " in " + settings.datacenter(),
                        null, null, null, null)
                : new VcEvent(0, "FailoverLevelRestored", null, at, null, "Sufficient resources are available to"
                        + " satisfy vSphere HA failover level in cluster " + name + " in " + settings.datacenter(),
                        null, null, null, null);
    }

    private static void hostEvents(ClusterState cluster, NodeState n, HostSeen before, HostSeen now,
            VcenterSettings settings, FdmStates fdm, List<VcEvent> out) {
        if (before == null) {
            return;
        }
        MoRef ref = VimIds.host(cluster.spec(), n.name());
        VcEvent.Entity host = new VcEvent.Entity(n.name(), ref);
        if (settings.haEnabled()) {
            if ("hostDown".equals(now.das) && !"hostDown".equals(before.das)) {
                out.add(new VcEvent(0, "EventEx", "com.vmware.vc.HA.DasHostFailedEvent",
                        FdmStates.failureDetectedAt(cluster, n), "error",
                        "vSphere HA detected a possible host failure of host " + n.name() + " in cluster "
                                + cluster.spec().clusterName() + " in " + settings.datacenter(),
                        null, null, null, host));
            }
            if (now.online && !before.online) {
                out.add(new VcEvent(0, "EventEx", "com.vmware.vc.HA.ConnectedToMaster", n.since(), "info",
                        "vSphere HA agent on host " + n.name() + " connected to the vSphere HA master on host "
                                + (fdm.master() == null ? "(election in progress)" : fdm.master()),
                        host, null, null, host));
            }
        } else if (now.online != before.online) {
            String type = now.online ? "HostConnectedEvent" : "HostConnectionLostEvent";
            String text = now.online ? "Connected to " + n.name() : "Host " + n.name() + " is not responding";
            out.add(new VcEvent(0, type, null, n.since(), null, text, host, null, null, null));
        }
    }

    private static void guestEvents(ClusterState cluster, GuestState g, GuestSeen before, Instant now,
            VcenterSettings settings, VimInventory inventory, List<VcEvent> out) {
        ClusterSpec spec = cluster.spec();
        boolean moved = !g.node().equals(before.node);
        if (g.running() && !before.running) {
            boolean restartedByHa = settings.haEnabled() && g.ha()
                    && (moved || before.phase == HaPhase.FENCING || before.phase == HaPhase.RECOVERING);
            if (restartedByHa) {
                VcEvent e = vmEvent("EventEx", g.startedAt(), "vSphere HA restarted virtual machine " + g.spec().name()
                        + " on host " + g.node() + " in cluster " + spec.clusterName(), spec, inventory, g.node(), g.vmid());
                out.add(new VcEvent(0, "EventEx", "com.vmware.vc.ha.VmRestartedByHAEvent", e.createdTime(), "warning",
                        e.message(), e.host(), e.vm(), null, e.vm()));
            } else {
                out.add(vmEvent("VmPoweredOnEvent", g.startedAt(), g.spec().name() + " on " + g.node() + " in "
                        + settings.datacenter() + " is powered on", spec, inventory, g.node(), g.vmid()));
            }
        } else if (!g.running() && before.running && cluster.isOnline(g.node()) && g.phase() != HaPhase.FENCING
                && g.phase() != HaPhase.RECOVERING) {
            out.add(vmEvent("VmPoweredOffEvent", now, g.spec().name() + " on " + g.node() + " in "
                    + settings.datacenter() + " is powered off", spec, inventory, g.node(), g.vmid()));
        } else if (g.running() && before.running && moved) {
            VcEvent e = vmEvent("VmMigratedEvent", now, "Migration of virtual machine " + g.spec().name() + " from "
                    + before.node + " to " + g.node() + " completed", spec, inventory, g.node(), g.vmid());
            out.add(new VcEvent(0, e.xsiType(), null, now, null, e.message(), e.host(), e.vm(),
                    new VcEvent.Entity(before.node, VimIds.host(spec, before.node)), null));
        }
    }

    private static VcEvent vmEvent(String type, Instant at, String message, ClusterSpec spec, VimInventory inventory,
            String node, int vmid) {
        MoRef vm = VimIds.vm(vmid);
        String name = inventory.name(vm);
        return new VcEvent(0, type, null, at, null, message, new VcEvent.Entity(node, VimIds.host(spec, node)),
                new VcEvent.Entity(name == null ? "vm-" + vmid : name, vm), null, null);
    }
}
