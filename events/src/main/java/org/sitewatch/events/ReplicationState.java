package org.sitewatch.events;

/** Normalized state of one replicated item (a VM or a group). */
public enum ReplicationState {
    REPLICATING, SYNCING, PAUSED, FAILED, FAILED_OVER, NOT_CONFIGURED, UNKNOWN
}
