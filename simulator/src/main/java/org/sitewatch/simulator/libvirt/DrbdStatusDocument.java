package org.sitewatch.simulator.libvirt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sitewatch.simulator.NodeSpec;
import org.sitewatch.simulator.engine.ClusterState;
import org.sitewatch.simulator.engine.ReplicationLinkState;

/**
 * What {@code drbdsetup status --json} (DRBD 9) prints on one node of a libvirt cluster: one
 * resource {@code vm-<vmid>} per replicated guest, Primary on the guest's node with one connection
 * per replication link (named after the target node), Secondary on each target with the connection
 * back to the primary. The words come from {@link DrbdLinkState}.
 */
final class DrbdStatusDocument {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DrbdStatusDocument() {
    }

    static String resourceName(int vmid) {
        return "vm-" + vmid;
    }

    /**
     * The document of {@code node}: the resources it holds, as a JSON array.
     *
     * @param peerReturned the links whose failures began while their target was down
     */
    static ArrayNode of(ClusterState cluster, String node, Instant now, Set<String> peerReturned) {
        Map<Integer, List<ReplicationLinkState>> byGuest = new TreeMap<>();
        for (ReplicationLinkState link : cluster.links()) {
            byGuest.computeIfAbsent(link.spec().guest(), g -> new ArrayList<>()).add(link);
        }
        ArrayNode resources = JSON.arrayNode();
        byGuest.forEach((vmid, links) -> {
            String primary = cluster.guestNode(vmid);
            if (node.equals(primary)) {
                ObjectNode resource = resource(cluster, vmid, node, "Primary", "UpToDate");
                for (ReplicationLinkState link : links) {
                    DrbdLinkState s = DrbdLinkState.of(cluster, link, now, peerReturned.contains(link.id()));
                    connection(resource, cluster, link.target(), s.connection(), s.peerRole(), s.replication(),
                            s.peerDisk(), s.outOfSyncKib(), s.percentInSync());
                }
                resources.add(resource);
            } else {
                links.stream().filter(l -> node.equals(l.target())).findFirst().ifPresent(link -> {
                    DrbdLinkState s = DrbdLinkState.of(cluster, link, now, peerReturned.contains(link.id()));
                    // The target's own disk is what the primary sees of it; without a connection it is outdated.
                    String disk = s.connected() ? s.peerDisk() : "Outdated";
                    ObjectNode resource = resource(cluster, vmid, node, "Secondary", disk);
                    connection(resource, cluster, primary, s.connection(), s.connected() ? "Primary" : "Unknown",
                            asSeenByTarget(s.replication()),
                            s.connected() ? "UpToDate" : "DUnknown", s.outOfSyncKib(), s.percentInSync());
                    resources.add(resource);
                });
            }
        });
        return resources;
    }

    /** The replication state the sync target prints for the source's. */
    private static String asSeenByTarget(String sourceReplication) {
        return switch (sourceReplication) {
            case "SyncSource" -> "SyncTarget";
            case "StartingSyncS" -> "StartingSyncT";
            default -> sourceReplication;
        };
    }

    private static ObjectNode resource(ClusterState cluster, int vmid, String node, String role, String disk) {
        ObjectNode r = JSON.objectNode();
        r.put("name", resourceName(vmid));
        r.put("node-id", nodeId(cluster, node));
        r.put("role", role);
        r.put("suspended", false);
        r.put("write-ordering", "flush");
        ObjectNode device = r.putArray("devices").addObject();
        device.put("volume", 0);
        device.put("minor", vmid);
        device.put("disk-state", disk);
        device.put("client", false);
        device.put("quorum", true);
        r.putArray("connections");
        return r;
    }

    private static void connection(ObjectNode resource, ClusterState cluster, String peer, String state,
            String peerRole, String replication, String peerDisk, long outOfSyncKib, double percentInSync) {
        ObjectNode c = ((ArrayNode) resource.get("connections")).addObject();
        c.put("peer-node-id", nodeId(cluster, peer));
        c.put("name", peer);
        c.put("connection-state", state);
        c.put("congested", false);
        c.put("peer-role", peerRole);
        ObjectNode device = c.putArray("peer_devices").addObject();
        device.put("volume", 0);
        device.put("replication-state", replication);
        device.put("peer-disk-state", peerDisk);
        device.put("peer-client", false);
        device.put("resync-suspended", "no");
        device.put("out-of-sync", outOfSyncKib);
        device.put("pending", 0);
        device.put("unacked", 0);
        boolean syncing = replication.startsWith("Sync");
        device.put("has-sync-details", syncing);
        device.put("has-online-verify-details", false);
        device.put("percent-in-sync", percentInSync);
    }

    /** DRBD's node id: the node's position in the cluster. */
    private static int nodeId(ClusterState cluster, String node) {
        List<NodeSpec> nodes = cluster.spec().nodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).name().equals(node)) {
                return i;
            }
        }
        return -1;
    }
}
