package org.sitewatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An HA cluster's protection capacity ({@code org.sitewatch.ha.cluster.v1}).
 *
 * @param failoverCapacity how many more hosts the cluster can lose and still restart its protected
 *     VMs; 0 means the next host failure is not covered; null when the vendor does not say
 * @param quorate whether the cluster has quorum; null when the platform has no quorum notion
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HaCluster(
        String site,
        Platform platform,
        String clusterId,
        String name,
        Boolean haEnabled,
        Integer hostsTotal,
        Integer hostsHealthy,
        Integer failoverCapacity,
        Boolean quorate,
        String vendorState) implements EventData {

    @Override
    public String entityId() {
        return clusterId;
    }
}
