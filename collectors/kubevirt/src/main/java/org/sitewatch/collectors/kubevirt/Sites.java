package org.sitewatch.collectors.kubevirt;

import org.sitewatch.collectors.spi.EndpointConfig;

/**
 * Where records of one cluster belong: the endpoint's site, or for a node listed in the endpoint's
 * {@code node-sites} (a cluster stretched over two sites) that node's site; and the cluster name
 * every record carries.
 */
record Sites(EndpointConfig endpoint, String cluster) {

    static Sites of(EndpointConfig endpoint, KubevirtSettings settings) {
        return new Sites(endpoint, settings.clusterName() != null ? settings.clusterName() : endpoint.id());
    }

    /** The site of a node; the endpoint's site for none (a VM that is not scheduled). */
    String siteOfNode(String node) {
        return endpoint.siteOfHost(node);
    }
}
