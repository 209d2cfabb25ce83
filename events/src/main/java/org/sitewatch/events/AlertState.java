package org.sitewatch.events;

/** Where an alert is in its lifecycle: one record when it starts firing, one when it resolves. */
public enum AlertState {
    FIRING, RESOLVED
}
