package org.sitewatch.core.fold;

/** Whether a site pair could fail over now and meet its objectives, in increasing order of concern. */
public enum DrReadiness {
    /** Every item replicates within its RPO, is tested, and the target site is healthy enough. */
    READY,
    /** A failover would work but lose more data than agreed, or is untested, or partly unprotected. */
    AT_RISK,
    /** A failover would not work for some items, or the target site cannot take them. */
    NOT_READY;

    public DrReadiness worst(DrReadiness other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
