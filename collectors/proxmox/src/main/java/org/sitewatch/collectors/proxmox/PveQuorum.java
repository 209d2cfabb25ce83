package org.sitewatch.collectors.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The votes corosync counts for quorum: each node's {@code quorum_votes} from
 * {@code GET /cluster/config/nodes} (1 when not said) and the QDevice's from
 * {@code GET /cluster/config/qdevice} (the {@code corosync-qdevice-tool -sv} lines as an object;
 * empty when no QDevice is configured). A QDevice with the fifty-fifty split algorithm, the one
 * PVE sets up for even node counts, has one vote; with LMS, one less than the nodes. It counts
 * only while its {@code State} is {@code Connected}.
 *
 * <p>Limits: corosync's own {@code expected_votes} override and {@code two_node} mode are not
 * visible through the API and are not modelled; when these endpoints cannot be read the
 * collector falls back to {@link #ONE_VOTE_PER_NODE}, which under-counts a QDevice (never
 * over-reports capacity).
 *
 * @param nodeVotes node name → votes, for the nodes {@code /cluster/config/nodes} listed
 * @param qdeviceVotes the QDevice's votes; 0 without one
 * @param qdeviceConnected whether the QDevice's vote is being cast
 */
record PveQuorum(Map<String, Integer> nodeVotes, int qdeviceVotes, boolean qdeviceConnected) {

    /**
     * More votes than any real node has; a larger count is a bad answer (read as the default one
     * vote), and would overflow the sums of {@link #failoverCapacity}.
     */
    static final long MAX_NODE_VOTES = 65_535;

    static final PveQuorum ONE_VOTE_PER_NODE = new PveQuorum(Map.of(), 0, false);

    /**
     * @param configNodes the data of {@code /cluster/config/nodes}; null when not read
     * @param qdevice the data of {@code /cluster/config/qdevice}; null when not read
     * @param nodeCount the cluster's nodes, to size an LMS QDevice's vote
     */
    static PveQuorum read(JsonNode configNodes, JsonNode qdevice, int nodeCount) {
        Map<String, Integer> votes = new HashMap<>();
        if (configNodes != null && configNodes.isArray()) {
            for (JsonNode n : configNodes) {
                String name = PveJson.text(n, n.has("name") ? "name" : "node");
                Long v = safeNumber(n, "quorum_votes");
                if (name != null && v != null && v >= 0 && v <= MAX_NODE_VOTES) {
                    votes.put(name, Math.toIntExact(v));
                }
            }
        }
        if (qdevice == null || !qdevice.isObject() || qdevice.isEmpty()) {
            return new PveQuorum(Map.copyOf(votes), 0, false);
        }
        String algorithm = PveJson.text(qdevice, "Algorithm");
        boolean lms = algorithm != null && algorithm.toLowerCase(Locale.ROOT).contains("lms");
        String state = PveJson.text(qdevice, "State");
        return new PveQuorum(Map.copyOf(votes), lms ? Math.max(1, nodeCount - 1) : 1,
                state != null && state.trim().equalsIgnoreCase("connected"));
    }

    int votesOf(String node) {
        return nodeVotes.getOrDefault(node, 1);
    }

    /**
     * How many more nodes may fail with quorum kept, in the worst case (the nodes with the most
     * votes fail first): quorum is a majority of all votes, nodes and QDevice.
     */
    int failoverCapacity(PveCluster cluster) {
        int total = qdeviceVotes;
        List<Integer> online = new ArrayList<>();
        for (PveCluster.Node node : cluster.nodes()) {
            total += votesOf(node.name());
            if (Boolean.TRUE.equals(node.online())) {
                online.add(votesOf(node.name()));
            }
        }
        int quorum = total / 2 + 1;
        int alive = online.stream().mapToInt(Integer::intValue).sum() + (qdeviceConnected ? qdeviceVotes : 0);
        online.sort(Comparator.reverseOrder());
        int canLose = 0;
        for (int votes : online) {
            if (alive - votes < quorum) {
                break;
            }
            alive -= votes;
            canLose++;
        }
        return canLose;
    }

    private static Long safeNumber(JsonNode n, String field) {
        try {
            return PveJson.number(n, field);
        } catch (BadRecordException e) {
            return null;
        }
    }
}
