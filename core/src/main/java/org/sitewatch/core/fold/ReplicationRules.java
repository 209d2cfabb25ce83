package org.sitewatch.core.fold;

/**
 * The thresholds one replicated item is judged by, after merging the levels global, site, pair and
 * item ({@link HealthRules#forItem}). See {@code docs/health-rules.md}.
 *
 * @param targetRpoSecondsOverride when set, replaces the RPO the vendor reports for the item
 * @param defaultTargetRpoSeconds the RPO of items for which the vendor reports none; null: not checked
 * @param rpoGraceSeconds tolerance before an item counts as outside its RPO ({@code lag > target + grace})
 * @param testFailoverMaxAgeDays a test failover older than this is overdue (DR readiness)
 * @param requireTestFailover whether an overdue or missing test failover puts a pair AT_RISK
 */
public record ReplicationRules(Long targetRpoSecondsOverride, Long defaultTargetRpoSeconds, long rpoGraceSeconds,
                               long testFailoverMaxAgeDays, boolean requireTestFailover) {

    public static final long DEFAULT_TEST_FAILOVER_MAX_AGE_DAYS = 180;

    public static final ReplicationRules DEFAULTS =
            new ReplicationRules(null, null, 0, DEFAULT_TEST_FAILOVER_MAX_AGE_DAYS, true);

    public ReplicationRules {
        positive("target-rpo-seconds", targetRpoSecondsOverride);
        positive("default-target-rpo-seconds", defaultTargetRpoSeconds);
        if (rpoGraceSeconds < 0) {
            throw new IllegalArgumentException("rpo-grace-seconds must not be negative but was " + rpoGraceSeconds);
        }
        if (testFailoverMaxAgeDays < 1) {
            throw new IllegalArgumentException("test-failover-max-age-days must be at least 1 but was " + testFailoverMaxAgeDays);
        }
    }

    /** These rules with the values {@code override} sets replacing ours. */
    public ReplicationRules with(ReplicationOverride override) {
        if (override == null) {
            return this;
        }
        return new ReplicationRules(
                override.targetRpoSeconds() != null ? override.targetRpoSeconds() : targetRpoSecondsOverride,
                override.defaultTargetRpoSeconds() != null ? override.defaultTargetRpoSeconds() : defaultTargetRpoSeconds,
                override.rpoGraceSeconds() != null ? override.rpoGraceSeconds() : rpoGraceSeconds,
                override.testFailoverMaxAgeDays() != null ? override.testFailoverMaxAgeDays() : testFailoverMaxAgeDays,
                override.requireTestFailover() != null ? override.requireTestFailover() : requireTestFailover);
    }

    private static void positive(String name, Long value) {
        if (value != null && value <= 0) {
            throw new IllegalArgumentException(name + " must be positive but was " + value);
        }
    }
}
