package org.sitewatch.collectors.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.Snapshot;

/**
 * Maps one poll's {@link ProxmoxReadings} to a {@link Snapshot}: VMs, HA hosts and cluster,
 * replication jobs, and the HA actions seen since the previous poll. A record that cannot be
 * mapped is skipped and listed in the snapshot; only an answer whose overall shape is wrong (not
 * a list) fails the poll as MALFORMED.
 *
 * <p>Stateful (HA transitions, last known syncs): one instance per endpoint, fed polls in order.
 */
final class ProxmoxMapper {

    private final ProxmoxVmMapper vms;
    private final ProxmoxHaMapper ha;
    private final ProxmoxHaActionTracker actions;
    private final ProxmoxReplicationMapper replication;

    ProxmoxMapper(ProxmoxRules settings) {
        this.vms = new ProxmoxVmMapper(settings.site());
        this.ha = new ProxmoxHaMapper(settings.site());
        this.actions = new ProxmoxHaActionTracker(settings.site());
        this.replication = new ProxmoxReplicationMapper(settings);
    }

    Snapshot map(ProxmoxReadings readings) throws CollectorException {
        Snapshot.Builder out = Snapshot.builder(readings.now());
        PveCluster cluster = PveCluster.parse(readings.clusterStatus(), out);
        List<JsonNode> haEntries = PveJson.list(readings.haStatus(), "/cluster/ha/status/current");
        Map<String, String> names = new HashMap<>();
        vms.map(PveJson.list(readings.vmResources(), "/cluster/resources?type=vm"), cluster.name(), out, names);
        PveQuorum quorum = PveQuorum.read(readings.configNodes(), readings.qdevice(), cluster.nodes().size());
        ha.map(cluster, quorum, haEntries, nodeHaStates(readings.nodeResources()), readings.now(), out);
        Map<String, List<JsonNode>> statusByNode = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : readings.replicationByNode().entrySet()) {
            statusByNode.put(e.getKey(), PveJson.list(e.getValue(), "/nodes/" + e.getKey() + "/replication"));
        }
        replication.map(PveJson.list(readings.replicationJobs(), "/cluster/replication"), statusByNode, names,
                readings.now(), out);
        actions.track(haEntries, cluster.name(), readings.now(), out);
        return out.build();
    }

    /** node → {@code hastate} from the node resources; empty when they were not available. */
    static Map<String, String> nodeHaStates(JsonNode nodeResources) {
        Map<String, String> states = new HashMap<>();
        if (nodeResources == null || !nodeResources.isArray()) {
            return states;
        }
        for (JsonNode e : nodeResources) {
            String node = PveJson.text(e, "node");
            String hastate = PveJson.text(e, "hastate");
            if ("node".equals(PveJson.text(e, "type")) && node != null && hastate != null) {
                states.put(node, hastate);
            }
        }
        return states;
    }
}
