package org.sitewatch.simulator;

import java.util.Map;

/**
 * What a Sitewatch collector needs to watch one simulated cluster: everything an entry of
 * {@code sitewatch.collectors.endpoints} holds. Built by the simulator from the scenario and the
 * cluster's vendor front, so an embedder wires collectors from the one scenario description.
 * {@link #toString()} leaves the settings out: they may hold secrets.
 *
 * @param id        endpoint id (the cluster's name)
 * @param site      the cluster's home site
 * @param platform  the vendor platform, e.g. {@code proxmox}
 * @param url       the API root URL
 * @param nodeSites node → site for the nodes standing outside the home site (a stretched cluster)
 * @param settings  the vendor's further endpoint properties (e.g. {@code api-token}); may be secret
 */
public record SimulatedEndpoint(String id, String site, String platform, String url, Map<String, String> nodeSites,
        Map<String, String> settings) {

    public SimulatedEndpoint {
        nodeSites = Map.copyOf(nodeSites);
        settings = Map.copyOf(settings);
    }

    @Override
    public String toString() {
        return "SimulatedEndpoint[id=" + id + ", site=" + site + ", platform=" + platform + ", url=" + url
                + ", nodeSites=" + nodeSites + ", settings=" + settings.keySet() + "]";
    }
}
