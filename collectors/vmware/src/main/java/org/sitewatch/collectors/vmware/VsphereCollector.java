package org.sitewatch.collectors.vmware;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.EventHistory;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.collectors.vmware.mapping.KnownStates;
import org.sitewatch.collectors.vmware.mapping.VsphereEventMapper;
import org.sitewatch.collectors.vmware.replication.ReplicationReader;
import org.sitewatch.collectors.vmware.vim25.MoRef;
import org.sitewatch.collectors.vmware.vim25.PropertyCollector;
import org.sitewatch.collectors.vmware.vim25.UpdateSet;
import org.sitewatch.collectors.vmware.vim25.Vim25Client;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One vCenter. The first poll creates a container view over the whole inventory and a property filter on just
 * the watched properties ({@link InventoryReader#WATCHED}); every poll then asks {@code WaitForUpdatesEx} for what
 * changed since the version it holds (never one call per object, never a full walk), applies it to its
 * {@link InventoryMirror} and maps the mirror. The events come through {@link VsphereEventHistory}.
 *
 * <p>A property filter belongs to its session: when the client had to log in again, the view and the filter are
 * created anew and the next answer is the full inventory again. For the same reason the version is not kept
 * across restarts; a restart reads the inventory once and the runtime's change detection (checkpointed) publishes
 * only what differs from before.
 */
final class VsphereCollector implements PollingSource {

    private static final Logger log = LoggerFactory.getLogger(VsphereCollector.class);
    private static final List<String> TYPES = List.of(InventoryReader.VM, InventoryReader.HOST, InventoryReader.CLUSTER);

    private final EndpointConfig endpoint;
    private final Vim25Client client;
    private final PropertyCollector properties;
    private final Clock clock;
    private final InventoryMirror mirror = new InventoryMirror();
    private final InventoryMapper mapper;
    private final ReplicationReader replication;
    private final KnownStates known = new KnownStates();
    private final VsphereEventHistory history;

    private MoRef view;
    private String version = "";
    /** The client's login count when the filter was made: another login means a new session without it. */
    private long filterSession = -1;

    /** @param replication the vSphere Replication (and SRM) reader of this vCenter; null when none is configured */
    VsphereCollector(EndpointConfig endpoint, Vim25Client client, ReplicationReader replication, Clock clock) {
        this.endpoint = endpoint;
        this.replication = replication;
        this.client = client;
        this.properties = new PropertyCollector(client);
        this.clock = clock;
        this.mapper = new InventoryMapper(endpoint.site(), new InventoryReader(mirror));
        this.history = new VsphereEventHistory(endpoint.id(), client, new VsphereEventMapper(endpoint.site(), known), clock);
    }

    @Override
    public Snapshot poll() throws CollectorException {
        readChanges();
        if (client.logins() != filterSession) {
            // The session was renewed while reading: the filter went with the old one.
            readChanges();
        }
        return snapshot();
    }

    @Override
    public Optional<EventHistory> eventHistory() {
        return Optional.of(history);
    }

    /** Brings the mirror up to date: all of the inventory after a (new) session, else only the changes. */
    private void readChanges() throws CollectorException {
        if (view == null || client.logins() != filterSession) {
            watchInventory();
        }
        boolean more = true;
        while (more) {
            Optional<UpdateSet> updates = properties.waitForUpdates(version, Duration.ZERO);
            if (updates.isEmpty()) {
                return;
            }
            mirror.apply(updates.get());
            version = updates.get().version();
            more = updates.get().truncated();
        }
    }

    private void watchInventory() throws CollectorException {
        if (view != null) {
            log.info("collector {}: new vCenter session; reading the inventory again", endpoint.id());
        }
        mirror.clear();
        version = "";
        view = properties.createContainerView(client.serviceContent().rootFolder(), TYPES, true);
        properties.createFilter(view, InventoryReader.WATCHED);
        filterSession = client.logins();
    }

    private Snapshot snapshot() throws CollectorException {
        Instant now = clock.instant();
        Snapshot.Builder builder = Snapshot.builder(now);
        mapper.addTo(builder);
        if (replication != null) {
            replication.read(now).addTo(builder);
        }
        Snapshot snapshot = builder.build();
        // The event mapping builds on the last known records (an event says only what changed).
        known.rememberAll(snapshot.states());
        return snapshot;
    }

    @Override
    public void close() {
        try {
            client.logout();
        } catch (CollectorException | RuntimeException e) {
            log.debug("collector {}: logout failed ({})", endpoint.id(), e.getMessage());
        }
    }
}
