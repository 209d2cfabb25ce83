package org.sitewatch.collectors.citrix;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.sitewatch.collectors.citrix.mapping.Machine;
import org.sitewatch.collectors.citrix.mapping.MachineMapper;
import org.sitewatch.collectors.citrix.mapping.RegisteredShare;
import org.sitewatch.collectors.citrix.mapping.UnusableMachineException;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one Monitor Service: the active machines ({@code LifecycleState eq 0}) with the fields the
 * mapping uses and their delivery group expanded, in one listing of pages. Each VDI machine becomes
 * a {@code vm.state}; each delivery group (or the whole endpoint, see {@link CitrixSettings#groupBy()})
 * an {@code ha.cluster} with its registered share against the threshold. A machine record that cannot
 * be mapped is skipped with its reason; any failure to read the listing fails the poll, classified.
 */
final class CitrixCollector implements PollingSource {

    private static final Logger log = LoggerFactory.getLogger(CitrixCollector.class);

    /** The one query of a poll; spaces are the only characters of it a URI does not take as they are. */
    static final String MACHINES_QUERY = "Machines?$filter=LifecycleState%20eq%200&$select=" + Machine.SELECTED_FIELDS
            + "&$expand=DesktopGroup($select=Id,Name)";

    private final EndpointConfig endpoint;
    private final CitrixSettings settings;
    private final MonitorClient client;
    private final MachineMapper machines;
    private final RegisteredShare shares;
    private final Clock clock;

    CitrixCollector(EndpointConfig endpoint, CitrixSettings settings, MonitorClient client, Clock clock) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.client = client;
        this.machines = new MachineMapper(endpoint.site(), endpoint::siteOfHost);
        this.shares = new RegisteredShare(endpoint.site(), settings.registeredThreshold());
        this.clock = clock;
    }

    @Override
    public Snapshot poll() throws CollectorException {
        List<JsonNode> records = client.list(MACHINES_QUERY);
        Snapshot.Builder snapshot = Snapshot.builder(clock.instant());
        List<Machine> active = new ArrayList<>();
        for (JsonNode record : records) {
            try {
                Machine m = Machine.parse(record);
                if (m.lifecycle().code() == 0) { // the filter asked for these only; a server ignoring it is not trusted
                    active.add(m);
                }
            } catch (UnusableMachineException e) {
                snapshot.skipped(e.getMessage()).partial(EventType.VM_STATE).partial(EventType.HA_CLUSTER);
            }
        }
        active.forEach(m -> snapshot.state(machines.map(m)));
        if (settings.groupBy() == CitrixSettings.GroupBy.ENDPOINT) {
            snapshot.state(shares.whole(endpoint.id(), active));
        } else {
            shares.byDeliveryGroup(active).forEach(snapshot::state);
        }
        log.debug("collector {}: {} active machines of {} records", endpoint.id(), active.size(), records.size());
        return snapshot.build();
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            log.debug("collector {}: closing the Monitor Service client failed", endpoint.id(), e);
        }
    }
}
