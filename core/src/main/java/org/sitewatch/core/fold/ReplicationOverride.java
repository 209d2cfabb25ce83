package org.sitewatch.core.fold;

/**
 * Replication thresholds set at one level (site, pair or item); a null field leaves the value of the
 * level below. Validated when merged into {@link ReplicationRules}.
 */
public record ReplicationOverride(Long targetRpoSeconds, Long defaultTargetRpoSeconds, Long rpoGraceSeconds,
                                  Long testFailoverMaxAgeDays, Boolean requireTestFailover) {

    public static final ReplicationOverride NONE = new ReplicationOverride(null, null, null, null, null);
}
