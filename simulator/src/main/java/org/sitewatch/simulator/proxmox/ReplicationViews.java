package org.sitewatch.simulator.proxmox;

import org.sitewatch.simulator.engine.GuestState;
import org.sitewatch.simulator.engine.ReplicationLinkState;
import org.sitewatch.simulator.engine.ClusterState;
import static org.sitewatch.simulator.proxmox.Json.obj;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code /cluster/replication} (job configs) and {@code /nodes/{node}/replication[/{id}/status]}
 * (job status as pvesr keeps it on the guest's current node). There is no {@code state} field, as in
 * PVE: a collector derives SYNCING from {@code pid}, failing from {@code error}, else OK.
 */
final class ReplicationViews {

    private ReplicationViews() {
    }

    static List<Map<String, Object>> config(ClusterState site) {
        List<Map<String, Object>> out = new ArrayList<>();
        site.links().forEach(j -> out.add(configOf(site, j)));
        return out;
    }

    /** @param guest the {@code guest} query filter, or null */
    static List<Map<String, Object>> nodeStatus(ClusterState site, String node, Integer guest) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReplicationLinkState j : site.links()) {
            if (node.equals(site.guestNode(j.spec().guest())) && (guest == null || guest == j.spec().guest())) {
                out.add(statusOf(site, j));
            }
        }
        return out;
    }

    static Map<String, Object> jobStatus(ClusterState site, String node, String id) {
        ReplicationLinkState j = site.link(id);
        if (j == null || !node.equals(site.guestNode(j.spec().guest()))) {
            // Wording approximated; PVE only knows the state of jobs whose guest is local.
            throw new ApiException(500, "no such replication job '" + id + "'");
        }
        return statusOf(site, j);
    }

    private static Map<String, Object> configOf(ClusterState site, ReplicationLinkState j) {
        // schedule/rate/comment/disable appear only when explicitly set, as in PVE's section config.
        return obj("id", j.id(), "type", "local", "guest", j.spec().guest(), "jobnum", j.spec().jobnum(),
                "target", j.target(), "source", site.guestNode(j.spec().guest()), "schedule", j.spec().schedule(),
                "rate", j.spec().rate(), "comment", j.spec().comment(), "disable", j.spec().disable() ? Boolean.TRUE : null);
    }

    private static Map<String, Object> statusOf(ClusterState site, ReplicationLinkState j) {
        Map<String, Object> e = configOf(site, j);
        GuestState g = site.guest(j.spec().guest());
        e.put("vmtype", g == null ? "qemu" : g.spec().type());
        e.put("next_sync", j.nextSync(site));
        e.put("last_sync", j.lastSync());
        e.put("last_try", j.lastTry());
        e.put("duration", j.duration());
        e.put("fail_count", j.failCount());
        if (j.error() != null) {
            e.put("error", j.error());
        }
        if (j.running()) {
            e.put("pid", j.pid());
        }
        return e;
    }
}
