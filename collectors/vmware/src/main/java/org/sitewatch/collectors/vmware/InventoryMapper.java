package org.sitewatch.collectors.vmware;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.collectors.vmware.mapping.ClusterProperties;
import org.sitewatch.collectors.vmware.mapping.HostProperties;
import org.sitewatch.collectors.vmware.mapping.VmProperties;
import org.sitewatch.collectors.vmware.mapping.VsphereClusterMapper;
import org.sitewatch.collectors.vmware.mapping.VsphereHostMapper;
import org.sitewatch.collectors.vmware.mapping.VsphereVmMapper;
import org.sitewatch.events.EventData;
import org.sitewatch.events.EventType;
import org.sitewatch.events.HaHost;

/**
 * The mirrored inventory as one snapshot: hosts first (a cluster's failover capacity counts its hosts), then
 * clusters, then VMs (whose HA protection depends on their cluster). A host or cluster whose watched properties
 * vCenter could not read is a partial read of its scope, so its last state stands (an unreadable host still counts
 * in its cluster as last read); a value the mapping cannot take skips that object, never the poll.
 */
final class InventoryMapper {

    private final InventoryReader reader;
    private final VsphereVmMapper vms;
    private final VsphereHostMapper hosts;
    private final VsphereClusterMapper clusters;

    InventoryMapper(String site, InventoryReader reader) {
        this.reader = reader;
        this.vms = new VsphereVmMapper(site);
        this.hosts = new VsphereHostMapper(site);
        this.clusters = new VsphereClusterMapper(site);
    }

    Snapshot snapshot(Instant now) {
        Snapshot.Builder snapshot = Snapshot.builder(now);
        addTo(snapshot);
        return snapshot.build();
    }

    /** Adds the inventory's states, skipped objects and partial reads to {@code snapshot}. */
    void addTo(Snapshot.Builder snapshot) {
        List<EventData> states = new ArrayList<>();
        List<HaHost> mappedHosts = new ArrayList<>();
        for (HostProperties host : reader.hosts()) {
            String unreadable = reader.unreadable(InventoryReader.HOST, host.moRef());
            if (unreadable != null) {
                // Its last state stands until vCenter lets it be read again (a privilege missing on that host),
                // in its cluster's host counts too: the values last read are still in the mirror.
                snapshot.unreadable(EventType.HA_HOST, Scope.node(host.moRef()),
                        "host " + (host.name() == null ? host.moRef() : host.name()) + ": " + unreadable);
                lastKnown(host).ifPresent(mappedHosts::add);
                continue;
            }
            map(snapshot, "host " + host.moRef(), () -> {
                HaHost mapped = hosts.map(host);
                mappedHosts.add(mapped);
                states.add(mapped);
            });
        }
        Map<String, Boolean> haEnabled = new HashMap<>();
        for (ClusterProperties cluster : reader.clusters()) {
            haEnabled.put(cluster.moRef(), cluster.haEnabled());
            String unreadable = reader.unreadable(InventoryReader.CLUSTER, cluster.moRef());
            if (unreadable != null) {
                snapshot.unreadable(EventType.HA_CLUSTER, Scope.cluster(cluster.moRef()),
                        "cluster " + cluster.name() + ": " + unreadable);
                continue;
            }
            map(snapshot, "cluster " + cluster.moRef(), () -> states.add(clusters.map(cluster, mappedHosts)));
        }
        for (VmProperties vm : reader.vms()) {
            Boolean clusterHa = vm.cluster() == null ? null : haEnabled.get(vm.cluster().moRef());
            map(snapshot, "VM " + vm.moRef(), () -> states.add(vms.map(vm, clusterHa)));
        }
        states.forEach(snapshot::state);
    }

    /** An unreadable host as last read; empty when it never was (unreadable from the first read on). */
    private Optional<HaHost> lastKnown(HostProperties host) {
        try {
            return Optional.of(hosts.map(host));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Maps one object; a value the mapping cannot take skips that object, never the poll. */
    private static void map(Snapshot.Builder snapshot, String what, Runnable mapping) {
        try {
            mapping.run();
        } catch (RuntimeException e) {
            snapshot.skipped(what + ": " + e.getMessage());
        }
    }
}
