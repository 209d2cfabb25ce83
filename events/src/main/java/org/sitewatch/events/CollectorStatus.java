package org.sitewatch.events;

/** Outcome of a collector's last poll (or, for push sources, of its subscription). */
public enum CollectorStatus {
    /** The vendor answered and the data was read. */
    OK,
    /** A retriable failure: I/O, time-out, 5xx, malformed answer. The collector keeps trying. */
    ERROR,
    /** The vendor rejected the credentials. Retrying will not help until they are fixed. */
    AUTH_FAILED
}
