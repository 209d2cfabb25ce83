package org.sitewatch.simulator;

import java.util.List;

/**
 * One simulated Proxmox VE cluster, served as a separate site under {@code /{name}/api2/json}.
 *
 * @param name        site name, used in the URL path
 * @param cluster     cluster name shown in {@code /cluster/status}
 * @param token       API token {@code USER@REALM!TOKENID=SECRET}
 * @param booleans    wire encoding of booleans
 * @param pveVersion  version string for {@code /version}
 * @param ha          HA manager timing
 * @param nodes       nodes in declaration order
 * @param vms         guests at start
 * @param replication replication jobs
 */
public record SiteSpec(String name, String cluster, String token, BooleanStyle booleans,
        String pveVersion, HaTiming ha, List<NodeSpec> nodes, List<GuestSpec> vms,
        List<ReplicationJobSpec> replication) {

    public SiteSpec {
        nodes = List.copyOf(nodes);
        vms = List.copyOf(vms);
        replication = List.copyOf(replication);
    }
}
