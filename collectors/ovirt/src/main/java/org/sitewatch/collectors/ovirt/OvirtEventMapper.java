package org.sitewatch.collectors.ovirt;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.sitewatch.collectors.spi.EventPage.HistoryEvent;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.Platform;

/**
 * Maps one engine event to an {@link HaAction} when its code is an HA code ({@link OvirtEventCodes})
 * and it links a VM. The action id is the event's index; the VM id its {@code vm} link; the host its
 * {@code host} link resolved to the host's name (where the VM went for RESTART and MIGRATE, where it
 * was otherwise); the cluster its {@code cluster} link's name, else the VM's; the site the VM's. The
 * vendor state is {@code <code> <NAME> (<severity>)}, the detail the event's description.
 */
final class OvirtEventMapper {

    /** The action, or why the event is not one. */
    record Result(HistoryEvent event, String notPublished) {
    }

    private final OvirtInventory inventory;

    OvirtEventMapper(OvirtInventory inventory) {
        this.inventory = inventory;
    }

    Result map(JsonNode event, long index, Instant fallbackTime) throws BadRecordException {
        Long codeNumber = OvirtJson.number(event, "code");
        OvirtEventCodes.Code code = codeNumber == null ? null : OvirtEventCodes.CODES.get(codeNumber.intValue());
        if (code == null) {
            return new Result(null, "code " + codeNumber + " is not an HA code");
        }
        String vmId = OvirtJson.linkId(event, "vm");
        if (vmId == null) {
            return new Result(null, code.name() + " names no VM (host events show through /hosts)");
        }
        String host = inventory.hostName(OvirtJson.linkId(event, "host"));
        boolean arrival = code.kind() == HaActionKind.RESTART || code.kind() == HaActionKind.MIGRATE;
        String cluster = inventory.clusterName(OvirtJson.linkId(event, "cluster"));
        if (cluster == null) {
            cluster = inventory.vmClusters.get(vmId);
        }
        String severity = OvirtJson.word(event, "severity");
        String vendorState = codeNumber + " " + code.name()
                + (severity == null ? "" : " (" + OvirtWords.LOG_SEVERITY.getOrDefault(severity, severity) + ")");
        String description = OvirtJson.text(event, "description");
        HaAction action = new HaAction(siteOf(vmId, event), Platform.OVIRT, Long.toString(index), vmId, cluster,
                code.kind(), arrival ? null : host, arrival ? host : null, vendorState,
                description == null ? code.meaning() + " (VM " + inventory.vmNames.getOrDefault(vmId, vmId) + ")" : description);
        Instant time = OvirtJson.time(event, "time");
        return new Result(new HistoryEvent(time == null ? fallbackTime : time, action, Long.toString(index)), null);
    }

    private String siteOf(String vmId, JsonNode event) {
        String site = inventory.vmSites.get(vmId);
        if (site != null) {
            return site;
        }
        String clusterId = OvirtJson.linkId(event, "cluster");
        return clusterId == null ? inventory.defaultSite() : inventory.siteOfCluster(clusterId);
    }
}
