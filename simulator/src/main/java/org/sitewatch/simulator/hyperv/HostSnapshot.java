package org.sitewatch.simulator.hyperv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.NodeSpec;
import org.sitewatch.simulator.engine.ClusterState;
import org.sitewatch.simulator.engine.GuestState;
import org.sitewatch.simulator.engine.NodeState;
import org.sitewatch.simulator.engine.ReplicationLinkState;

/**
 * The JSON document {@code hyperv-snapshot.ps1} prints on one host, built from the engine's state:
 * the host's VMs (Get-VM), the Hyper-V Replica relationships it holds as primary or replica
 * (Get-VMReplication, Measure-VMReplication) and, on a member of the failover cluster, the
 * cluster's nodes, roles and quorum. Enums as names, dates as UTC ISO-8601, latencies in seconds:
 * the script's own forms (the collector's reader accepts those and PowerShell 5.1's).
 *
 * <p>The model: a scenario cluster's nodes in its own site are the failover cluster (a standalone
 * host when there is one); its nodes in other sites are standalone replica servers. A replication
 * link of technology {@code hyperv-replica} replicates its guest from the node it runs on to the
 * link's target node. HA guests are the cluster's VirtualMachine roles, owned by the guest's node.
 */
final class HostSnapshot {

    static final String TECHNOLOGY = "hyperv-replica";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClusterState state;
    private final HostSettings settings;
    private final Instant now;

    HostSnapshot(ClusterState state, HostSettings settings, Instant now) {
        this.state = state;
        this.settings = settings;
        this.now = now;
    }

    /** The nodes of the failover cluster (or the one standalone host): those in the cluster's own site. */
    static List<NodeSpec> members(ClusterSpec cluster) {
        return cluster.nodes().stream().filter(n -> cluster.siteOf(n.name()).equals(cluster.site())).toList();
    }

    /** Whether the members form a failover cluster (two nodes or more). */
    static boolean clustered(ClusterSpec cluster) {
        return members(cluster).size() > 1;
    }

