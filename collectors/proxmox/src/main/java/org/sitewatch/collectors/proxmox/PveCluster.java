package org.sitewatch.collectors.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.EventType;

/**
 * What {@code GET /cluster/status} says: the cluster entry (absent on a standalone node) and one
 * entry per node with its corosync membership.
 *
 * @param name the cluster name; null for a standalone node
 * @param quorate the cluster entry's quorum flag; null when not sent
 * @param nodes the nodes, in the order PVE lists them
 */
record PveCluster(String name, Boolean quorate, List<Node> nodes) {

    /**
     * @param online corosync membership; null when PVE did not say
     */
    record Node(String name, Boolean online) {
    }

    List<String> onlineNodes() {
        return nodes.stream().filter(n -> Boolean.TRUE.equals(n.online())).map(Node::name).toList();
    }

    long onlineCount() {
        return nodes.stream().filter(n -> Boolean.TRUE.equals(n.online())).count();
    }

    /** Reads the answer; a node entry without a name is skipped and reported in {@code out}. */
    static PveCluster parse(JsonNode data, Snapshot.Builder out) throws CollectorException {
        String name = null;
        Boolean quorate = null;
        List<Node> nodes = new ArrayList<>();
        List<JsonNode> entries = PveJson.list(data, "/cluster/status");
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            try {
                String type = PveJson.text(e, "type");
                if ("cluster".equals(type)) {
                    name = PveJson.text(e, "name");
                    quorate = PveJson.bool(e, "quorate");
                } else if ("node".equals(type)) {
                    nodes.add(new Node(PveJson.requiredText(e, "name"), PveJson.bool(e, "online")));
                }
            } catch (BadRecordException ex) {
                out.skipped("/cluster/status entry #" + i + ": " + ex.getMessage());
                // A node we could not read is not a node that left: no removal for it.
                out.partial(EventType.HA_HOST);
            }
        }
        return new PveCluster(name, quorate, List.copyOf(nodes));
    }
}
