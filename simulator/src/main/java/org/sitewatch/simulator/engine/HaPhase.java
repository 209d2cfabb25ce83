package org.sitewatch.simulator.engine;

/**
 * Where the simulated HA manager has an HA-managed guest, in vendor-neutral terms; each front
 * words it its own way (Proxmox: {@code started}, {@code fence}, {@code recovery}, ...).
 */
public enum HaPhase {
    /** Running where it should. */
    STARTED,
    /** Stopped on request. */
    STOPPED,
    /** A start was asked and is settling. */
    STARTING,
    /** A stop was asked and is settling. */
    STOPPING,
    /** Live-migrating to another node. */
    MIGRATING,
    /** Its node was lost; waiting until the node is fenced (needs quorum). */
    FENCING,
    /** Fenced; about to be started on another node. */
    RECOVERING
}