    /** The Hyper-V VM id of a guest: a GUID stable per cluster and vmid (a replica keeps its primary's id). */
    static String vmId(ClusterSpec cluster, int vmid) {
        return UUID.nameUUIDFromBytes((cluster.name() + "/vm/" + vmid).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Get-VM's {@code ComputerName}: the host's NetBIOS name, upper case. */
    static String computerName(String node) {
        return node.toUpperCase(Locale.ROOT);
    }

    String json(String node) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("schema", 1);
        doc.put("computerName", computerName(node));
        doc.put("psVersion", "5.1.20348.2849");
        doc.put("collectedAt", now.toString());
        ArrayNode vms = doc.putArray("vms");
        ArrayNode replications = doc.putArray("replications");
        ArrayNode health = doc.putArray("replicationHealth");
        boolean member = members(state.spec()).stream().anyMatch(n -> n.name().equals(node));
        for (GuestState guest : state.guests()) {
            if (node.equals(guest.node()) && !guest.spec().template()) {
                ReplicationLinkState link = linkOf(guest.vmid());
                vm(vms, node, guest.vmid(), guest.spec().name(), guest.running() ? "Running" : "Off",
                        member && clustered(state.spec()) && guest.ha(), link != null ? "Primary" : "None");
                if (link != null) {
                    replication(replications, health, node, guest, link, true);
                }
            }
        }
        for (ReplicationLinkState link : hypervLinks()) {
            GuestState guest = state.guest(link.spec().guest());
            if (guest != null && node.equals(link.target()) && !node.equals(guest.node())) {
                // A failed-over replica is the VM that runs.
                vm(vms, node, guest.vmid(), guest.spec().name(), link.failedOver() ? "Running" : "Off", false,
                        "Replica");
                replication(replications, health, node, guest, link, false);
            }
        }
        if (member && clustered(state.spec())) {
            doc.set("clustering", clustering());
        } else {
            doc.putObject("clustering").put("status", "NotInstalled");
        }
        return doc.toString();
    }

    private List<ReplicationLinkState> hypervLinks() {
        return state.links().stream().filter(l -> TECHNOLOGY.equals(l.spec().technology())).toList();
    }

    private ReplicationLinkState linkOf(int vmid) {
        return hypervLinks().stream().filter(l -> l.spec().guest() == vmid).findFirst().orElse(null);
    }

    private void vm(ArrayNode vms, String node, int vmid, String name, String powerState, boolean clustered,
                    String replicationMode) {
        ObjectNode vm = vms.addObject();
        vm.put("Name", name);
        vm.put("Id", vmId(state.spec(), vmid));
        vm.put("ComputerName", computerName(node));
        vm.put("State", powerState);
        vm.put("Status", "Operating normally");
        vm.put("IsClustered", clustered);
        vm.putNull("CreationTime");
        vm.put("ReplicationMode", replicationMode);
    }

    /**
     * One relationship as its primary or its replica host reports it. The state follows the link:
     * failed over → PreparedForFailover on the primary (its VM shut down, as a planned failover
     * leaves it) and FailedOver on the replica (whose VM runs), health Normal; disabled → Suspended,
     * failing → Error/Critical with the failure in the health details, never synced →
     * WaitingForInitialReplication (InitialReplicationInProgress while the first sync runs), else
     * Replicating, Warning once the last sync is more than three intervals old.
     */
    private void replication(ArrayNode replications, ArrayNode health, String node, GuestState guest,
                             ReplicationLinkState link, boolean primary) {
        long interval = link.spec().parsedSchedule().intervalSeconds();
        String replicationState;
        String replicationHealth;
        if (link.failedOver()) {
            replicationState = primary ? "PreparedForFailover" : "FailedOver";
            replicationHealth = "Normal";
        } else if (link.spec().disable()) {
            replicationState = "Suspended";
            replicationHealth = "Warning";
        } else if (link.failCount() > 0) {
            replicationState = "Error";
            replicationHealth = "Critical";
        } else if (link.lastSync() == 0) {
            replicationState = link.running() ? "InitialReplicationInProgress" : "WaitingForInitialReplication";
            replicationHealth = "Warning";
        } else {
            replicationState = "Replicating";
            replicationHealth = now.getEpochSecond() - link.lastSync() > 3 * interval ? "Warning" : "Normal";
        }
        String primaryHost = primary ? node : guest.node();
        ObjectNode r = replications.addObject();
        r.put("VMName", guest.spec().name());
        r.put("VMId", vmId(state.spec(), guest.vmid()));
        r.put("ComputerName", computerName(node));
        r.put("ReplicationState", replicationState);
        r.put("ReplicationHealth", replicationHealth);
        r.put("ReplicationMode", primary ? "Primary" : "Replica");
        r.put("ReplicationRelationshipType", "Simple");
        r.put("PrimaryServerName", settings.fqdn(primaryHost));
        r.put("ReplicaServerName", settings.fqdn(link.target()));
        r.put("CurrentReplicaServerName", settings.fqdn(link.target()));
        r.put("ReplicationFrequencySec", interval);
        if (link.lastSync() > 0) {
            r.put("LastReplicationTime", Instant.ofEpochSecond(link.lastSync()).toString());
        } else {
            r.putNull("LastReplicationTime");
        }
        r.putNull("TestVirtualMachineId");

        ObjectNode h = health.addObject();
        h.put("VMName", guest.spec().name());
        h.put("VMId", vmId(state.spec(), guest.vmid()));
        if (!primary && link.lastTestFailover() != null) {
            h.put("LastTestFailoverInitiatedTime", link.lastTestFailover().toString());
        } else {
            h.putNull("LastTestFailoverInitiatedTime");
        }
        h.put("PendingReplicationSize", link.failCount() > 0 ? 52_428_800L * link.failCount() : 0);
        h.put("AverageReplicationLatency", link.duration());
        h.put("MaximumReplicationLatency", link.duration());
        h.put("ReplicationErrors", link.failCount());
        h.putNull("SuccessfulReplicationCount");
        h.putNull("MissedReplicationCount");
        ArrayNode details = h.putArray("ReplicationHealthDetails");
        if (link.error() != null && !link.failedOver()) {
            details.add("Replication for virtual machine '" + guest.spec().name() + "' failed: " + link.error());
        }
        h.put("ReplicationRelationshipType", "Simple");
    }

    private ObjectNode clustering() {
        ClusterSpec spec = state.spec();
        ObjectNode c = JSON.createObjectNode();
        c.put("status", "Ok");
        c.put("name", spec.clusterName());
        c.put("dynamicQuorum", false);
        ArrayNode nodes = c.putArray("nodes");
        String coreOwner = null;
        for (NodeSpec member : members(spec)) {
            NodeState node = state.node(member.name());
            if (coreOwner == null && node.online()) {
                coreOwner = member.name();
            }
            ObjectNode n = nodes.addObject();
            n.put("Name", member.name());
            n.put("Id", String.valueOf(member.nodeid()));
            n.put("State", node.online() ? "Up" : "Down");
            n.put("StatusInformation", "Normal");
            n.put("DrainStatus", "NotInitiated");
            n.put("NodeWeight", member.votes());
            n.put("DynamicWeight", node.online() ? member.votes() : 0);
        }
        ArrayNode groups = c.putArray("groups");
        for (GuestState guest : state.guests()) {
            if (!guest.ha()) {
                continue;
            }
            ObjectNode g = groups.addObject();
            g.put("Name", guest.spec().name());
            g.put("Id", UUID.nameUUIDFromBytes((spec.name() + "/group/" + guest.vmid())
                    .getBytes(StandardCharsets.UTF_8)).toString());
            g.put("OwnerNode", guest.node());
            g.put("State", groupState(guest));
            g.put("GroupType", "VirtualMachine");
            g.put("StatusInformation", "0");
            g.put("IsCoreGroup", false);
            g.put("VmId", vmId(spec, guest.vmid()));
        }
        ObjectNode core = groups.addObject();
        core.put("Name", "Cluster Group");
        core.put("Id", "cluster-group");
        core.put("OwnerNode", coreOwner != null ? coreOwner : members(spec).get(0).name());
        core.put("State", state.quorate() ? "Online" : "Offline");
        core.put("GroupType", "Cluster");
        core.put("StatusInformation", "0");
        core.put("IsCoreGroup", true);
        core.putNull("VmId");
        ObjectNode quorum = c.putObject("quorum");
        quorum.put("QuorumType", "Majority");
        if (spec.qdevice() != null) {
            quorum.put("QuorumResource", "File Share Witness");
            quorum.put("QuorumResourceType", "File Share Witness");
            quorum.put("QuorumResourceState", state.qdeviceConnected() ? "Online" : "Offline");
        } else {
            quorum.putNull("QuorumResource");
            quorum.putNull("QuorumResourceType");
            quorum.putNull("QuorumResourceState");
        }
        return c;
    }

    /** A VM role's state: Online while it runs, Pending while the cluster moves or restarts it, else Offline. */
    private static String groupState(GuestState guest) {
        if (guest.phase() == null) {
            return guest.running() ? "Online" : "Offline";
        }
        return switch (guest.phase()) {
            case STARTED -> guest.running() ? "Online" : "Offline";
            case STOPPED -> "Offline";
            case STARTING, STOPPING, MIGRATING, FENCING, RECOVERING -> "Pending";
        };
    }
}
