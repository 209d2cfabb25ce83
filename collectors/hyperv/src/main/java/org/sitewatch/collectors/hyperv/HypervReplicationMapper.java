package org.sitewatch.collectors.hyperv;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.sitewatch.collectors.hyperv.HypervEnums.ReplicationMode;
import org.sitewatch.events.Platform;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;

/**
 * Maps one Hyper-V Replica relationship to a {@link ReplicationStatus}.
 *
 * <p><b>Which side publishes.</b> A relationship is visible on both of its hosts; only the sending
 * side publishes it, so that each item appears once, under the site whose data is copied:
 * <ul>
 *   <li>a Simple relationship whose mode here is Primary: item id = the VM id;</li>
 *   <li>an Extended relationship seen on the replica that forwards it (mode here is not
 *       ExtendedReplica): item id = VM id + {@code /extended};</li>
 *   <li>Replica, ExtendedReplica, TestReplica and None are the receiving side (or no replication):
 *       not published here ({@link #map} returns null). An unknown mode word is skipped with a reason
 *       rather than risk publishing an item twice.</li>
 * </ul>
 *
 * <p><b>Values.</b> State and health in full (tables on {@link #state} and {@link #health}); an
 * unknown word is UNKNOWN, and {@code vendorState} keeps both words as {@code <state>/<health>}.
 * Source site: the endpoint's; target site: {@code sites[ReplicaServerName]}, else
 * {@code sites[CurrentReplicaServerName]}; a target found nowhere is never guessed: the record
 * is refused naming the {@code sites} key to add. Source host: the host the script ran on; target
 * host: {@code CurrentReplicaServerName} (the node behind a Replica Broker), else
 * {@code ReplicaServerName}. Last recovery point: {@code LastReplicationTime} (else Measure's), lag
 * measured from it. No target RPO: Hyper-V Replica has a frequency (30 s, 5 or 15 min), not an
 * objective; the endpoint's {@code target-rpo} applies. {@code failCount}: Measure's
 * {@code ReplicationErrors} of its monitoring interval. {@code error} while FAILED or CRITICAL:
 * Measure's {@code ReplicationHealthDetails}, else the words. {@code lastTestFailover}: the newest
 * of Measure's {@code LastTestFailoverInitiatedTime} and the test-failover evidence given (a
 * {@code -TestReplicaVM} seen on a replica host, {@link TestFailoverEvidence}).
 */
final class HypervReplicationMapper {

    static final String TECHNOLOGY = "hyperv-replica";
    static final String EXTENDED_SUFFIX = "/extended";

    private final String site;
    private final HypervSettings settings;
    private final String block;

    /**
     * @param site the endpoint's Sitewatch site (the source of every item)
     * @param block the settings block's full key, named when a {@code sites} entry is missing
     */
    HypervReplicationMapper(String site, HypervSettings settings, String block) {
        this.site = site;
        this.settings = settings;
        this.block = block;
    }

    /**
     * @param testFailovers VM id → the newest test failover known for it
     * @return the item; null when this host is not the relationship's sending side
     * @throws IllegalArgumentException when the mode is unknown or the target site is not configured
     */
    ReplicationStatus map(HypervReport.Replication r, Map<String, Instant> testFailovers, Instant now) {
        ReplicationMode mode = r.mode().known();
        if (mode == null) {
            throw new IllegalArgumentException("replication of " + r.vmName() + ": mode '" + r.mode().raw()
                    + "' is unknown, so which side publishes it cannot be told; left out");
        }
        boolean sender = r.extended() ? mode != ReplicationMode.ExtendedReplica : mode == ReplicationMode.Primary;
        if (!sender) {
            return null;
        }
        String targetSite = targetSite(r);
        HypervReport.Statistics stats = r.statistics();
        ReplicationState state = state(r.state().known());
        ReplicationHealth health = health(r.health().known());
        Instant lastReplication = r.lastReplicationTime() != null ? r.lastReplicationTime()
                : stats == null ? null : stats.lastReplicationTime();
        Long lag = lastReplication == null ? null : Math.max(0, Duration.between(lastReplication, now).getSeconds());
        String vendorState = word(r.state().raw()) + "/" + word(r.health().raw());
        String error = state == ReplicationState.FAILED || health == ReplicationHealth.CRITICAL
                ? error(stats, vendorState) : null;
        Integer failCount = stats == null || stats.errors() == null ? null : (int) Math.min(Integer.MAX_VALUE,
                stats.errors());
        Instant lastTest = newest(stats == null ? null : stats.lastTestFailoverInitiated(), testFailovers.get(r.vmId()));
        String targetHost = r.currentReplicaServer() != null ? r.currentReplicaServer() : r.replicaServer();
        return new ReplicationStatus(site, Platform.HYPERV, r.extended() ? r.vmId() + EXTENDED_SUFFIX : r.vmId(),
                r.vmId(), r.vmName(), site, targetSite, r.computerName(), targetHost, TECHNOLOGY, state, health,
                vendorState, null, lastReplication, lag, lastTest, failCount, error, false);
    }

