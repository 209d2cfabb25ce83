package org.sitewatch.events;

/** Normalized VM power state; the vendor's own word always travels beside it. */
public enum PowerState {
    RUNNING, STOPPED, PAUSED, SUSPENDED, MIGRATING, CRASHED, UNKNOWN
}
