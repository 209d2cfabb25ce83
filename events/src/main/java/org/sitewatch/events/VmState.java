package org.sitewatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Inventory, power, placement and HA protection of one VM ({@code org.sitewatch.vm.state.v1}).
 *
 * @param vmId the vendor's VM id (Proxmox vmid, vSphere moref, ...)
 * @param haProtected whether an HA mechanism will restart this VM; null when unknown
 * @param haState the vendor's HA word for this VM (e.g. Proxmox hastate), null when not managed
 * @param removed true when the VM no longer exists at the vendor: the views drop it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VmState(
        String site,
        Platform platform,
        String vmId,
        String name,
        String host,
        String cluster,
        PowerState power,
        String vendorState,
        Boolean haProtected,
        String haState,
        boolean removed) implements EventData {

    @Override
    public String entityId() {
        return vmId;
    }
}
