package org.sitewatch.simulator.proxmox;

import org.sitewatch.simulator.engine.GuestState;
import org.sitewatch.simulator.engine.NodeState;
import org.sitewatch.simulator.engine.ClusterState;
import static org.sitewatch.simulator.proxmox.Json.obj;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds {@code /cluster/ha/status/current} and {@code /cluster/ha/resources}. Status texts follow
 * PVE's "{@code <node> (<state>, <ctime>)}" form in UTC; collectors should use {@code timestamp},
 * which for an offline node's LRM stays at the time it went offline. No {@code fencing} entry
 * (PVE 8/early-9 shape). The master is the first online node.
 */
final class HaViews {

    private static final DateTimeFormatter CTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    /** PVE's status endpoint calls an LRM dead when its timestamp is older than this. */
    private static final long DEAD_AFTER_SECONDS = 30;

    private HaViews() {
    }

    static List<Map<String, Object>> statusCurrent(ClusterState site, Instant now) {
        List<Map<String, Object>> out = new ArrayList<>();
        String local = site.localNode();
        boolean quorate = site.quorate();
        out.add(obj("id", "quorum", "type", "quorum", "node", local,
                "status", quorate ? "OK" : "No quorum on node '" + local + "'!", "quorate", quorate));
        out.add(obj("id", "master", "type", "master", "node", local,
                "status", local + " (active, " + CTIME.format(now) + ")", "timestamp", now.getEpochSecond()));
        for (NodeState n : site.nodes()) {
            Instant ts = n.online() ? now : n.since();
            boolean dead = now.getEpochSecond() - ts.getEpochSecond() > DEAD_AFTER_SECONDS;
            boolean busy = site.haGuests().stream().anyMatch(g -> n.name().equals(g.node()));
            String state = dead ? "old timestamp - dead?" : busy ? "active" : "idle";
            out.add(obj("id", "lrm:" + n.name(), "type", "lrm", "node", n.name(),
                    "status", n.name() + " (" + state + ", " + CTIME.format(ts) + ")", "timestamp", ts.getEpochSecond()));
        }
        for (GuestState g : site.haGuests()) {
            String verbose = PveStates.verboseState(g);
            out.add(obj("id", "service:" + g.sid(), "type", "service", "sid", g.sid(), "node", g.node(),
                    "crm_state", PveStates.crmState(g), "state", verbose, "request_state", g.requestState(),
                    "max_restart", g.spec().maxRestart(), "max_relocate", g.spec().maxRelocate(), "failback", true,
                    "status", g.sid() + " (" + g.node() + ", " + verbose + ")"));
        }
        return out;
    }

    /** @param type the {@code type} query parameter ({@code vm}|{@code ct}), or null for all */
    static List<Map<String, Object>> resources(ClusterState site, String type) {
        if (type != null && !type.equals("vm") && !type.equals("ct")) {
            throw ApiException.parameter("type", "value '" + type + "' does not have a value in the enumeration 'ct, vm'");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (GuestState g : site.haGuests()) {
            if (type == null || type.equals(PveStates.haType(g))) {
                out.add(obj("sid", g.sid(), "type", PveStates.haType(g), "state", g.requestState(),
                        "max_restart", g.spec().maxRestart(), "max_relocate", g.spec().maxRelocate(),
                        "failback", true, "digest", digest(g)));
            }
        }
        return out;
    }

    private static String digest(GuestState g) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-1").digest((g.sid() + "|" + g.requestState() + "|"
                    + g.spec().maxRestart() + "|" + g.spec().maxRelocate()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
