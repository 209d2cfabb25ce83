package org.sitewatch.streams.fold;

/**
 * The health rules' tunables for one site (see {@link HealthRules} and {@code docs/health-rules.md}).
 *
 * @param staleAfterIntervals a collector is stale when its last heartbeat is older than this many of
 *     its own heartbeat intervals
 * @param defaultTargetRpoSeconds the RPO applied to replicated items that do not carry a target;
 *     null means such items are not checked against an RPO
 */
public record SiteRules(int staleAfterIntervals, Long defaultTargetRpoSeconds) {

    public static final int DEFAULT_STALE_AFTER_INTERVALS = 3;

    public static final SiteRules DEFAULTS = new SiteRules(DEFAULT_STALE_AFTER_INTERVALS, null);

    public SiteRules {
        if (staleAfterIntervals < 1) {
            throw new IllegalArgumentException("stale-after-intervals must be at least 1 but was " + staleAfterIntervals);
        }
        if (defaultTargetRpoSeconds != null && defaultTargetRpoSeconds <= 0) {
            throw new IllegalArgumentException("default-target-rpo-seconds must be positive but was " + defaultTargetRpoSeconds);
        }
    }
}
