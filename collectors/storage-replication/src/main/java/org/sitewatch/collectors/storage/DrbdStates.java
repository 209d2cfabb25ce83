package org.sitewatch.collectors.storage;

import static org.sitewatch.events.ReplicationHealth.CRITICAL;
import static org.sitewatch.events.ReplicationHealth.OK;
import static org.sitewatch.events.ReplicationHealth.WARNING;
import static org.sitewatch.events.ReplicationState.FAILED;
import static org.sitewatch.events.ReplicationState.PAUSED;
import static org.sitewatch.events.ReplicationState.REPLICATING;
import static org.sitewatch.events.ReplicationState.SYNCING;
import static org.sitewatch.events.ReplicationState.UNKNOWN;

import java.util.Map;
import java.util.Set;

/**
 * What each DRBD 9 state word means for replication (the words of drbd-utils' role, disk,
 * connection and replication state lists). The tables are in the module's README.
 */
final class DrbdStates {

    static final String CONNECTED = "Connected";

    private static final Map<String, Verdict> CONNECTION = Map.ofEntries(
            Map.entry("StandAlone", Verdict.of(FAILED, CRITICAL,
                    "StandAlone: DRBD no longer tries to reach the peer (split brain, or disconnected by an administrator)")),
            Map.entry("Disconnecting", Verdict.of(FAILED, CRITICAL, "the connection is being shut down (Disconnecting)")),
            Map.entry("TearDown", Verdict.of(FAILED, CRITICAL, "the connection is being torn down (TearDown)")),
            Map.entry("Timeout", Verdict.of(FAILED, CRITICAL, "the connection to the peer timed out (Timeout)")),
            Map.entry("BrokenPipe", Verdict.of(FAILED, CRITICAL, "the connection to the peer broke (BrokenPipe)")),
            Map.entry("NetworkFailure", Verdict.of(FAILED, CRITICAL, "the network to the peer failed (NetworkFailure)")),
            Map.entry("ProtocolError", Verdict.of(FAILED, CRITICAL, "protocol error with the peer (ProtocolError)")),
            // DRBD retries these by itself; writes are tracked in the bitmap and resynced on reconnect.
            Map.entry("Connecting", Verdict.of(FAILED, WARNING, "not connected to the peer; DRBD keeps trying (Connecting)")),
            Map.entry("Unconnected", Verdict.of(FAILED, WARNING, "not connected to the peer yet (Unconnected)")));

    private static final Map<String, Verdict> REPLICATION = Map.ofEntries(
            Map.entry("Established", Verdict.of(REPLICATING, OK, null)),
            Map.entry("VerifyS", Verdict.of(REPLICATING, OK, null)),
            Map.entry("VerifyT", Verdict.of(REPLICATING, OK, null)),
            Map.entry("Off", Verdict.of(UNKNOWN, WARNING, "connected but not replicating (Off)")),
            Map.entry("StartingSyncS", Verdict.of(SYNCING, WARNING, "a resync is starting")),
            Map.entry("StartingSyncT", Verdict.of(SYNCING, WARNING, "a resync is starting")),
            Map.entry("WFBitMapS", Verdict.of(SYNCING, WARNING, "a resync is starting (exchanging bitmaps)")),
            Map.entry("WFBitMapT", Verdict.of(SYNCING, WARNING, "a resync is starting (exchanging bitmaps)")),
            Map.entry("WFSyncUUID", Verdict.of(SYNCING, WARNING, "a resync is starting")),
            Map.entry("SyncSource", Verdict.of(SYNCING, WARNING, "resyncing the peer")),
            Map.entry("SyncTarget", Verdict.of(SYNCING, WARNING, "resyncing from the peer")),
            Map.entry("PausedSyncS", Verdict.of(PAUSED, WARNING, "resync paused")),
            Map.entry("PausedSyncT", Verdict.of(PAUSED, WARNING, "resync paused")),
            Map.entry("Ahead", Verdict.of(SYNCING, WARNING,
                    "congested: writes are not sent to the peer but marked out of sync (Ahead)")),
            Map.entry("Behind", Verdict.of(SYNCING, WARNING, "the peer is congested and behind (Behind)")));

    /** Replication states during which an Inconsistent or Outdated target disk is expected. */
    private static final Set<String> RESYNCING = Set.of("StartingSyncS", "StartingSyncT", "WFBitMapS", "WFBitMapT",
            "WFSyncUUID", "SyncSource", "SyncTarget", "PausedSyncS", "PausedSyncT", "Ahead", "Behind");

    static final Set<String> ROLES = Set.of("Primary", "Secondary", "Unknown");

    private DrbdStates() {
    }

    /** The connection's verdict; null for Connected (then the volumes decide). */
    static Verdict connection(String word) {
        if (CONNECTED.equals(word)) {
            return null;
        }
        return word == null ? Verdict.of(UNKNOWN, org.sitewatch.events.ReplicationHealth.UNKNOWN, "no connection state")
                : CONNECTION.getOrDefault(word, Verdict.unknownWord("connection state", word));
    }

    static Verdict replication(String word) {
        return word == null ? Verdict.of(UNKNOWN, org.sitewatch.events.ReplicationHealth.UNKNOWN, "no replication state")
                : REPLICATION.getOrDefault(word, Verdict.unknownWord("replication state", word));
    }

    static boolean resyncing(String replicationWord) {
        return replicationWord != null && RESYNCING.contains(replicationWord); // Set.of rejects contains(null)
    }

    /**
     * A disk's verdict.
     *
     * @param side {@code disk} or {@code peer disk}, for the problem text
     * @param resyncing a resync is running or due, so a target that is not up to date is expected
     */
    static Verdict disk(String side, String word, boolean resyncing) {
        if (word == null) {
            return Verdict.OK;
        }
        return switch (word) {
            case "UpToDate" -> Verdict.OK;
            case "Consistent" -> Verdict.of(null, WARNING, side + " is consistent but not known to be up to date");
            case "Outdated" -> Verdict.of(null, WARNING, side + " is outdated");
            case "Inconsistent" -> resyncing ? Verdict.of(null, WARNING, side + " is inconsistent until the resync ends")
                    : Verdict.of(null, CRITICAL, side + " is inconsistent and no resync is running");
            case "Failed" -> Verdict.of(FAILED, CRITICAL, side + " failed (I/O error, detached)");
            case "Diskless" -> Verdict.of(FAILED, CRITICAL, side + " has no backing disk (Diskless)");
            case "Attaching", "Detaching", "Negotiating" -> Verdict.of(null, WARNING, side + " is " + word);
            case "DUnknown" -> Verdict.of(null, WARNING, side + " state is not known (DUnknown)");
            default -> Verdict.unknownWord(side + " state", word);
        };
    }
}
