package org.sitewatch.collectors.ovirt;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.EventHistory;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.EventType;

/**
 * Polls one oVirt engine: {@code /datacenters}, {@code /clusters}, {@code /hosts} and {@code /vms} make
 * the inventory (a failure of any of them fails the poll), {@code /storagedomains} the DR pairs when
 * the settings declare some (a failure there is a partial read of the replication items, the
 * inventory still flows), and the event list is the {@link OvirtEventHistory}, read by the runtime
 * after each poll (a failure there leaves the cursor where it was; the poll's records still go out).
 */
final class OvirtCollector implements PollingSource {

    static final String STORAGE_DOMAINS = "/storagedomains";

    private final EndpointConfig endpoint;
    private final OvirtSettings settings;
    private final OvirtApi api;
    private final Clock clock;
    private final OvirtEventHistory history;
    private volatile OvirtInventory inventory;

    OvirtCollector(EndpointConfig endpoint, OvirtSettings settings, OvirtApi api, Clock clock) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.api = api;
        this.clock = clock;
        this.inventory = new OvirtInventory(endpoint.site(), settings.dataCenterSites());
        this.history = new OvirtEventHistory(endpoint.id(), api, settings.eventPage(), () -> inventory, clock);
    }

    @Override
    public Snapshot poll() throws CollectorException {
        Snapshot.Builder out = Snapshot.builder(clock.instant());
        List<JsonNode> dataCenters = api.list("/datacenters", "data_center");
        List<JsonNode> clusters = api.list("/clusters", "cluster");
        List<JsonNode> hosts = api.list("/hosts", "host");
        List<JsonNode> vms = api.list("/vms", "vm");
        OvirtInventory read = new OvirtInventory(endpoint.site(), settings.dataCenterSites());
        new OvirtInventoryMapper(read, out).map(dataCenters, clusters, hosts, vms);
        if (!settings.drMappings().isEmpty()) {
            try {
                List<JsonNode> domains = api.list(STORAGE_DOMAINS, "storage_domain");
                new OvirtDrMapper(read).map(domains, settings.drMappings()).forEach(out::state);
            } catch (CollectorException e) {
                if (e.kind() == CollectorErrorKind.AUTH) {
                    throw e;
                }
                out.unreadable(EventType.REPLICATION_STATUS, Scope.endpoint(STORAGE_DOMAINS), e.getMessage());
            }
        }
        inventory = read;
        return out.build();
    }

    @Override
    public Optional<EventHistory> eventHistory() {
        return Optional.of(history);
    }
}
