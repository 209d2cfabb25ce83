package org.sitewatch.collectors.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * The raw answers of one poll, before mapping. Kept apart from the HTTP calls so mapping tests can
 * feed JSON fixtures directly.
 *
 * @param now the poll's instant on the collector's clock: the event time and the "now" of lags
 * @param nodeResources {@code /cluster/resources?type=node} (for HA node states); null when unavailable
 * @param replicationByNode node → {@code /nodes/{node}/replication}, only for nodes that answered
 * @param configNodes {@code /cluster/config/nodes} (quorum votes); null when not read
 * @param qdevice {@code /cluster/config/qdevice}; null when not read
 */
record ProxmoxReadings(Instant now, JsonNode clusterStatus, JsonNode vmResources, JsonNode nodeResources,
                       JsonNode haStatus, JsonNode replicationJobs, Map<String, JsonNode> replicationByNode,
                       JsonNode configNodes, JsonNode qdevice) {

    /** Readings without quorum details: one vote per node, no QDevice. */
    ProxmoxReadings(Instant now, JsonNode clusterStatus, JsonNode vmResources, JsonNode nodeResources,
                    JsonNode haStatus, JsonNode replicationJobs, Map<String, JsonNode> replicationByNode) {
        this(now, clusterStatus, vmResources, nodeResources, haStatus, replicationJobs, replicationByNode, null, null);
    }
}
