package org.sitewatch.collectors.ovirt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.VmState;

/**
 * Maps the engine's {@code /datacenters}, {@code /clusters}, {@code /hosts} and {@code /vms} to the
 * contract: a {@link VmState} per VM, an {@link HaHost} per host and an {@link HaCluster} per cluster,
 * each in the site of its data center. Ids are the engine's; hosts and clusters are named as the
 * engine names them. A record that cannot be mapped is skipped with a reason, the others go on.
 *
 * <ul>
 *   <li>VM: {@code status} → power (raw word and {@code status_detail} kept), {@code host} link → host
 *       name, {@code high_availability.enabled} → HA-protected, its {@code priority} as the HA state;</li>
 *   <li>host: {@code status} → state; an up host whose {@code external_status} is error or failure is
 *       DEGRADED; the detail names the SPM role and a non-ok external status;</li>
 *   <li>cluster: hosts total and healthy (HEALTHY state); HA enabled when a VM of it is highly
 *       available, and then a failover capacity = healthy hosts less one, 0 when its data center is
 *       not up (no host can run VMs then), none without an HA VM; the data center's status as the
 *       vendor state.</li>
 * </ul>
 */
final class OvirtInventoryMapper {

    private final OvirtInventory inventory;
    private final Snapshot.Builder out;

    OvirtInventoryMapper(OvirtInventory inventory, Snapshot.Builder out) {
        this.inventory = inventory;
        this.out = out;
    }

    void map(List<JsonNode> dataCenters, List<JsonNode> clusters, List<JsonNode> hosts, List<JsonNode> vms) {
        Map<String, String> dataCenterStatus = new HashMap<>();
        for (JsonNode dc : dataCenters) {
            try {
                String id = OvirtJson.id(dc);
                inventory.dataCenterNames.put(id, nameOf(dc, id));
                dataCenterStatus.put(id, OvirtJson.word(dc, "status"));
            } catch (BadRecordException e) {
                out.skipped("data center " + dc.path("name").asText("?") + ": " + e.getMessage());
            }
        }
        List<String> clusterIds = new ArrayList<>();
        for (JsonNode c : clusters) {
            try {
                String id = OvirtJson.id(c);
                inventory.clusterNames.put(id, nameOf(c, id));
                inventory.clusterDataCenters.put(id, OvirtJson.linkId(c, "data_center"));
                clusterIds.add(id);
            } catch (BadRecordException e) {
                out.skipped("cluster " + c.path("name").asText("?") + ": " + e.getMessage());
            }
        }
        for (JsonNode h : hosts) {
            try {
                String id = OvirtJson.id(h);
                inventory.hostNames.put(id, nameOf(h, id));
            } catch (BadRecordException e) {
                // reported when the host is mapped below
            }
        }
        Map<String, int[]> hostCounts = new HashMap<>();
        for (JsonNode h : hosts) {
            try {
                HaHost host = host(h);
                out.state(host);
                int[] counts = hostCounts.computeIfAbsent(host.cluster(), k -> new int[2]);
                counts[0]++;
                counts[1] += host.state() == HaHostState.HEALTHY ? 1 : 0;
            } catch (BadRecordException e) {
                out.skipped("host " + h.path("name").asText("?") + ": " + e.getMessage());
            }
        }
        Map<String, Boolean> clusterHasHa = new HashMap<>();
        for (JsonNode v : vms) {
            try {
                VmState vm = vm(v);
                out.state(vm);
                if (Boolean.TRUE.equals(vm.haProtected())) {
                    clusterHasHa.put(vm.cluster(), true);
                }
            } catch (BadRecordException e) {
                out.skipped("VM " + v.path("name").asText("?") + ": " + e.getMessage());
            }
        }
        for (String id : clusterIds) {
            String name = inventory.clusterName(id);
            String dcId = inventory.clusterDataCenters.get(id);
            String dcStatus = dataCenterStatus.get(dcId);
            int[] counts = hostCounts.getOrDefault(name, new int[2]);
            boolean dcUp = OvirtWords.dataCenter(dcStatus) == OvirtWords.Severity.OK;
            boolean ha = clusterHasHa.getOrDefault(name, false);
            // Without a highly available VM there is nothing to fail over: no capacity to report.
            Integer capacity = !ha ? null : dcUp ? Math.max(0, counts[1] - 1) : 0;
            out.state(new HaCluster(inventory.siteOfCluster(id), Platform.OVIRT, name, name,
                    ha, counts[0], counts[1], capacity,
                    null, "data center " + inventory.dataCenterNames.getOrDefault(dcId, "?") + ": "
                            + (dcStatus == null ? "status not shown" : dcStatus)));
        }
    }

    private HaHost host(JsonNode h) throws BadRecordException {
        String id = OvirtJson.id(h);
        String status = OvirtJson.word(h, "status");
        String external = OvirtJson.word(h, "external_status");
        HaHostState state = OvirtWords.host(status);
        OvirtWords.Severity externalSeverity = OvirtWords.external(external);
        if (state == HaHostState.HEALTHY && externalSeverity == OvirtWords.Severity.FAILED) {
            state = HaHostState.DEGRADED;
        }
        List<String> detail = new ArrayList<>();
        String spm = OvirtJson.word(h.get("spm"), "status");
        if (spm != null && !OvirtWords.SPM_STATUS.getOrDefault(spm, spm).isEmpty()) {
            detail.add(OvirtWords.SPM_STATUS.getOrDefault(spm, "SPM status " + spm));
        }
        if (external != null && externalSeverity != OvirtWords.Severity.OK) {
            detail.add("external status " + external);
        }
        String statusDetail = OvirtJson.text(h, "status_detail");
        if (statusDetail != null) {
            detail.add(statusDetail);
        }
        String clusterId = OvirtJson.linkId(h, "cluster");
        return new HaHost(inventory.siteOfCluster(clusterId), Platform.OVIRT, id, inventory.hostName(id),
                inventory.clusterName(clusterId), state, status == null ? "status not shown" : status,
                detail.isEmpty() ? null : String.join("; ", detail), false);
    }

    private VmState vm(JsonNode v) throws BadRecordException {
        String id = OvirtJson.id(v);
        String status = OvirtJson.word(v, "status");
        String statusDetail = OvirtJson.text(v, "status_detail");
        JsonNode ha = v.get("high_availability");
        Boolean haEnabled = OvirtJson.bool(ha, "enabled");
        Long priority = OvirtJson.number(ha, "priority");
        String clusterId = OvirtJson.linkId(v, "cluster");
        String hostId = OvirtJson.linkId(v, "host");
        String name = nameOf(v, id);
        String cluster = inventory.clusterName(clusterId);
        String host = inventory.hostName(hostId);
        inventory.vmNames.put(id, name);
        inventory.vmClusters.put(id, cluster);
        inventory.vmSites.put(id, inventory.siteOfCluster(clusterId));
        String vendorState = status == null ? "status not shown" : statusDetail == null ? status : status + " (" + statusDetail + ")";
        return new VmState(inventory.siteOfCluster(clusterId), Platform.OVIRT, id, name, host, cluster,
                OvirtWords.power(status), vendorState, haEnabled == null ? Boolean.FALSE : haEnabled,
                Boolean.TRUE.equals(haEnabled) ? "priority " + (priority == null ? "not shown" : priority) : null, false);
    }

    private static String nameOf(JsonNode node, String id) {
        String name = OvirtJson.text(node, "name");
        return name == null ? id : name;
    }
}
