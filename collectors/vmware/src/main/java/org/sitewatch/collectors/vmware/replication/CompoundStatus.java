package org.sitewatch.collectors.vmware.replication;

import java.util.Locale;
import java.util.Optional;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;

/**
 * vSphere Replication's {@code status.status} (CompoundReplicationStatus), every documented word
 * with its state and health. The choices:
 * <ul>
 *   <li>OK (configured, no error, idle) and SYNC (a routine delta sync in flight) are REPLICATING:
 *       with short RPOs VR syncs all the time, so SYNCING is kept for full syncs that rebuild the copy
 *       (FULL_SYNC, INITIAL_FULL_SYNC);</li>
 *   <li>{@code *_RPO_VIOLATION}: the base word's state, health WARNING (as the {@code rpoViolatedEvent}
 *       mapping does); whether the item is outside its RPO is judged from its last sync by the core;</li>
 *   <li>ERROR and ERROR_RPO_VIOLATION: FAILED, CRITICAL;</li>
 *   <li>NOT_ACTIVE (no traffic and no connection: the VM is off, or the replication server is out of
 *       reach): PAUSED, WARNING; PAUSED (by a user or the system): PAUSED, WARNING;</li>
 *   <li>MOVING (to another replication server) and DISK_RESIZING: configuration changes in flight,
 *       REPLICATING, OK; CONFIGURING (being set up, not protecting yet): NOT_CONFIGURED, OK;</li>
 *   <li>RECOVERING: FAILED_OVER, WARNING (the VM is being started at the target); RECOVERED:
 *       FAILED_OVER, OK (as {@code vmRecoveredEvent});</li>
 *   <li>VR's own UNKNOWN: UNKNOWN, UNKNOWN.</li>
 * </ul>
 */
enum CompoundStatus {
    OK(ReplicationState.REPLICATING, ReplicationHealth.OK),
    SYNC(ReplicationState.REPLICATING, ReplicationHealth.OK),
    FULL_SYNC(ReplicationState.SYNCING, ReplicationHealth.OK),
    INITIAL_FULL_SYNC(ReplicationState.SYNCING, ReplicationHealth.OK),
    PAUSED(ReplicationState.PAUSED, ReplicationHealth.WARNING),
    RPO_VIOLATION(ReplicationState.REPLICATING, ReplicationHealth.WARNING),
    MOVING(ReplicationState.REPLICATING, ReplicationHealth.OK),
    ERROR(ReplicationState.FAILED, ReplicationHealth.CRITICAL),
    CONFIGURING(ReplicationState.NOT_CONFIGURED, ReplicationHealth.OK),
    NOT_ACTIVE(ReplicationState.PAUSED, ReplicationHealth.WARNING),
    UNKNOWN(ReplicationState.UNKNOWN, ReplicationHealth.UNKNOWN),
    SYNC_RPO_VIOLATION(ReplicationState.REPLICATING, ReplicationHealth.WARNING),
    NOT_ACTIVE_RPO_VIOLATION(ReplicationState.PAUSED, ReplicationHealth.WARNING),
    ERROR_RPO_VIOLATION(ReplicationState.FAILED, ReplicationHealth.CRITICAL),
    FULL_SYNC_RPO_VIOLATION(ReplicationState.SYNCING, ReplicationHealth.WARNING),
    RECOVERING(ReplicationState.FAILED_OVER, ReplicationHealth.WARNING),
    RECOVERED(ReplicationState.FAILED_OVER, ReplicationHealth.OK),
    DISK_RESIZING(ReplicationState.REPLICATING, ReplicationHealth.OK);

    private final ReplicationState state;
    private final ReplicationHealth health;

    CompoundStatus(ReplicationState state, ReplicationHealth health) {
        this.state = state;
        this.health = health;
    }

    ReplicationState state() {
        return state;
    }

    ReplicationHealth health() {
        return health;
    }

    /** The documented word (compared ignoring case and surrounding blanks); empty for any other. */
    static Optional<CompoundStatus> of(String word) {
        if (word == null) {
            return Optional.empty();
        }
        for (CompoundStatus s : values()) {
            if (s.name().equals(word.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
