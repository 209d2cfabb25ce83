package org.sitewatch.events;

/** Normalized state of a host as its HA cluster sees it. */
public enum HaHostState {
    HEALTHY, DEGRADED, FAILED, ISOLATED, MAINTENANCE, UNKNOWN
}
