package org.sitewatch.collectors.hyperv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sitewatch.collectors.hyperv.HypervEnums.NodeState;
import org.sitewatch.collectors.hyperv.HypervEnums.NodeStatusFlag;
import org.sitewatch.collectors.hyperv.HypervEnums.QuorumType;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;

/**
 * Maps a failover cluster's nodes to {@link HaHost}s and the cluster to an {@link HaCluster}.
 *
 * <p>Nodes ({@code ClusterNodeState}, then the {@code StatusInformation} flags): Up → HEALTHY,
 * Down → FAILED, Paused → MAINTENANCE (a paused node hosts no roles; draining pauses it),
 * Joining → DEGRADED (not yet hosting roles), Unknown and unknown words → UNKNOWN; the Isolated
 * flag makes any state ISOLATED (the node lost the cluster but is inside its resiliency period; its
 * VMs run unmonitored). The host id is the node's name, as a VM's {@code host} names it.
 *
 * <p>Cluster: HA enabled; hosts total and healthy (Up and not isolated); quorate: true, since the
 * cmdlets answered (a node that loses quorum stops its cluster service, and the script then
 * reports the clustering as stopped or in error, which publishes no cluster record). Failover
 * capacity counts quorum votes cautiously, without dynamic quorum: every configured vote
 * ({@code NodeWeight}, 1 when absent) plus one for a witness; the witness counts as present only
 * while its resource is Online; Up and Paused nodes vote (a paused node hosts no roles but stays a
 * member); capacity = min(up votes − majority, Up nodes − 1), at least 0. A
 * DiskOnly quorum survives while its disk is online and one node is up. {@code vendorState} names
 * the quorum as Windows Server 2016+ does: NodeMajority, NodeAndDiskMajority,
 * NodeAndFileShareMajority, NodeAndCloudMajority (from Majority and the witness's resource type),
 * DiskOnly, or the word sent.
 */
final class HypervClusterMapper {

    private HypervClusterMapper() {
    }

    static HaHost host(String site, String cluster, HypervReport.Node node) {
        return new HaHost(site, Platform.HYPERV, node.name(), node.name(), cluster, hostState(node),
                node.state().raw(), detail(node), false);
    }

    static HaHostState hostState(HypervReport.Node node) {
        if (node.flags().contains(NodeStatusFlag.Isolated)) {
            return HaHostState.ISOLATED;
        }
        NodeState state = node.state().known();
        if (state == null) {
            return HaHostState.UNKNOWN;
        }
        return switch (state) {
            case Up -> HaHostState.HEALTHY;
            case Down -> HaHostState.FAILED;
            case Paused -> HaHostState.MAINTENANCE;
            case Joining -> HaHostState.DEGRADED;
            case Unknown -> HaHostState.UNKNOWN;
        };
    }

    static HaCluster cluster(String site, HypervReport.Clustering clustering) {
        List<HypervReport.Node> nodes = clustering.nodes();
        int up = 0;
        int healthy = 0;
        long totalVotes = 0;
        long upVotes = 0;
        for (HypervReport.Node node : nodes) {
            long votes = node.nodeWeight() == null ? 1 : node.nodeWeight();
            totalVotes += votes;
            if (node.state().is(NodeState.Up) || node.state().is(NodeState.Paused)) {
                upVotes += votes; // a paused node hosts no roles but still votes
            }
            if (node.state().is(NodeState.Up)) {
                up++;
                if (hostState(node) == HaHostState.HEALTHY) {
                    healthy++;
                }
            }
        }
        HypervReport.Quorum quorum = clustering.quorum();
        boolean witnessOnline = quorum != null && quorum.resource() != null
                && "online".equalsIgnoreCase(quorum.resourceState());
        Integer capacity;
        if (quorum != null && quorum.type().is(QuorumType.DiskOnly)) {
            capacity = witnessOnline ? Math.max(0, up - 1) : 0;
        } else {
            if (quorum != null && quorum.resource() != null) {
                totalVotes++;
                upVotes += witnessOnline ? 1 : 0;
            }
            long majority = totalVotes / 2 + 1;
            capacity = (int) Math.max(0, Math.min(upVotes - majority, up - 1L));
        }
        return new HaCluster(site, Platform.HYPERV, clustering.name(), clustering.name(), true, nodes.size(), healthy,
                capacity, true, quorumWord(quorum));
    }

    static String quorumWord(HypervReport.Quorum quorum) {
        if (quorum == null) {
            return null;
        }
        if (!quorum.type().is(QuorumType.Majority)) {
            return quorum.type().raw();
        }
        if (quorum.resource() == null) {
            return "NodeMajority";
        }
        String type = quorum.resourceType() == null ? "" : quorum.resourceType().toLowerCase(Locale.ROOT);
        if (type.equals("physical disk")) {
            return "NodeAndDiskMajority";
        }
        if (type.startsWith("file share")) {
            return "NodeAndFileShareMajority";
        }
        if (type.equals("cloud witness")) {
            return "NodeAndCloudMajority";
        }
        return "Majority (" + (quorum.resourceType() == null ? quorum.resource() : quorum.resourceType()) + ")";
    }

    private static String detail(HypervReport.Node node) {
        List<String> parts = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        node.flags().forEach(flag -> flags.add(flag.name()));
        flags.addAll(node.unknownFlags());
        if (!flags.isEmpty()) {
            parts.add("status " + String.join(", ", flags));
        }
        if (node.drain().raw() != null && !node.drain().is(HypervEnums.DrainStatus.NotInitiated)) {
            parts.add("drain " + node.drain().raw());
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }
}
