package org.sitewatch.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One simulated cluster: the unit a vendor's management API answers for, so the unit a collector
 * endpoint watches. It belongs to a home site, but its nodes may stand in other sites (a stretched
 * cluster), which is how replication between sites is modelled for vendors that replicate inside a
 * cluster (Proxmox). Vendor-specific settings (an API token, a wire-format quirk) stay as text in
 * {@link #vendor()}; the cluster's {@link #platform() front} reads and validates them.
 *
 * @param name        endpoint name: the URL path segment and the collector endpoint id; unique
 * @param clusterName the cluster's own name as its API shows it
 * @param site        home site: where the cluster's API and its collector report
 * @param platform    the vendor front that serves it, e.g. {@code proxmox}
 * @param vendor      the platform's own settings, validated by its front
 * @param ha          HA manager timing
 * @param qdevice     the quorum device, or null when there is none
 * @param nodes       nodes (hosts) in declaration order, each with its site
 * @param vms         guests at start
 * @param replication replication links between the cluster's nodes
 */
public record ClusterSpec(String name, String clusterName, String site, String platform,
        Map<String, String> vendor, HaTiming ha, QDeviceSpec qdevice, List<NodeSpec> nodes,
        List<GuestSpec> vms, List<ReplicationJobSpec> replication) {

    public ClusterSpec {
        vendor = Map.copyOf(vendor);
        nodes = List.copyOf(nodes);
        vms = List.copyOf(vms);
        replication = List.copyOf(replication);
    }

    /** A vendor setting, or {@code fallback} when the scenario left it out. */
    public String vendorSetting(String key, String fallback) {
        return vendor.getOrDefault(key, fallback);
    }

    /** The site a node stands in. */
    public String siteOf(String node) {
        return nodes.stream().filter(n -> n.name().equals(node)).map(NodeSpec::site).findFirst().orElse(site);
    }

    /** Every site this cluster has a node in, home site first. */
    public List<String> sites() {
        List<String> out = new ArrayList<>(List.of(site));
        nodes.stream().map(NodeSpec::site).filter(s -> !out.contains(s)).forEach(out::add);
        return out;
    }
}
