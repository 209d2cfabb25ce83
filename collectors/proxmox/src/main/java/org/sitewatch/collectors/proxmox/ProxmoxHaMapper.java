package org.sitewatch.collectors.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;

/**
 * Maps cluster membership, the HA manager's node states and LRM liveness to one {@link HaHost}
 * per node, and the cluster to one {@link HaCluster}.
 *
 * <p>Host state, first match wins: HA node state {@code maintenance} → MAINTENANCE; not a corosync
 * member ({@code online} 0) → FAILED; HA state {@code fence} → FAILED; HA state {@code unknown},
 * {@code gone} or a word PVE may add later → UNKNOWN; the node's LRM timestamp older than 30 s
 * (PVE's own "dead?" rule) → DEGRADED (member, but HA cannot run services there); otherwise
 * HEALTHY. The LRM {@code status} text is never parsed (PVE says not to); it is kept as {@code detail}.
 *
 * <p>Failover capacity: how many more nodes may fail while the cluster keeps quorum, counted in
 * corosync votes ({@link PveQuorum}): a connected QDevice adds its vote, so two nodes and a QDevice
 * can lose one node. With one vote per node and no QDevice this is
 * {@code max(0, online - (floor(total / 2) + 1))}. Limits: a standalone node (no cluster entry)
 * gets no HA cluster record.
 */
final class ProxmoxHaMapper {

    /** PVE calls an LRM dead when its timestamp is older than this. */
    static final long LRM_DEAD_AFTER_SECONDS = 30;

    private final String site;

    ProxmoxHaMapper(String site) {
        this.site = site;
    }

    /**
     * @param quorum the votes of nodes and QDevice
     * @param haEntries the entries of {@code /cluster/ha/status/current}
     * @param nodeHaStates node name → HA node state ({@code hastate} of node resources); may be empty
     */
    void map(PveCluster cluster, PveQuorum quorum, List<JsonNode> haEntries, Map<String, String> nodeHaStates,
             Instant now, Snapshot.Builder out) {
        Map<String, Long> lrmTimestamps = new HashMap<>();
        Map<String, String> lrmTexts = new HashMap<>();
        Boolean haQuorate = null;
        String quorumText = null;
        boolean haResources = false;
        for (JsonNode e : haEntries) {
            String type = PveJson.text(e, "type");
            if ("lrm".equals(type) && PveJson.text(e, "node") != null) {
                String node = PveJson.text(e, "node");
                lrmTimestamps.put(node, safeNumber(e, "timestamp"));
                lrmTexts.put(node, PveJson.text(e, "status"));
            } else if ("quorum".equals(type)) {
                haQuorate = safeBool(e, "quorate");
                quorumText = PveJson.text(e, "status");
            } else if ("service".equals(type)) {
                haResources = true;
            }
        }
        int healthy = 0;
        for (PveCluster.Node node : cluster.nodes()) {
            String hastate = nodeHaStates.get(node.name());
            Long lrm = lrmTimestamps.get(node.name());
            Boolean alive = lrm == null ? null : now.getEpochSecond() - lrm <= LRM_DEAD_AFTER_SECONDS;
            HaHostState state = hostState(node.online(), hastate, alive);
            if (state == HaHostState.HEALTHY) {
                healthy++;
            }
            String vendorState = hastate != null ? hastate
                    : node.online() == null ? null : node.online() ? "online" : "offline";
            out.state(new HaHost(site, Platform.PROXMOX, node.name(), node.name(), cluster.name(), state, vendorState,
                    lrmTexts.get(node.name()), false));
        }
        if (cluster.name() != null) {
            int total = cluster.nodes().size();
            Boolean quorate = cluster.quorate() != null ? cluster.quorate() : haQuorate;
            String vendorState = quorumText != null ? quorumText
                    : quorate == null ? null : quorate ? "quorate" : "not quorate";
            out.state(new HaCluster(site, Platform.PROXMOX, cluster.name(), cluster.name(), haResources, total, healthy,
                    quorum.failoverCapacity(cluster), quorate, vendorState));
        }
    }

    static HaHostState hostState(Boolean online, String hastate, Boolean lrmAlive) {
        if ("maintenance".equals(hastate)) {
            return HaHostState.MAINTENANCE;
        }
        if (Boolean.FALSE.equals(online) || "fence".equals(hastate)) {
            return HaHostState.FAILED;
        }
        if (online == null || (hastate != null && !"online".equals(hastate))) {
            return HaHostState.UNKNOWN;
        }
        return Boolean.FALSE.equals(lrmAlive) ? HaHostState.DEGRADED : HaHostState.HEALTHY;
    }

    private static Long safeNumber(JsonNode e, String field) {
        try {
            return PveJson.number(e, field);
        } catch (BadRecordException ex) {
            return null;
        }
    }

    private static Boolean safeBool(JsonNode e, String field) {
        try {
            return PveJson.bool(e, field);
        } catch (BadRecordException ex) {
            return null;
        }
    }
}
