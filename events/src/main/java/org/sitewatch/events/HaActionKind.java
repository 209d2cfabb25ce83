package org.sitewatch.events;

/** What an HA action did to a VM. */
public enum HaActionKind {
    /** The VM was restarted by HA after a failure. */
    RESTART,
    /** The VM's host is being fenced; the VM waits for it. */
    FENCE,
    /** HA is looking for (or found) a new host after fencing. */
    RECOVERY,
    /** HA moved the VM, live or cold. */
    MIGRATE,
    /** HA gave up on the VM; manual action is needed. */
    ERROR,
    /** Anything else the vendor reported; see the vendor word. */
    OTHER
}
