package org.sitewatch.simulator.proxmox;

import org.sitewatch.simulator.engine.GuestState;
import org.sitewatch.simulator.engine.NodeState;
import org.sitewatch.simulator.engine.ClusterState;
import static org.sitewatch.simulator.proxmox.Json.obj;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the payloads of {@code /version}, {@code /cluster/status}, {@code /cluster/resources} and
 * {@code /nodes}. Entries for an offline node and its guests carry only the fields PVE has without
 * RRD data (no cpu/mem/uptime), with status {@code unknown}. Storage, pool and SDN resources are not
 * simulated (empty).
 */
final class ClusterViews {

    private ClusterViews() {
    }

    static Map<String, Object> version(ProxmoxSettings settings) {
        String v = settings.pveVersion();
        String[] parts = v.split("\\.");
        String release = parts.length >= 2 ? parts[0] + "." + parts[1] : v;
        return obj("version", v, "release", release, "repoid", "5a1f2c3d");
    }

    static List<Map<String, Object>> clusterStatus(ClusterState site) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(obj("type", "cluster", "id", "cluster", "name", site.spec().clusterName(),
                "nodes", site.nodes().size(), "version", site.nodes().size() + 2, "quorate", site.quorate()));
        String local = site.localNode();
        for (NodeState n : site.nodes()) {
            out.add(obj("type", "node", "id", "node/" + n.name(), "name", n.name(), "nodeid", n.spec().nodeid(),
                    "ip", n.spec().ip(), "local", n.name().equals(local), "online", n.online(), "level", ""));
        }
        return out;
    }

    /** @param type the {@code type} query parameter, or null for all */
    static List<Map<String, Object>> resources(ClusterState site, Instant now, String type) {
        if (type != null && !List.of("vm", "storage", "node", "sdn").contains(type)) {
            throw ApiException.parameter("type",
                    "value '" + type + "' does not have a value in the enumeration 'vm, storage, node, sdn'");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        if (type == null || type.equals("node")) {
            site.nodes().forEach(n -> out.add(nodeResource(site, n, now)));
        }
        if (type == null || type.equals("vm")) {
            site.guests().forEach(g -> out.add(guestResource(site, g, now)));
        }
        return out;
    }

    static List<Map<String, Object>> nodes(ClusterState site, Instant now) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NodeState n : site.nodes()) {
            Map<String, Object> e = obj("node", n.name(), "id", "node/" + n.name(), "type", "node",
                    "status", n.online() ? "online" : "offline", "level", "");
            if (n.online()) {
                addNodeStats(e, n, now);
            }
            out.add(e);
        }
        return out;
    }

    private static Map<String, Object> nodeResource(ClusterState site, NodeState n, Instant now) {
        Map<String, Object> e = obj("id", "node/" + n.name(), "type", "node", "node", n.name(),
                "status", n.online() ? "online" : "unknown", "level", "");
        if (n.online()) {
            addNodeStats(e, n, now);
        }
        e.put("hastate", PveStates.haNodeState(site, n.name()));
        return e;
    }

    private static void addNodeStats(Map<String, Object> e, NodeState n, Instant now) {
        long t = now.getEpochSecond();
        e.put("cpu", Metrics.cpu(n.spec().nodeid(), t));
        e.put("maxcpu", n.spec().maxcpu());
        e.put("mem", Metrics.mem(n.spec().nodeid(), t, n.spec().maxmem()));
        e.put("maxmem", n.spec().maxmem());
        e.put("disk", 12L << 30);
        e.put("maxdisk", 100L << 30);
        e.put("uptime", seconds(n.since(), now));
    }

    private static Map<String, Object> guestResource(ClusterState site, GuestState g, Instant now) {
        boolean nodeOnline = site.isOnline(g.node());
        // Without its node PVE has no RRD data for the guest: status unknown.
        String status = !nodeOnline ? "unknown" : g.running() ? "running" : "stopped";
        Map<String, Object> e = obj("id", g.spec().type() + "/" + g.vmid(), "vmid", g.vmid(), "node", g.node(),
                "type", g.spec().type(), "name", g.spec().name(), "status", status, "template", g.spec().template());
        if (nodeOnline) {
            boolean running = g.running();
            long t = now.getEpochSecond();
            long uptime = running ? seconds(g.startedAt(), now) : 0;
            e.put("uptime", uptime);
            e.put("cpu", running ? Metrics.cpu(g.vmid(), t) : 0.0);
            e.put("maxcpu", g.spec().maxcpu());
            e.put("mem", running ? Metrics.mem(g.vmid(), t, g.spec().maxmem()) : 0L);
            e.put("maxmem", g.spec().maxmem());
            e.put("disk", 0L);
            e.put("maxdisk", g.spec().maxdisk());
            // Counters grow with uptime so rates look plausible.
            e.put("netin", uptime * 1200L);
            e.put("netout", uptime * 800L);
            e.put("diskread", uptime * 4096L);
            e.put("diskwrite", uptime * 2048L);
        }
        if (g.ha()) {
            e.put("hastate", PveStates.crmState(g));
        }
        return e;
    }

    static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).getSeconds());
    }
}
