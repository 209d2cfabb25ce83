package org.sitewatch.collectors.oraclevm;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.collectors.spi.http.NotAvailableException;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one Oracle VM Manager: {@code GET /Manager} first (a Manager whose {@code managerRunState}
 * is not RUNNING, e.g. STARTING while it boots, fails the poll as not ready, retriable), then
 * {@code /Vm}, {@code /Server} and {@code /ServerPool}, mapped by {@link OracleVmMapper}, HA actions
 * derived by {@link OvmHaDetector}. A {@code /ServerPool} that fails with 5xx, a time-out, a
 * malformed answer or 404/501 is a partial read of the HA clusters (VMs and hosts still flow, the
 * pools keep their last state); any other failure fails the poll, classified.
 *
 * <p>Limits: four requests per poll, one after the other (plus a login when the session is new or
 * has ended); events and jobs are not read.
 */
final class OracleVmCollector implements PollingSource {

    private static final Logger log = LoggerFactory.getLogger(OracleVmCollector.class);
    static final String POOLS = "/ServerPool";

    private final EndpointConfig endpoint;
    private final OracleVmClient client;
    private final OracleVmMapper mapper;
    private final OvmHaDetector detector;
    private final Clock clock;
    /** Why {@code /ServerPool} failed last time; to log only changes. */
    private String poolsFailure;

    OracleVmCollector(EndpointConfig endpoint, OracleVmClient client, Clock clock) {
        this.endpoint = endpoint;
        this.client = client;
        this.mapper = new OracleVmMapper(endpoint);
        this.detector = new OvmHaDetector(endpoint.site());
        this.clock = clock;
    }

    @Override
    public Snapshot poll() throws CollectorException {
        Instant now = clock.instant();
        checkManagerRunning(client.get(OracleVmClient.LOGIN_PATH));
        JsonNode vms = client.list("/Vm");
        JsonNode servers = client.list("/Server");
        Snapshot.Builder out = Snapshot.builder(now);
        return map(now, vms, servers, pools(out), out);
    }

    /** Maps one poll's lists into {@code out}; {@code pools} is null when they could not be read. */
    Snapshot map(Instant now, JsonNode vms, JsonNode servers, JsonNode pools, Snapshot.Builder out) {
        OvmInventory inventory = new OvmInventory(
                OracleVmMapper.parseAll(vms, "Vm", OvmVm::parse, EventType.VM_STATE, out),
                OracleVmMapper.parseAll(servers, "Server", OvmServer::parse, EventType.HA_HOST, out),
                pools == null ? List.of() : OracleVmMapper.parseAll(pools, "ServerPool", OvmPool::parse,
                        EventType.HA_CLUSTER, out));
        mapper.vms(inventory, out);
        mapper.hosts(inventory, out);
        mapper.pools(inventory, out);
        detector.track(inventory, now, out);
        return out.build();
    }

    /**
     * The Manager answers its state even while it boots; only a RUNNING Manager's inventory is
     * complete. {@code /Manager} is a list like every type (one Manager); a single object is accepted too.
     */
    static void checkManagerRunning(JsonNode answer) throws CollectorException {
        JsonNode manager = answer.isArray() ? answer.path(0) : answer;
        JsonNode state = manager.get("managerRunState");
        if (state == null || !state.isTextual()) {
            throw CollectorException.retriable(CollectorErrorKind.MALFORMED,
                    "GET /Manager answered no managerRunState", null);
        }
        if (!state.asText().equalsIgnoreCase("RUNNING")) {
            throw CollectorException.retriable(CollectorErrorKind.HTTP_5XX, "Oracle VM Manager is not ready: its "
                    + "managerRunState is " + state.asText() + ", not RUNNING; polling again later", null);
        }
    }

    /** The pools, or null after adding a partial read of the HA clusters when they cannot be read. */
    private JsonNode pools(Snapshot.Builder out) throws CollectorException {
        try {
            JsonNode pools = client.list(POOLS);
            if (poolsFailure != null) {
                log.info("collector {}: {} answers again", endpoint.id(), POOLS);
                poolsFailure = null;
            }
            return pools;
        } catch (CollectorException e) {
            boolean partial = e instanceof NotAvailableException || e.kind() == CollectorErrorKind.HTTP_5XX
                    || e.kind() == CollectorErrorKind.TIMEOUT || e.kind() == CollectorErrorKind.MALFORMED;
            if (!partial) {
                throw e;
            }
            out.unreadable(EventType.HA_CLUSTER, Scope.endpoint(POOLS), e.getMessage());
            if (!e.getMessage().equals(poolsFailure)) {
                log.warn("collector {}: server pools not read ({}); VMs and servers still are, the pools keep "
                        + "their last state", endpoint.id(), e.getMessage());
            }
            poolsFailure = e.getMessage();
            return null;
        }
    }
}
