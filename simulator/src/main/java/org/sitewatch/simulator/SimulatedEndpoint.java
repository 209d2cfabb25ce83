package org.sitewatch.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.sitewatch.simulator.front.VendorFronts;

/**
 * What a Sitewatch collector needs to watch one simulated cluster: everything an entry of
 * {@code sitewatch.collectors.endpoints} holds. Built by the simulator from the scenario and the
 * cluster's vendor front, so an embedder wires collectors from the one scenario description.
 * {@link #toString()} leaves the settings out: they may hold secrets.
 *
 * @param id        endpoint id (the cluster's name)
 * @param site      the cluster's home site
 * @param platform  the vendor platform, e.g. {@code proxmox}
 * @param url       the API root URL, where the cluster listens; null for a front not served over HTTP (e.g.
 *                  libvirt's in-process test driver). A collector setting only when the platform's front
 *                  says its collector {@link org.sitewatch.simulator.front.VendorFront#collectorTakesUrl() takes a url}
 * @param nodeSites node → site for the nodes standing outside the home site (a stretched cluster)
 * @param settings  the vendor's further endpoint properties (e.g. {@code api-token}); may be secret
 * @param cloud     the cloud provider the cluster runs in (the endpoint's common {@code cloud} key, e.g.
 *                  {@code aws} for a VMware Cloud on AWS SDDC); null on premises
 * @param region    the cloud region (the endpoint's common {@code region} key); null when not given
 */
public record SimulatedEndpoint(String id, String site, String platform, String url, Map<String, String> nodeSites,
        Map<String, String> settings, String cloud, String region) {

    /** The scenario keys of a cluster that say where it runs: vendor-neutral, so not part of {@link #settings}. */
    public static final String CLOUD = "cloud";
    public static final String REGION = "region";

    public SimulatedEndpoint {
        nodeSites = Map.copyOf(nodeSites);
        settings = Map.copyOf(settings);
    }

    /** An endpoint of a cluster on premises without a location. */
    public SimulatedEndpoint(String id, String site, String platform, String url, Map<String, String> nodeSites,
            Map<String, String> settings) {
        this(id, site, platform, url, nodeSites, settings, null, null);
    }

    /** The endpoint of {@code cluster}, located where its scenario's {@code cloud} and {@code region} say. */
    static SimulatedEndpoint of(ClusterSpec cluster, String url, Map<String, String> nodeSites,
            Map<String, String> settings) {
        return new SimulatedEndpoint(cluster.name(), cluster.site(), cluster.platform(), url, nodeSites, settings,
                cluster.vendorSetting(CLOUD, null), cluster.vendorSetting(REGION, null));
    }

    /**
     * The endpoint's vendor block as flat properties ({@code url} first when there is one and the
     * platform's collector takes it, then the front's settings, e.g. {@code login.username},
     * {@code sites[HVC-OSLO]}), as a user writes them under {@code sitewatch.collectors.endpoints[n].<platform>}.
     */
    public Map<String, String> vendorProperties() {
        Map<String, String> out = new LinkedHashMap<>();
        if (url != null && VendorFronts.forPlatform(platform).collectorTakesUrl()) {
            out.put("url", url);
        }
        new TreeMap<>(settings).forEach(out::put);
        return out;
    }

    @Override
    public String toString() {
        return "SimulatedEndpoint[id=" + id + ", site=" + site + ", platform=" + platform + ", url=" + url
                + ", nodeSites=" + nodeSites + ", settings=" + settings.keySet() + ", cloud=" + cloud + ", region="
                + region + "]";
    }
}
