package org.sitewatch.collectors.ovirt;

import java.util.HashMap;
import java.util.Map;

/**
 * What one poll learnt about names and places: id → name of VMs, hosts, clusters and data centers,
 * and the site each cluster and data center stands in. Event links and storage domains carry ids
 * only; this resolves them. A fresh one per poll, read-only once built.
 */
final class OvirtInventory {

    private final String defaultSite;
    private final Map<String, String> dataCenterSites;
    final Map<String, String> vmNames = new HashMap<>();
    final Map<String, String> vmClusters = new HashMap<>();
    final Map<String, String> vmSites = new HashMap<>();
    final Map<String, String> hostNames = new HashMap<>();
    final Map<String, String> clusterNames = new HashMap<>();
    final Map<String, String> clusterDataCenters = new HashMap<>();
    final Map<String, String> dataCenterNames = new HashMap<>();

    /** @param dataCenterSites data center name → site; the others stand in {@code defaultSite} */
    OvirtInventory(String defaultSite, Map<String, String> dataCenterSites) {
        this.defaultSite = defaultSite;
        this.dataCenterSites = dataCenterSites;
    }

    /** The site of a data center by id: its configured site, else the endpoint's. */
    String siteOfDataCenter(String dataCenterId) {
        String name = dataCenterNames.get(dataCenterId);
        return name == null ? defaultSite : dataCenterSites.getOrDefault(name, defaultSite);
    }

    String siteOfCluster(String clusterId) {
        return siteOfDataCenter(clusterDataCenters.get(clusterId));
    }

    /** The host's name, or its id when the poll did not see it. */
    String hostName(String hostId) {
        return hostId == null ? null : hostNames.getOrDefault(hostId, hostId);
    }

    String clusterName(String clusterId) {
        return clusterId == null ? null : clusterNames.getOrDefault(clusterId, clusterId);
    }

    String defaultSite() {
        return defaultSite;
    }
}
