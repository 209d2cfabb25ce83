package org.sitewatch.core.alerts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.Platform;
import org.sitewatch.events.ReplicationStatus;

/** The subject labels and the REST view ({@code generatorURL}) of each kind of subject. */
final class Labels {

    private Labels() {
    }

    static Map<String, String> item(ReplicationStatus r) {
        Map<String, String> labels = site(r.site(), r.platform());
        labels.put("item", r.itemId());
        String peer = r.site().equals(r.targetSite()) ? r.sourceSite() : r.targetSite();
        if (peer != null && !peer.equals(r.site())) {
            labels.put("peer_site", peer);
        }
        if (r.vmId() != null) {
            labels.put("vm", r.vmId());
        }
        return labels;
    }

    static String itemUrl(ReplicationStatus r) {
        return "/api/replication/items?site=" + enc(r.site());
    }

    static Map<String, String> host(HaHost h) {
        Map<String, String> labels = site(h.site(), h.platform());
        labels.put("host", h.hostName() != null ? h.hostName() : h.hostId());
        if (h.cluster() != null) {
            labels.put("cluster", h.cluster());
        }
        return labels;
    }

    static Map<String, String> cluster(HaCluster c) {
        Map<String, String> labels = site(c.site(), c.platform());
        labels.put("cluster", c.clusterId());
        return labels;
    }

    static Map<String, String> vm(HaAction a) {
        Map<String, String> labels = site(a.site(), a.platform());
        labels.put("vm", a.vmId());
        if (a.cluster() != null) {
            labels.put("cluster", a.cluster());
        }
        return labels;
    }

    static Map<String, String> collector(CollectorHeartbeat c) {
        Map<String, String> labels = site(c.site(), c.platform());
        labels.put("collector", c.collectorId());
        return labels;
    }

    static Map<String, String> site(String site, Platform platform) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("site", site);
        if (platform != null) {
            labels.put("platform", platform.name().toLowerCase(java.util.Locale.ROOT));
        }
        return labels;
    }

    static String siteUrl(String site) {
        return "/api/sites/" + enc(site);
    }

    static String hostsUrl(String site) {
        return "/api/ha/hosts?site=" + enc(site);
    }

    static String clustersUrl(String site) {
        return "/api/ha/clusters?site=" + enc(site);
    }

    static String collectorsUrl(String site) {
        return "/api/collectors?site=" + enc(site);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
