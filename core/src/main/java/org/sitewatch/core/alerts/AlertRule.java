package org.sitewatch.core.alerts;

/**
 * The alert rules the streams app evaluates, each with its default severity (see
 * {@code docs/alert-rules.md}). The enum name is the {@code alertname} label.
 */
public enum AlertRule {
    ReplicationRpoBreached(Severity.CRITICAL),
    ReplicationFailed(Severity.CRITICAL),
    ReplicationPaused(Severity.WARNING),
    TestFailoverOverdue(Severity.WARNING),
    HaHostFailed(Severity.CRITICAL),
    HaFailoverCapacityLost(Severity.WARNING),
    HaQuorumLost(Severity.CRITICAL),
    HaVmRestarted(Severity.INFO),
    SiteDegraded(Severity.WARNING),
    SiteCritical(Severity.CRITICAL),
    CollectorDown(Severity.CRITICAL),
    CollectorAuthFailed(Severity.CRITICAL),
    CollectorFailing(Severity.CRITICAL);

    private final Severity defaultSeverity;

    AlertRule(Severity defaultSeverity) {
        this.defaultSeverity = defaultSeverity;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** The anchor of the rule's section in {@code docs/runbooks.md}: its name in lower case. */
    public String runbookAnchor() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
