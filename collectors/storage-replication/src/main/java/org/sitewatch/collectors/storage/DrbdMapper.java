package org.sitewatch.collectors.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.EventType;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;

/**
 * Maps parsed DRBD status to one {@link ReplicationStatus} per resource and peer (item id
 * {@code drbd:<resource>:<peer>}); the volumes of a resource count together, the worst one decides.
 * State and health follow {@link DrbdStates}; the connection decides when it is not Connected,
 * else each volume's replication state and both disk states do. A peer without a configured site
 * is skipped with a reason.
 *
 * <p>Direction: from the Primary to the other side (this host when neither is Primary). Recovery
 * point: DRBD has no timestamp, so the last poll that saw the pair REPLICATING and OK counts (DRBD
 * replicates every write while connected); while it is anything else the recovery point stays
 * there and the lag grows, so an RPO breach shows. That memory is per mapper (lost on restart: a
 * pair first seen out of sync has no recovery point).
 */
final class DrbdMapper {

    static final String TECHNOLOGY = "drbd";

    private final DrbdSettings settings;
    private final ReportingEndpoint endpoint;
    private final Map<String, Instant> lastInSync = new HashMap<>();

    DrbdMapper(DrbdSettings settings, ReportingEndpoint endpoint) {
        this.settings = settings;
        this.endpoint = endpoint;
    }

    void map(List<DrbdStatus> resources, Instant now, Snapshot.Builder out) {
        Map<String, Instant> seen = new HashMap<>();
        for (DrbdStatus resource : resources) {
            for (DrbdStatus.Connection connection : resource.connections()) {
                String peer = connection.name();
                if (peer == null || peer.isBlank()) {
                    skip(out, "drbd resource " + resource.name() + ": a connection without a peer name (peer node id "
                            + connection.peerNodeId() + ")");
                    continue;
                }
                String peerSite = settings.peers().get(peer);
                if (peerSite == null) {
                    skip(out, "drbd resource " + resource.name() + " peer " + peer + ": no site configured for this peer "
                            + "(add it to peers, known: " + settings.peers().keySet() + ")");
                    continue;
                }
                ReplicationStatus r = pair(resource, connection, peerSite, now);
                seen.put(r.itemId(), lastInSync.get(r.itemId()));
                if (r.state() == ReplicationState.REPLICATING && r.health() == ReplicationHealth.OK) {
                    seen.put(r.itemId(), now);
                }
                out.state(r);
            }
        }
        lastInSync.clear();
        seen.forEach((id, at) -> {
            if (at != null) {
                lastInSync.put(id, at);
            }
        });
    }

    ReplicationStatus pair(DrbdStatus resource, DrbdStatus.Connection connection, String peerSite, Instant now) {
        String itemId = "drbd:" + resource.name() + ":" + connection.name();
        boolean peerClient = connection.peerDevices().stream().anyMatch(DrbdStatus.PeerDevice::peerClient);
        boolean localClient = !resource.devices().isEmpty() && resource.devices().stream().allMatch(DrbdStatus.Device::client);
        Verdict verdict = peerClient || localClient
                ? Verdict.of(ReplicationState.NOT_CONFIGURED, ReplicationHealth.OK, null)
                : verdict(resource, connection);
        Instant recoveryPoint = verdict.state() == ReplicationState.REPLICATING && verdict.health() == ReplicationHealth.OK
                ? now : lastInSync.get(itemId);
        Long lag = recoveryPoint == null ? null : Math.max(0, Duration.between(recoveryPoint, now).getSeconds());
        boolean peerIsSource = "Primary".equals(connection.peerRole()) && !"Primary".equals(resource.role());
        String local = settings.nodeName();
        String error = verdict.state() == ReplicationState.FAILED || verdict.health() == ReplicationHealth.CRITICAL
                || verdict.state() == ReplicationState.UNKNOWN ? verdict.problem() : null;
        return new ReplicationStatus(endpoint.site(), endpoint.platform(), itemId, null, resource.name(),
                peerIsSource ? peerSite : endpoint.site(), peerIsSource ? endpoint.site() : peerSite,
                peerIsSource ? connection.name() : local, peerIsSource ? local : connection.name(), TECHNOLOGY,
                verdict.state(), verdict.health(), vendorState(resource, connection),
                endpoint.targetRpoSeconds(settings.targetRpo()), recoveryPoint, lag, null, null, error, false);
    }

