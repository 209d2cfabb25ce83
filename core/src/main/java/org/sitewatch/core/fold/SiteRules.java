package org.sitewatch.core.fold;

/**
 * The site-level tunables of the health rules (see {@link HealthRules} and {@code docs/health-rules.md});
 * replication thresholds are in {@link ReplicationRules}.
 *
 * @param staleAfterIntervals a collector is stale when its last heartbeat is older than this many of
 *     its own heartbeat intervals
 */
public record SiteRules(int staleAfterIntervals) {

    public static final int DEFAULT_STALE_AFTER_INTERVALS = 3;

    public static final SiteRules DEFAULTS = new SiteRules(DEFAULT_STALE_AFTER_INTERVALS);

    public SiteRules {
        if (staleAfterIntervals < 1) {
            throw new IllegalArgumentException("stale-after-intervals must be at least 1 but was " + staleAfterIntervals);
        }
    }
}
