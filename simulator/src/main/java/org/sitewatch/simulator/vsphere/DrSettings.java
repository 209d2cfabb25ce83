package org.sitewatch.simulator.vsphere;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitewatch.simulator.ClusterSpec;

/**
 * The collector's {@code replication} block for a simulated vCenter with replication links: VR and
 * SRM are served below the cluster's own URL, so {@code replication.url} and
 * {@code replication.srm-url} are that URL, and {@code replication.sites[<target vCenter>]} maps each
 * {@link DrTarget}'s VR site name to its Sitewatch site. The key is bracketed so Spring keeps a
 * name with dots as one map key. A cluster without links gets no block (the collector reads no VR).
 */
final class DrSettings {

    private DrSettings() {
    }

    static Map<String, String> of(ClusterSpec cluster, String baseUrl, List<ClusterSpec> estate) {
        Map<String, String> out = new LinkedHashMap<>();
        if (cluster.replication().isEmpty()) {
            return out;
        }
        out.put("replication.url", baseUrl);
        out.put("replication.srm-url", baseUrl);
        for (DrTarget target : DrTarget.all(cluster, estate)) {
            out.put("replication.sites[" + target.vcName() + "]", target.site());
        }
        return out;
    }
}
