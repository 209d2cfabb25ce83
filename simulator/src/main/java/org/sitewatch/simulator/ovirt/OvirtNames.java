package org.sitewatch.simulator.ovirt;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.engine.ReplicationLinkState;

/**
 * How the engine's objects are named and identified for one simulated cluster: one data center and
 * one oVirt cluster per site the cluster has nodes in (the home site's cluster carries the scenario's
 * cluster name, another site's is {@code <data center>-cluster}), ids as stable name-based UUIDs,
 * and per replication link a storage-domain pair {@code data-<guest>} → {@code data-<guest>-dr}.
 */
final class OvirtNames {

    private final ClusterSpec spec;
    private final OvirtSettings settings;

    OvirtNames(ClusterSpec spec, OvirtSettings settings) {
        this.spec = spec;
        this.settings = settings;
    }

    String dataCenter(String site) {
        return settings.dataCenter(site);
    }

    String cluster(String site) {
        return site.equals(spec.site()) ? spec.clusterName() : dataCenter(site) + "-cluster";
    }

    String id(String kind, String name) {
        return UUID.nameUUIDFromBytes((spec.name() + "/" + kind + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    String dataCenterId(String site) {
        return id("datacenter", dataCenter(site));
    }

    String clusterId(String site) {
        return id("cluster", cluster(site));
    }

    String hostId(String node) {
        return id("host", node);
    }

    String vmId(int vmid) {
        return id("vm", Integer.toString(vmid));
    }

    /** The primary storage domain of a replication link: the replicated guest's data domain. */
    String primaryDomain(ReplicationLinkState link, String guestName) {
        return "data-" + guestName;
    }

    String secondaryDomain(ReplicationLinkState link, String guestName) {
        return "data-" + guestName + "-dr";
    }

    String siteOf(String node) {
        return spec.siteOf(node);
    }
}
