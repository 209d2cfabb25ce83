package org.sitewatch.bench.load;

/** The kinds of change the synthetic estate goes through after its initial inventory. */
public enum ChangeKind {
    /** A VM is started or stopped. */
    POWER,
    /** A replicated item synced again: new last recovery point, same state (or a failing item's lag grows). */
    LAG,
    /** An HA host fails, or a failed one comes back. */
    HOST_FAILURE,
    /** A replication job fails, or a failed one recovers. */
    REPLICATION_FAILURE,
    /** A VM is deleted ({@code removed=true}), or a deleted one is created again. */
    VM_REMOVAL,
    /** HA migrates, fences, recovers or restarts a protected VM. */
    HA_ACTION,
    /** A site's collector reports a poll. */
    HEARTBEAT
}
