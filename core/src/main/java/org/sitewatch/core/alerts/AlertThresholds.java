package org.sitewatch.core.alerts;

import java.time.Duration;

/**
 * The thresholds one entity is judged by, after merging global, site, pair and item levels.
 *
 * @param rpoGrace how long an item's lag must stay above its target RPO before ReplicationRpoBreached fires
 * @param rpoResolveRatio ReplicationRpoBreached resolves only when lag is below target x this ratio
 * @param pausedFor how long an item must stay PAUSED before ReplicationPaused fires
 * @param collectorDownIntervals CollectorDown fires after this many heartbeat intervals without a heartbeat
 * @param vmRestartHold how long an HaVmRestarted alert stays firing before it resolves
 * @param siteResolveHold SiteDegraded / SiteCritical resolve only after the verdict stayed better this long
 * @param collectorFailingIntervals CollectorFailing fires after this many heartbeat intervals of ERROR heartbeats
 */
public record AlertThresholds(Duration rpoGrace, double rpoResolveRatio, Duration pausedFor, int collectorDownIntervals,
                              Duration vmRestartHold, Duration siteResolveHold, int collectorFailingIntervals) {

    public static final AlertThresholds DEFAULTS = new AlertThresholds(Duration.ofMinutes(5), 0.8, Duration.ofMinutes(30), 3,
            Duration.ofMinutes(10), Duration.ofMinutes(2), 3);

    public AlertThresholds {
        notNegative("rpo-grace", rpoGrace);
        notNegative("paused-for", pausedFor);
        notNegative("vm-restart-hold", vmRestartHold);
        notNegative("site-resolve-hold", siteResolveHold);
        if (!(rpoResolveRatio > 0 && rpoResolveRatio <= 1)) {
            throw new IllegalArgumentException("rpo-resolve-ratio must be in (0, 1] but was " + rpoResolveRatio);
        }
        if (collectorDownIntervals < 1) {
            throw new IllegalArgumentException("collector-down-intervals must be at least 1 but was " + collectorDownIntervals);
        }
        if (collectorFailingIntervals < 1) {
            throw new IllegalArgumentException("collector-failing-intervals must be at least 1 but was " + collectorFailingIntervals);
        }
    }

    /** These thresholds with what {@code o} sets replacing ours. */
    public AlertThresholds with(AlertOverride o) {
        if (o == null) {
            return this;
        }
        return new AlertThresholds(o.rpoGrace() != null ? o.rpoGrace() : rpoGrace,
                o.rpoResolveRatio() != null ? o.rpoResolveRatio() : rpoResolveRatio,
                o.pausedFor() != null ? o.pausedFor() : pausedFor,
                o.collectorDownIntervals() != null ? o.collectorDownIntervals() : collectorDownIntervals,
                o.vmRestartHold() != null ? o.vmRestartHold() : vmRestartHold,
                o.siteResolveHold() != null ? o.siteResolveHold() : siteResolveHold,
                o.collectorFailingIntervals() != null ? o.collectorFailingIntervals() : collectorFailingIntervals);
    }

    private static void notNegative(String name, Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be set and not negative but was " + d);
        }
    }
}
