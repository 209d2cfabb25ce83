package org.sitewatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A host as its HA cluster sees it ({@code org.sitewatch.ha.host.v1}).
 *
 * @param detail free text from the vendor that explains the state (never parsed)
 * @param removed true when the host left the cluster
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HaHost(
        String site,
        Platform platform,
        String hostId,
        String hostName,
        String cluster,
        HaHostState state,
        String vendorState,
        String detail,
        boolean removed) implements EventData {

    @Override
    public String entityId() {
        return hostId;
    }
}
