package org.sitewatch.core.fold;

import java.util.HashMap;
import java.util.Map;

/**
 * The health thresholds as configured ({@code sitewatch.health.*}, every one listed in
 * {@code docs/health-rules.md}), as plain values, and how they become {@link HealthRules}. The streams
 * app binds them with Spring (its {@code HealthProperties}); the audit binds this record itself from
 * the same file. A null value takes its default. Overrides, most specific winning field by field:
 * {@code sites.<site>}, {@code pairs.<source>.<target>}, {@code items.<site>.<item id>}.
 *
 * @param staleAfterIntervals a collector is stale after this many missed heartbeat intervals (default 3)
 * @param defaultTargetRpoSeconds RPO of replicated items that carry none; unset: they are not checked
 * @param targetRpoSeconds when set, replaces the RPO every item carries (use it per site, pair or item)
 * @param rpoGraceSeconds an item is outside its RPO only when its lag exceeds target + grace (default 0)
 * @param testFailoverMaxAgeDays a test failover older than this is overdue (default 180)
 * @param requireTestFailover whether an untested or overdue item puts its pair AT_RISK (default true)
 */
public record HealthSettings(Integer staleAfterIntervals, Long defaultTargetRpoSeconds, Long targetRpoSeconds,
                             Long rpoGraceSeconds, Long testFailoverMaxAgeDays, Boolean requireTestFailover,
                             Map<String, SiteOverride> sites, Map<String, Map<String, ReplicationOverride>> pairs,
                             Map<String, Map<String, ReplicationOverride>> items) {

    public static final int DEFAULT_STALE_AFTER_INTERVALS = 3;
    public static final long DEFAULT_RPO_GRACE_SECONDS = 0;
    public static final long DEFAULT_TEST_FAILOVER_MAX_AGE_DAYS = 180;
    public static final boolean DEFAULT_REQUIRE_TEST_FAILOVER = true;

    /** Per-site override: null fields fall back to the defaults. */
    public record SiteOverride(Integer staleAfterIntervals, Long defaultTargetRpoSeconds, Long targetRpoSeconds,
                               Long rpoGraceSeconds, Long testFailoverMaxAgeDays, Boolean requireTestFailover) {

        ReplicationOverride replication() {
            return new ReplicationOverride(targetRpoSeconds, defaultTargetRpoSeconds, rpoGraceSeconds,
                    testFailoverMaxAgeDays, requireTestFailover);
        }
    }

    /**
     * @throws IllegalArgumentException naming the value, when a threshold is invalid (a negative grace,
     *     a zero RPO): a binder reports it with the property's prefix
     */
    public HealthSettings {
        staleAfterIntervals = staleAfterIntervals == null ? DEFAULT_STALE_AFTER_INTERVALS : staleAfterIntervals;
        rpoGraceSeconds = rpoGraceSeconds == null ? DEFAULT_RPO_GRACE_SECONDS : rpoGraceSeconds;
        testFailoverMaxAgeDays = testFailoverMaxAgeDays == null ? DEFAULT_TEST_FAILOVER_MAX_AGE_DAYS : testFailoverMaxAgeDays;
        requireTestFailover = requireTestFailover == null ? DEFAULT_REQUIRE_TEST_FAILOVER : requireTestFailover;
        sites = sites == null ? Map.of() : Map.copyOf(sites);
        pairs = pairs == null ? Map.of() : Map.copyOf(pairs);
        items = items == null ? Map.of() : Map.copyOf(items);
        // Built once here so that bad values fail when the settings are made, not when first used.
        build(staleAfterIntervals, replicationRules(targetRpoSeconds, defaultTargetRpoSeconds, rpoGraceSeconds,
                testFailoverMaxAgeDays, requireTestFailover), sites, pairs, items);
    }

    /** Every threshold at its default, no override. */
    public static HealthSettings defaults() {
        return new HealthSettings(null, null, null, null, null, null, null, null, null);
    }

    public HealthRules toRules() {
        return build(staleAfterIntervals, replicationRules(targetRpoSeconds, defaultTargetRpoSeconds, rpoGraceSeconds,
                testFailoverMaxAgeDays, requireTestFailover), sites, pairs, items);
    }

    private static ReplicationRules replicationRules(Long targetRpoSeconds, Long defaultTargetRpoSeconds, long rpoGraceSeconds,
                                                     long testFailoverMaxAgeDays, boolean requireTestFailover) {
        return new ReplicationRules(targetRpoSeconds, defaultTargetRpoSeconds, rpoGraceSeconds, testFailoverMaxAgeDays,
                requireTestFailover);
    }

    private static HealthRules build(int staleAfterIntervals, ReplicationRules replication, Map<String, SiteOverride> sites,
                                     Map<String, Map<String, ReplicationOverride>> pairs,
                                     Map<String, Map<String, ReplicationOverride>> items) {
        SiteRules defaults = new SiteRules(staleAfterIntervals);
        Map<String, SiteRules> perSite = new HashMap<>();
        Map<String, ReplicationOverride> siteReplication = new HashMap<>();
        sites.forEach((site, o) -> {
            perSite.put(site, new SiteRules(o.staleAfterIntervals() != null ? o.staleAfterIntervals() : staleAfterIntervals));
            siteReplication.put(site, checked(replication, o.replication()));
        });
        Map<String, ReplicationOverride> perPair = new HashMap<>();
        pairs.forEach((source, targets) -> targets.forEach((target, o) ->
                perPair.put(SitePair.key(source, target), checked(replication, o))));
        Map<String, ReplicationOverride> perItem = new HashMap<>();
        items.forEach((site, byItem) -> byItem.forEach((item, o) -> perItem.put(site + "/" + item, checked(replication, o))));
        return new HealthRules(defaults, perSite, replication, siteReplication, perPair, perItem);
    }

    /** Merging validates: a negative grace or a zero RPO fails here. */
    private static ReplicationOverride checked(ReplicationRules defaults, ReplicationOverride o) {
        defaults.with(o);
        return o;
    }
}