    /**
     * Hyper-V's {@code VMReplicationState} to the contract:
     * <ul>
     *   <li>REPLICATING: Replicating; FiredrillInProgress (a test failover runs on the replica
     *       while changes keep flowing);</li>
     *   <li>SYNCING: ReadyForInitialReplication, InitialReplicationInProgress,
     *       WaitingForInitialReplication, Resynchronizing, WaitingForUpdateCompletion,
     *       WaitingForRepurposeCompletion, PreparedForSyncReplication (the copy is being built or
     *       brought in line; not yet a usable recovery point stream);</li>
     *   <li>PAUSED: Suspended, ResynchronizeSuspended;</li>
     *   <li>FAILED: Error, UpdateError, WaitingForStartResynchronize ("resynchronization
     *       required": nothing flows until a resync starts);</li>
     *   <li>FAILED_OVER: PreparedForFailover, FailedOverWaitingCompletion, FailedOver,
     *       RecoveryInProgress, FailbackInProgress, FailbackComplete,
     *       PreparedForGroupReverseReplication (a planned or unplanned failover or failback is
     *       under way or done; replication resumes only once it is reversed);</li>
     *   <li>NOT_CONFIGURED: Disabled; UNKNOWN: any other word.</li>
     * </ul>
     */
    static ReplicationState state(HypervEnums.ReplicationState state) {
        if (state == null) {
            return ReplicationState.UNKNOWN;
        }
        return switch (state) {
            case Replicating, FiredrillInProgress -> ReplicationState.REPLICATING;
            case ReadyForInitialReplication, InitialReplicationInProgress, WaitingForInitialReplication,
                 Resynchronizing, WaitingForUpdateCompletion, WaitingForRepurposeCompletion,
                 PreparedForSyncReplication -> ReplicationState.SYNCING;
            case Suspended, ResynchronizeSuspended -> ReplicationState.PAUSED;
            case Error, UpdateError, WaitingForStartResynchronize -> ReplicationState.FAILED;
            case PreparedForFailover, FailedOverWaitingCompletion, FailedOver, RecoveryInProgress, FailbackInProgress,
                 FailbackComplete, PreparedForGroupReverseReplication -> ReplicationState.FAILED_OVER;
            case Disabled -> ReplicationState.NOT_CONFIGURED;
        };
    }

    /** Normal → OK, Warning → WARNING, Critical → CRITICAL; NotApplicable and unknown words → UNKNOWN. */
    static ReplicationHealth health(HypervEnums.ReplicationHealth health) {
        if (health == null) {
            return ReplicationHealth.UNKNOWN;
        }
        return switch (health) {
            case Normal -> ReplicationHealth.OK;
            case Warning -> ReplicationHealth.WARNING;
            case Critical -> ReplicationHealth.CRITICAL;
            case NotApplicable -> ReplicationHealth.UNKNOWN;
        };
    }

    private String targetSite(HypervReport.Replication r) {
        Optional<String> found = settings.siteOf(r.replicaServer()).or(() -> settings.siteOf(r.currentReplicaServer()));
        if (found.isPresent()) {
            return found.get();
        }
        String server = r.replicaServer() != null ? r.replicaServer() : r.currentReplicaServer();
        throw new IllegalArgumentException("replication of " + r.vmName() + " (" + r.vmId() + "): its replica server "
                + (server == null ? "(not given)" : server) + " is in no Sitewatch site: add " + block + ".sites.\"["
                + (server == null ? "<replica server>" : server) + "]\": <site>");
    }

    private static String error(HypervReport.Statistics stats, String vendorState) {
        if (stats != null && !stats.healthDetails().isEmpty()) {
            return String.join("; ", stats.healthDetails());
        }
        return "Hyper-V Replica " + vendorState;
    }

    private static String word(String raw) {
        return raw == null ? "(none)" : raw;
    }

    private static Instant newest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
