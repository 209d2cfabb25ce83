package org.sitewatch.simulator.proxmox;

import static org.sitewatch.simulator.proxmox.Json.obj;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sitewatch.simulator.QDeviceSpec;
import org.sitewatch.simulator.engine.ClusterState;
import org.sitewatch.simulator.engine.NodeState;

/**
 * Builds {@code /cluster/config/nodes} (the corosync node list, with each node's
 * {@code quorum_votes}; values are strings as PVE reads them from corosync.conf) and
 * {@code /cluster/config/qdevice} (the QDevice status, the "key: value" lines of
 * {@code corosync-qdevice-tool -sv} as an object). Approximations: without a QDevice the status is an
 * empty object; a lost QNetd connection shows {@code State: Connect failed}; only the net model
 * with the fifty-fifty split algorithm is simulated. {@code /cluster/status} carries no votes in PVE,
 * only {@code quorate}, which counts the QDevice's vote while it is connected.
 */
final class CorosyncViews {

    private CorosyncViews() {
    }

    static List<Map<String, Object>> configNodes(ClusterState cluster) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NodeState n : cluster.nodes()) {
            out.add(obj("name", n.name(), "node", n.name(), "nodeid", Integer.toString(n.spec().nodeid()),
                    "quorum_votes", Integer.toString(n.spec().votes()), "ring0_addr", n.spec().ip()));
        }
        return out;
    }

    static Map<String, Object> qdeviceStatus(ClusterState cluster) {
        QDeviceSpec q = cluster.qdevice();
        if (q == null) {
            return Map.of();
        }
        String members = cluster.nodes().stream().filter(NodeState::online)
                .map(n -> Integer.toString(n.spec().nodeid())).collect(Collectors.joining(", "));
        NodeState local = cluster.node(cluster.localNode());
        return obj("Model", "Net", "Node ID", Integer.toString(local.spec().nodeid()),
                "Membership node list", members, "Cluster name", cluster.spec().clusterName(),
                "QNetd host", q.host() + ":5403", "Algorithm", "Fifty-Fifty split",
                "Tie-breaker", "Node with lowest node ID",
                "State", cluster.qdeviceConnected() ? "Connected" : "Connect failed");
    }
}
