package org.sitewatch.simulator.vsphere;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.ReplicationJobSpec;
import org.sitewatch.simulator.engine.ClusterState;
import org.sitewatch.simulator.engine.GuestState;
import org.sitewatch.simulator.engine.ReplicationLinkState;

/**
 * The cluster's replication links as vSphere Replication shows them: one pairing per target vCenter
 * ({@link DrTarget}, the local one included) and one {@code ReplicationInfo} per link, the guest
 * being the VM {@code vm-<vmid>} of the vim25 front. {@code status.status} is worded from the
 * link's state now:
 * <ul>
 *   <li>disabled: PAUSED; failed over ({@code replication-failover}) and not failed back: RECOVERED;
 *       the guest stopped or its host offline: NOT_ACTIVE (VR has no traffic);</li>
 *   <li>the last attempt failed: ERROR; an attempt running: SYNC; else OK;</li>
 *   <li>the last good sync older than the RPO: the word with {@code _RPO_VIOLATION} (OK becomes
 *       RPO_VIOLATION), as VR compounds them, and {@code rpo_violation} true.</li>
 * </ul>
 * The RPO is the link's schedule in minutes ({@code *}{@code /N}: N; {@code syncEverySeconds}: that
 * interval rounded up to whole minutes; no schedule: PVE's default 15).
 */
final class VrReplications {

    private VrReplications() {
    }

    static String pairingId(ClusterSpec cluster, DrTarget target) {
        return uuid("sitewatch-vr-pairing:" + cluster.name() + ":" + target.vcId());
    }

    /** PairingInfo items: the local vCenter with each target vCenter. */
    static List<Map<String, Object>> pairings(ClusterSpec cluster, List<ClusterSpec> estate) {
        DrTarget local = DrTarget.local(cluster);
        List<Map<String, Object>> out = new ArrayList<>();
        for (DrTarget target : DrTarget.all(cluster, estate)) {
            out.add(map("pairing_id", pairingId(cluster, target), "local_vc_server", vc(local),
                    "remote_vc_server", vc(target)));
        }
        return out;
    }

    /** The ReplicationInfo items of a pairing; null when there is no such pairing. */
    static List<Map<String, Object>> replications(ClusterState state, List<ClusterSpec> estate, String pairingId,
            Instant now) {
        ClusterSpec cluster = state.spec();
        DrTarget target = DrTarget.all(cluster, estate).stream().filter(t -> pairingId(cluster, t).equals(pairingId))
                .findFirst().orElse(null);
        if (target == null) {
            return null;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReplicationLinkState link : state.links()) {
            if (DrTarget.of(cluster, link.target(), estate).equals(target)) {
                out.add(info(state, link, target, now));
            }
        }
        return out;
    }

    /** The VR status word of a link now, e.g. {@code SYNC} or {@code ERROR_RPO_VIOLATION}. */
    static String status(ClusterState state, ReplicationLinkState link, Instant now) {
        String word = baseWord(state, link);
        if (!rpoViolated(link, now) || word.equals("PAUSED") || word.equals("RECOVERED")) {
            return word;
        }
        return word.equals("OK") ? "RPO_VIOLATION" : word + "_RPO_VIOLATION";
    }

    private static Map<String, Object> info(ClusterState state, ReplicationLinkState link, DrTarget target, Instant now) {
        ClusterSpec cluster = state.spec();
        DrTarget local = DrTarget.local(cluster);
        GuestState guest = state.guest(link.spec().guest());
        String word = status(state, link, now);
        Map<String, Object> status = map("status", word, "rpo_violation", word.endsWith("RPO_VIOLATION"));
        Map<String, Object> info = map("id", replicationId(cluster, link), "vm_id", VimIds.vm(link.spec().guest()).value(),
                "name", guest == null ? "vm-" + link.spec().guest() : guest.spec().name(),
                "source_site_name", local.vcName(), "source_vc_id", local.vcId(),
                "target_site_name", target.vcName(), "target_vc_id", target.vcId(),
                "status", status, "rpo", rpoMinutes(link.spec()),
                "last_sync_time", link.lastSync() * 1000, "last_sync_duration", Math.round(link.duration()),
                "replication_server_name", link.target());
        if (link.error() != null) {
            info.put("last_group_error", map("message", link.error()));
        }
        return info;
    }

    private static String baseWord(ClusterState state, ReplicationLinkState link) {
        if (link.spec().disable()) {
            return "PAUSED";
        }
        if (link.failedOver()) {
            // Recovered at the target site (replication-failover): VR stops and says so until failback.
            return "RECOVERED";
        }
        GuestState guest = state.guest(link.spec().guest());
        if (guest == null || !guest.running() || !state.isOnline(guest.node())) {
            return "NOT_ACTIVE";
        }
        if (link.error() != null) {
            return "ERROR";
        }
        return link.running() ? "SYNC" : "OK";
    }

    private static boolean rpoViolated(ReplicationLinkState link, Instant now) {
        return now.getEpochSecond() - link.lastSync() > rpoMinutes(link.spec()) * 60;
    }

    static long rpoMinutes(ReplicationJobSpec spec) {
        if (spec.syncEverySeconds() != null) {
            return Math.max(1, (spec.syncEverySeconds() + 59) / 60);
        }
        String schedule = spec.schedule() == null ? "*/15" : spec.schedule().trim();
        return Long.parseLong(schedule.substring(2));
    }

    static String replicationId(ClusterSpec cluster, ReplicationLinkState link) {
        return "GID-" + uuid("sitewatch-vr:" + cluster.name() + ":" + link.id());
    }

    private static Map<String, Object> vc(DrTarget vc) {
        return map("id", vc.vcId(), "name", vc.vcName());
    }

    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** An ordered map of key/value pairs. */
    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
