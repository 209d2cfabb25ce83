package org.sitewatch.simulator.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.GuestSpec;
import org.sitewatch.simulator.QDeviceSpec;
import org.sitewatch.simulator.ReplicationJobSpec;

/**
 * Live state of one simulated cluster: nodes, guests (with HA resources), replication links, the
 * quorum device and the injected API faults. Plain data plus cluster-level questions (quorum by
 * votes, the node serving the API); the rules that change it live in {@link HaManager},
 * {@link ReplicationLinkState} and {@link StepApplier}. Fronts read it through the engine's lock.
 */
public final class ClusterState implements ReplicationLinkState.Environment {

    private final ClusterSpec spec;
    private final Map<String, NodeState> nodes = new LinkedHashMap<>();
    final Map<Integer, GuestState> guests = new TreeMap<>();
    final Map<String, ReplicationLinkState> links = new TreeMap<>();
    final ApiFaults faults = new ApiFaults();
    /** Whether the quorum device is connected; false when there is none. */
    boolean qdeviceConnected;

    ClusterState(ClusterSpec spec, Instant start) {
        this.spec = spec;
        spec.nodes().forEach(n -> nodes.put(n.name(), new NodeState(n, start)));
        for (GuestSpec g : spec.vms()) {
            guests.put(g.vmid(), new GuestState(g, start));
        }
        for (ReplicationJobSpec j : spec.replication()) {
            links.put(j.id(), new ReplicationLinkState(j, spec.name(), start));
        }
        qdeviceConnected = spec.qdevice() != null && spec.qdevice().connected();
    }

    public ClusterSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public Collection<NodeState> nodes() {
        return nodes.values();
    }

    public NodeState node(String name) {
        return nodes.get(name);
    }

    public Collection<GuestState> guests() {
        return guests.values();
    }

    public GuestState guest(int vmid) {
        return guests.get(vmid);
    }

    public Collection<ReplicationLinkState> links() {
        return links.values();
    }

    public ReplicationLinkState link(String id) {
        return links.get(id);
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

    /** The quorum device, or null when the cluster has none. */
    public QDeviceSpec qdevice() {
        return spec.qdevice();
    }

    public boolean qdeviceConnected() {
        return qdeviceConnected;
    }

    /** Votes the cluster expects: every node's plus the quorum device's. */
    public int expectedVotes() {
        int nodeVotes = spec.nodes().stream().mapToInt(n -> n.votes()).sum();
        return nodeVotes + (spec.qdevice() == null ? 0 : spec.qdevice().votes());
    }

    /** Votes present now: the online nodes' plus the quorum device's while it is connected. */
    public int presentVotes() {
        int nodeVotes = nodes.values().stream().filter(n -> n.online).mapToInt(n -> n.spec().votes()).sum();
        return nodeVotes + (qdeviceConnected ? spec.qdevice().votes() : 0);
    }

    /** Corosync's rule: quorate while more than half of the expected votes are present. */
    public boolean quorate() {
        return presentVotes() >= expectedVotes() / 2 + 1;
    }

    /** The node the API is served from: the first online node (the first node when none is). */
    public String localNode() {
        return nodes.values().stream().filter(n -> n.online).map(NodeState::name).findFirst()
                .orElse(nodes.keySet().iterator().next());
    }

    public GuestState haGuest(String sid) {
        return guests.values().stream().filter(g -> g.ha() && g.sid().equals(sid)).findFirst().orElse(null);
    }

    public List<GuestState> haGuests() {
        List<GuestState> out = new ArrayList<>();
        guests.values().stream().filter(GuestState::ha).forEach(out::add);
        return out;
    }

    /** Moves a guest, swapping the direction of replication links that pointed at the new node. */
    void moveGuest(GuestState g, String newNode) {
        String old = g.node;
        g.node = newNode;
        // Like pvesr: a link's target becomes the old node when the guest lands on that target.
        for (ReplicationLinkState j : links.values()) {
            if (j.spec().guest() == g.vmid() && j.target.equals(newNode)) {
                j.target = old;
            }
        }
    }
}
