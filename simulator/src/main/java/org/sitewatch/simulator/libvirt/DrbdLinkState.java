package org.sitewatch.simulator.libvirt;

import java.time.Instant;
import org.sitewatch.simulator.engine.ClusterState;
import org.sitewatch.simulator.engine.GuestState;
import org.sitewatch.simulator.engine.ReplicationLinkState;

/**
 * The DRBD words for one replication link of the engine, as its primary node sees the connection
 * to the link's target. The engine's links follow pvesr's attempt/retry rules; DRBD replicates
 * every write, so a link without failures is simply Established, and a retry after failures is the
 * resync DRBD runs when the peers reconnect.
 *
 * @param connection {@code connection-state}
 * @param peerRole {@code peer-role}
 * @param replication {@code replication-state}
 * @param peerDisk {@code peer-disk-state}
 * @param outOfSyncKib {@code out-of-sync}: data the peer lacks
 * @param percentInSync {@code percent-in-sync}
 */
record DrbdLinkState(String connection, String peerRole, String replication, String peerDisk, long outOfSyncKib,
        double percentInSync) {

    /** What a resync has to copy when the guest declares no disk size. */
    private static final long DEFAULT_DISK_KIB = 8L * 1024 * 1024;

    /**
     * @param peerReturned whether the link's failures began while its target was down (the target is
     *     back): DRBD then reconnects by itself and waits to resync, where a failed link stays StandAlone
     */
    static DrbdLinkState of(ClusterState cluster, ReplicationLinkState link, Instant now, boolean peerReturned) {
        String primary = cluster.guestNode(link.spec().guest());
        if (!cluster.isOnline(link.target()) || primary == null || !cluster.isOnline(primary)) {
            // DRBD keeps trying to reach a peer that is down and tracks the writes it misses.
            return lost("Connecting");
        }
        if (link.failedOver() || link.spec().disable()) {
            return lost("StandAlone");
        }
        if (link.failCount() == 0) {
            return new DrbdLinkState("Connected", "Secondary", "Established", "UpToDate", 0, 100.0);
        }
        if (!link.running() && peerReturned) {
            return new DrbdLinkState("Connected", "Secondary", "StartingSyncS", "Outdated",
                    diskKib(cluster, link), 0);
        }
        if (!link.running()) {
            // The link failed (replication-fail): DRBD dropped the connection and will not retry by itself.
            return lost("StandAlone");
        }
        double elapsed = Math.max(0, now.toEpochMilli() - link.lastTry() * 1000);
        double total = Math.max(1, link.spec().syncDuration().toMillis());
        double percent = Math.min(99.99, Math.floor(elapsed / total * 10_000) / 100);
        long outOfSync = Math.max(1, Math.round(diskKib(cluster, link) * (100 - percent) / 100));
        return new DrbdLinkState("Connected", "Secondary", "SyncSource", "Inconsistent", outOfSync, percent);
    }

    /** No connection: the peer's role and disk are unknown, nothing is replicated. */
    private static DrbdLinkState lost(String connection) {
        return new DrbdLinkState(connection, "Unknown", "Off", "DUnknown", 0, 0);
    }

    static long diskKib(ClusterState cluster, ReplicationLinkState link) {
        GuestState guest = cluster.guest(link.spec().guest());
        long kib = guest == null ? 0 : guest.spec().maxdisk() / 1024;
        return kib > 0 ? kib : DEFAULT_DISK_KIB;
    }

    boolean connected() {
        return connection.equals("Connected");
    }
}
