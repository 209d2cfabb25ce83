package org.sitewatch.collectors.vmware.mapping;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.sitewatch.events.EventData;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.VmState;

/**
 * The latest record of each VM, host, cluster and replicated VM of one endpoint, so that an event,
 * which tells one change, can be turned into a whole record: a {@code VmPoweredOffEvent} keeps the
 * VM's HA protection, an {@code rpoViolatedEvent} keeps the replication's target site.
 *
 * <p>The collector {@link #remember remembers} each snapshot's records; the event mapper remembers
 * what it derives, so the events of one page build on each other. A removed record is forgotten.
 * Replications are found by their VM's moRef ({@link ReplicationStatus#vmId()}). Not thread-safe:
 * one endpoint's polls are sequential.
 */
public final class KnownStates {

    private final Map<String, VmState> vms = new HashMap<>();
    private final Map<String, HaHost> hosts = new HashMap<>();
    private final Map<String, HaCluster> clusters = new HashMap<>();
    private final Map<String, ReplicationStatus> replicationsByVm = new HashMap<>();

    public void rememberAll(Collection<? extends EventData> records) {
        records.forEach(this::remember);
    }

    /** Keeps {@code data} as the latest record of its entity; other kinds (actions, heartbeats) are ignored. */
    public void remember(EventData data) {
        if (data instanceof VmState vm) {
            keep(vms, vm.vmId(), vm, vm.removed());
        } else if (data instanceof HaHost host) {
            keep(hosts, host.hostId(), host, host.removed());
        } else if (data instanceof HaCluster cluster) {
            keep(clusters, cluster.clusterId(), cluster, false);
        } else if (data instanceof ReplicationStatus r && r.vmId() != null) {
            keep(replicationsByVm, r.vmId(), r, r.removed());
        }
    }

    VmState vm(String moRef) {
        return moRef == null ? null : vms.get(moRef);
    }

    HaHost host(String moRef) {
        return moRef == null ? null : hosts.get(moRef);
    }

    HaCluster cluster(String moRef) {
        return moRef == null ? null : clusters.get(moRef);
    }

    ReplicationStatus replicationOfVm(String vmMoRef) {
        return vmMoRef == null ? null : replicationsByVm.get(vmMoRef);
    }

    private static <T> void keep(Map<String, T> map, String id, T record, boolean removed) {
        if (id == null) {
            return;
        }
        if (removed) {
            map.remove(id);
        } else {
            map.put(id, record);
        }
    }
}
