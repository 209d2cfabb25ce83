package org.sitewatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Something HA did to a VM: restart, fence, recovery, migration ({@code org.sitewatch.ha.action.v1}).
 *
 * @param actionId the vendor's id of the action, or the collector's stable id for the transition
 * @param fromHost where the VM was; null when unknown
 * @param toHost where the VM went; null when not (yet) known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HaAction(
        String site,
        Platform platform,
        String actionId,
        String vmId,
        String cluster,
        HaActionKind action,
        String fromHost,
        String toHost,
        String vendorState,
        String detail) implements EventData {

    @Override
    public String entityId() {
        return vmId;
    }
}
