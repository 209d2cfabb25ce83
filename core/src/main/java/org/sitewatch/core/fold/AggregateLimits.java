package org.sitewatch.core.fold;

/**
 * Bounds of one site aggregate, so its size does not grow with the number of entities.
 *
 * @param maxProblems problems listed per site; further ones are only counted
 * @param maxRecentHaActions HA actions remembered per site, newest first
 */
public record AggregateLimits(int maxProblems, int maxRecentHaActions) {

    public static final AggregateLimits DEFAULTS = new AggregateLimits(500, 50);

    public AggregateLimits {
        if (maxProblems < 1 || maxRecentHaActions < 0) {
            throw new IllegalArgumentException("max problems must be at least 1 and max recent HA actions at least 0");
        }
    }
}
