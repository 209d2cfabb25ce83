package org.sitewatch.simulator.proxmox;

import org.sitewatch.simulator.engine.ClusterState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Maps a GET path below {@code /api2/json} to the view that answers it. Calls below
 * {@code /nodes/{node}} for an offline node answer 595 "no route to host", approximating what
 * pveproxy returns when it cannot reach the node it must proxy to.
 */
final class ApiRouter {

    private ApiRouter() {
    }

    /**
     * @param segments path segments after {@code /api2/json}
     * @param query    decoded query parameters
     */
    static Object route(PveCluster cluster, Instant now, List<String> segments, Map<String, String> query) {
        ClusterState site = cluster.state();
        String path = "/" + String.join("/", segments);
        switch (path) {
            case "/version":
                return ClusterViews.version(cluster.settings());
            case "/cluster/status":
                return ClusterViews.clusterStatus(site);
            case "/cluster/resources":
                return ClusterViews.resources(site, now, query.get("type"));
            case "/cluster/ha/status/current":
                return HaViews.statusCurrent(site, now);
            case "/cluster/ha/resources":
                return HaViews.resources(site, query.get("type"));
            case "/cluster/replication":
                return ReplicationViews.config(site);
            case "/nodes":
                return ClusterViews.nodes(site, now);
            case "/cluster/config/nodes":
                return CorosyncViews.configNodes(site);
            case "/cluster/config/qdevice":
                return CorosyncViews.qdeviceStatus(site);
            default:
                break;
        }
        if (segments.size() >= 2 && segments.get(0).equals("nodes")) {
            return routeNode(site, segments, query, path);
        }
        throw ApiException.notImplemented("GET", path);
    }

    private static Object routeNode(ClusterState site, List<String> segments, Map<String, String> query, String path) {
        String node = segments.get(1);
        if (site.node(node) == null) {
            throw new ApiException(500, "hostname lookup '" + node + "' failed - failed to get address info for: "
                    + node + ": Name or service not known");
        }
        if (!site.isOnline(node)) {
            throw new ApiException(595, "no route to host");
        }
        List<String> rest = segments.subList(2, segments.size());
        if (rest.size() == 1 && rest.get(0).equals("replication")) {
            return ReplicationViews.nodeStatus(site, node, guestFilter(query.get("guest")));
        }
        if (rest.size() == 3 && rest.get(0).equals("replication") && rest.get(2).equals("status")) {
            return ReplicationViews.jobStatus(site, node, rest.get(1));
        }
        throw ApiException.notImplemented("GET", path);
    }

    private static Integer guestFilter(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.parameter("guest", "type check ('integer') failed - got '" + value + "'");
        }
    }
}
