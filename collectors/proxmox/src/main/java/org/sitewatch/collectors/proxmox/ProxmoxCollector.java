package org.sitewatch.collectors.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PartialRead;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.collectors.spi.http.NotAvailableException;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one Proxmox VE cluster: {@code /cluster/status}, {@code /cluster/resources?type=vm},
 * {@code /cluster/resources?type=node} (HA node states, best effort), {@code /cluster/ha/status/current},
 * {@code /cluster/replication}, then {@code /nodes/{node}/replication} of every online node, and
 * for a cluster {@code /cluster/config/nodes} and {@code /cluster/config/qdevice} (quorum votes,
 * best effort). A node
 * answering 5xx (595 when pveproxy cannot reach it), 404/501 or not in time is a partial read of
 * replication in that node's scope: its jobs keep their last published state (jobs never published
 * yet appear as UNKNOWN), the heartbeat names the node, and the reason is logged when it starts and
 * when it ends. An HA status endpoint this version does not serve (404/501) is a partial read of HA
 * hosts and the HA cluster. Any other failure fails the poll, classified.
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
    /** Quorum endpoints that failed last time; to log only changes. */
    private final Set<String> unreadableQuorumDetails = new HashSet<>();
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
        List<PartialRead> unreadable = new ArrayList<>();
        JsonNode ha = haStatus(unreadable);
        JsonNode jobs = client.get("/cluster/replication");
        Map<String, JsonNode> replication = new LinkedHashMap<>();
        PveCluster cluster = PveCluster.parse(clusterStatus, Snapshot.builder(now));
        for (String node : cluster.onlineNodes()) {
            JsonNode status = nodeReplication(node, unreadable);
            if (status != null) {
                replication.put(node, status);
            }
        }
        // A standalone node has no corosync configuration to ask about.
        JsonNode configNodes = cluster.name() == null ? null : quorumDetail("/cluster/config/nodes");
        JsonNode qdevice = cluster.name() == null ? null : quorumDetail("/cluster/config/qdevice");
        Snapshot mapped = mapper.map(new ProxmoxReadings(now, clusterStatus, vms, nodes, ha, jobs, replication,
                configNodes, qdevice));
        return unreadable.isEmpty() ? mapped : new Snapshot(mapped.observedAt(), mapped.states(), mapped.actions(),
                mapped.skipped(), mapped.partialTypes(), unreadable);
    }

    /**
     * Quorum details only refine the failover capacity: when one cannot be read (an older version,
     * a proxy, the QDevice tool failing with 500) the capacity is counted with one vote per node and
     * no QDevice, which can under-report it but never over-report it. An interruption still ends the poll.
     */
    private JsonNode quorumDetail(String path) throws CollectorException {
        try {
            JsonNode data = client.get(path);
            if (unreadableQuorumDetails.remove(path)) {
                log.info("collector {}: {} answers again; failover capacity counts its votes", endpoint.id(), path);
            }
            return data;
        } catch (CollectorException e) {
            if (e.kind() == CollectorErrorKind.INTERNAL) {
                throw e;
            }
            if (unreadableQuorumDetails.add(path)) {
                log.info("collector {}: {} not readable ({}); failover capacity counts one vote per node and no "
                        + "QDevice", endpoint.id(), path, e.getMessage());
            }
            return null;
        }
    }

    /** The HA status; a version (or proxy) that does not serve it makes HA hosts and cluster a partial read. */
    private JsonNode haStatus(List<PartialRead> unreadable) throws CollectorException {
        String path = "/cluster/ha/status/current";
        try {
            return client.get(path);
        } catch (NotAvailableException e) {
            Scope scope = Scope.endpoint(path);
            unreadable.add(PartialRead.of(EventType.HA_HOST, scope, e));
            unreadable.add(PartialRead.of(EventType.HA_CLUSTER, scope, e));
            return JsonNodeFactory.instance.arrayNode();
        }
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

    private JsonNode nodeReplication(String node, List<PartialRead> unreadable) throws CollectorException {
        try {
            JsonNode status = client.get("/nodes/" + URLEncoder.encode(node, StandardCharsets.UTF_8) + "/replication");
            String was = skippedNodes.remove(node);
            if (was != null) {
                log.info("collector {}: node {} answers replication status again", endpoint.id(), node);
            }
            return status;
        } catch (CollectorException e) {
            if (e.kind() != CollectorErrorKind.HTTP_5XX && e.kind() != CollectorErrorKind.TIMEOUT
                    && !(e instanceof NotAvailableException)) {
                throw e;
            }
            unreadable.add(PartialRead.of(EventType.REPLICATION_STATUS, Scope.node(node), e));
            String was = skippedNodes.put(node, e.getMessage());
            if (!Objects.equals(was, e.getMessage())) {
                log.warn("collector {}: skipping replication status of node {} ({}); its jobs keep their last "
                        + "state until it answers", endpoint.id(), node, e.getMessage());
            }
            return null;
        }
    }
}
