package org.sitewatch.simulator.proxmox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sitewatch.simulator.ApiFaultKind;
import org.sitewatch.simulator.GuestSpec;
import org.sitewatch.simulator.ReplicationJobSpec;
import org.sitewatch.simulator.SiteSpec;

/**
 * Live state of one simulated cluster: nodes, guests (with HA resources), replication jobs and the
 * injected API fault. Plain data plus cluster-level questions (quorum, local node); the rules that
 * change it live in {@link HaManager}, {@link ReplicationJob} and {@link StepApplier}. Guarded by
 * the engine's lock.
 */
final class SiteState implements ReplicationJob.Environment {

    final SiteSpec spec;
    final Map<String, NodeState> nodes = new LinkedHashMap<>();
    final Map<Integer, GuestState> guests = new TreeMap<>();
    final Map<String, ReplicationJob> jobs = new TreeMap<>();
    ApiFaultKind fault;
    /** When the fault clears by itself; null = until api-ok. */
    Instant faultUntil;

    SiteState(SiteSpec spec, Instant start) {
        this.spec = spec;
        spec.nodes().forEach(n -> nodes.put(n.name(), new NodeState(n, start)));
        for (GuestSpec g : spec.vms()) {
            guests.put(g.vmid(), new GuestState(g, start));
        }
        for (ReplicationJobSpec j : spec.replication()) {
            jobs.put(j.id(), new ReplicationJob(j, start));
        }
    }

    String name() {
        return spec.name();
    }

    @Override
    public String guestNode(int vmid) {
        GuestState g = guests.get(vmid);
        return g == null ? null : g.node;
    }

    @Override
    public boolean isOnline(String node) {
        NodeState n = nodes.get(node);
        return n != null && n.online;
    }

    long onlineCount() {
        return nodes.values().stream().filter(n -> n.online).count();
    }

    /** Corosync-style majority: more than half of all nodes online. */
    boolean quorate() {
        return onlineCount() >= nodes.size() / 2 + 1;
    }

    /** The node the API is served from: the first online node (the first node when none is). */
    String localNode() {
        return nodes.values().stream().filter(n -> n.online).map(NodeState::name).findFirst()
                .orElse(nodes.keySet().iterator().next());
    }

    GuestState haGuest(String sid) {
        return guests.values().stream().filter(g -> g.ha() && g.sid().equals(sid)).findFirst().orElse(null);
    }

    List<GuestState> haGuests() {
        List<GuestState> out = new ArrayList<>();
        guests.values().stream().filter(GuestState::ha).forEach(out::add);
        return out;
    }

    /** HA node state as the CRM reports it: online, fence (services await fencing) or unknown. */
    String haNodeState(String node) {
        if (isOnline(node)) {
            return "online";
        }
        boolean fencing = haGuests().stream().anyMatch(g -> node.equals(g.node) && "fence".equals(g.crmState));
        return fencing ? "fence" : "unknown";
    }

    /** The active fault at {@code now}, clearing an expired one. */
    ApiFaultKind activeFault(Instant now) {
        if (fault != null && faultUntil != null && !now.isBefore(faultUntil)) {
            fault = null;
            faultUntil = null;
        }
        return fault;
    }

    /** Moves a guest, swapping the direction of replication jobs that pointed at the new node. */
    void moveGuest(GuestState g, String newNode) {
        String old = g.node;
        g.node = newNode;
        // PVE switches a job's target when the guest lands on that target.
        for (ReplicationJob j : jobs.values()) {
            if (j.spec.guest() == g.vmid() && j.target.equals(newNode)) {
                j.target = old;
            }
        }
    }
}
