package org.sitewatch.app;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitewatch.simulator.SimulatedEndpoint;

/**
 * The {@code sitewatch.collectors.endpoints[n].*} properties of the simulator's endpoints, as a user
 * would write them: common keys (id, site, platform, node-sites, cloud, region, poll-interval) at the
 * endpoint level, the URL and vendor keys in the platform's own block. So the embedded default goes
 * through the same binding and start-up checks as a configured deployment.
 */
final class SimulatedEndpointProperties {

    private SimulatedEndpointProperties() {
    }

    static Map<String, String> of(List<SimulatedEndpoint> endpoints, Duration pollInterval) {
        Map<String, String> props = new LinkedHashMap<>();
        for (int i = 0; i < endpoints.size(); i++) {
            SimulatedEndpoint endpoint = endpoints.get(i);
            String prefix = "sitewatch.collectors.endpoints[" + i + "].";
            props.put(prefix + "id", endpoint.id());
            props.put(prefix + "site", endpoint.site());
            props.put(prefix + "platform", endpoint.platform());
            // Vendor keys go in the platform's own block: endpoints[i].proxmox.url, ...proxmox.api-token.
            String vendor = prefix + endpoint.platform() + ".";
            endpoint.vendorProperties().forEach((key, value) -> props.put(vendor + key, value));
            // Brackets keep a node name with dots or dashes as the map key.
            endpoint.nodeSites().forEach((node, site) -> props.put(prefix + "node-sites[" + node + "]", site));
            putIfSet(props, prefix + "cloud", endpoint.cloud());
            putIfSet(props, prefix + "region", endpoint.region());
            props.put(prefix + "poll-interval", pollInterval.toMillis() + "ms");
        }
        return props;
    }

    private static void putIfSet(Map<String, String> props, String key, String value) {
        if (value != null) {
            props.put(key, value);
        }
    }
}