    private static Verdict verdict(DrbdStatus resource, DrbdStatus.Connection connection) {
        List<Verdict> parts = new ArrayList<>();
        role(resource.role(), "role", parts);
        role(connection.peerRole(), "peer role", parts);
        Verdict link = DrbdStates.connection(connection.connectionState());
        boolean connected = link == null;
        if (!connected) {
            parts.add(link);
        } else if (connection.congested()) {
            parts.add(Verdict.of(null, ReplicationHealth.WARNING, "the link to the peer is congested"));
        }
        for (DrbdStatus.Device device : resource.devices()) {
            DrbdStatus.PeerDevice peerDevice = peerDevice(connection, device.volume());
            String replication = peerDevice == null ? null : peerDevice.replicationState();
            boolean resyncing = connected && DrbdStates.resyncing(replication);
            parts.add(DrbdStates.disk(volume(resource, device.volume()) + "disk", device.diskState(), resyncing));
            if (connected && peerDevice != null) {
                parts.add(DrbdStates.replication(replication));
                parts.add(DrbdStates.disk(volume(resource, device.volume()) + "peer disk", peerDevice.peerDiskState(), resyncing));
            }
        }
        if (connected && resource.devices().isEmpty()) {
            for (DrbdStatus.PeerDevice p : connection.peerDevices()) {
                parts.add(DrbdStates.replication(p.replicationState()));
                parts.add(DrbdStates.disk("peer disk", p.peerDiskState(), DrbdStates.resyncing(p.replicationState())));
            }
        }
        if (parts.isEmpty() || connected && connection.peerDevices().isEmpty()) {
            parts.add(Verdict.of(ReplicationState.UNKNOWN, ReplicationHealth.UNKNOWN, "no volume states reported"));
        }
        return Verdict.combine(parts);
    }

    private static void role(String word, String what, List<Verdict> parts) {
        if (word != null && !DrbdStates.ROLES.contains(word)) {
            parts.add(Verdict.unknownWord(what, word));
        }
    }

    private static String volume(DrbdStatus resource, int volume) {
        return resource.devices().size() > 1 ? "volume " + volume + " " : "";
    }

    private static DrbdStatus.PeerDevice peerDevice(DrbdStatus.Connection connection, int volume) {
        return connection.peerDevices().stream().filter(p -> p.volume() == volume).findFirst().orElse(null);
    }

    /** As {@code drbdadm status} shows the pair, plus out-of-sync and progress while resyncing. */
    static String vendorState(DrbdStatus resource, DrbdStatus.Connection connection) {
        StringBuilder s = new StringBuilder("role:").append(resource.role())
                .append(" connection:").append(connection.connectionState())
                .append(" peer-role:").append(connection.peerRole());
        for (DrbdStatus.Device device : resource.devices()) {
            s.append(resource.devices().size() > 1 ? " volume:" + device.volume() : "").append(" disk:").append(device.diskState());
            DrbdStatus.PeerDevice p = peerDevice(connection, device.volume());
            if (p != null) {
                s.append(" replication:").append(p.replicationState()).append(" peer-disk:").append(p.peerDiskState());
                if (p.resyncSuspended()) {
                    s.append(" resync-suspended");
                }
                if (p.outOfSyncKib() != null && p.outOfSyncKib() > 0) {
                    s.append(" out-of-sync:").append(p.outOfSyncKib()).append("KiB");
                }
                if (p.percentInSync() != null && p.percentInSync() < 100) {
                    s.append(" done:").append(String.format(Locale.ROOT, "%.2f", p.percentInSync()));
                }
            }
        }
        return s.toString();
    }

    private static void skip(Snapshot.Builder out, String reason) {
        out.skipped(reason);
        out.partial(EventType.REPLICATION_STATUS);
    }
}
