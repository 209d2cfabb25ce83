package org.sitewatch.collectors.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.CollectorErrorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one Proxmox VE cluster: {@code /cluster/status}, {@code /cluster/resources?type=vm},
 * {@code /cluster/resources?type=node} (HA node states, best effort), {@code /cluster/ha/status/current},
 * {@code /cluster/replication}, then {@code /nodes/{node}/replication} of every online node. A node
 * answering 5xx (595 when pveproxy cannot reach it) or not in time is skipped, with its reason
 * logged when it starts and when it ends; its jobs are then published as UNKNOWN. Any other
 * failure fails the poll, classified.
 *
 * <p>Limits: the requests run one after the other (a large cluster polls in nodes + 5 round trips).
 */
final class ProxmoxCollector implements PollingSource {

    private static final Logger log = LoggerFactory.getLogger(ProxmoxCollector.class);

    private final EndpointConfig endpoint;
    private final ProxmoxClient client;
    private final ProxmoxMapper mapper;
    private final Clock clock;
    /** node → why its replication status was skipped last time; to log only changes. */
    private final Map<String, String> skippedNodes = new HashMap<>();
    /** The last node resources read, reused when that optional call fails so host states do not flap. */
    private JsonNode lastNodeResources;

    ProxmoxCollector(EndpointConfig endpoint, ProxmoxSettings settings, ProxmoxClient client, Clock clock) {
        this.endpoint = endpoint;
        this.client = client;
        this.mapper = new ProxmoxMapper(ProxmoxRules.of(endpoint, settings.criticalFailCount()));
        this.clock = clock;
    }

    @Override
    public Snapshot poll() throws CollectorException {
        Instant now = clock.instant();
        JsonNode clusterStatus = client.get("/cluster/status");
        JsonNode vms = client.get("/cluster/resources?type=vm");
        JsonNode nodes = nodeResources();
        JsonNode ha = client.get("/cluster/ha/status/current");
        JsonNode jobs = client.get("/cluster/replication");
        Map<String, JsonNode> replication = new LinkedHashMap<>();
        for (String node : PveCluster.parse(clusterStatus, Snapshot.builder(now)).onlineNodes()) {
            JsonNode status = nodeReplication(node);
            if (status != null) {
                replication.put(node, status);
            }
        }
        return mapper.map(new ProxmoxReadings(now, clusterStatus, vms, nodes, ha, jobs, replication));
    }

    /**
     * Node resources only add HA node states (maintenance, fence): when the call fails the hosts
     * are still mapped, with the states read last time.
     */
    private JsonNode nodeResources() throws CollectorException {
        try {
            lastNodeResources = client.get("/cluster/resources?type=node");
        } catch (CollectorException e) {
            if (e.kind() == CollectorErrorKind.AUTH || e.kind() == CollectorErrorKind.TLS) {
                throw e;
            }
            log.debug("collector {}: HA node states from the previous poll ({})", endpoint.id(), e.getMessage());
        }
        return lastNodeResources;
    }

    private JsonNode nodeReplication(String node) throws CollectorException {
        try {
            JsonNode status = client.get("/nodes/" + URLEncoder.encode(node, StandardCharsets.UTF_8) + "/replication");
            String was = skippedNodes.remove(node);
            if (was != null) {
                log.info("collector {}: node {} answers replication status again", endpoint.id(), node);
            }
            return status;
        } catch (CollectorException e) {
            if (e.kind() != CollectorErrorKind.HTTP_5XX && e.kind() != CollectorErrorKind.TIMEOUT) {
                throw e;
            }
            String was = skippedNodes.put(node, e.getMessage());
            if (!Objects.equals(was, e.getMessage())) {
                log.warn("collector {}: skipping replication status of node {} ({}); its jobs are reported "
                        + "UNKNOWN until it answers", endpoint.id(), node, e.getMessage());
            }
            return null;
        }
    }
}
