package org.sitewatch.core.alerts;

import java.time.Duration;

/**
 * Thresholds set at one level (site, site pair or item); null fields keep the value of the level below.
 */
public record AlertOverride(Duration rpoGrace, Double rpoResolveRatio, Duration pausedFor, Integer collectorDownIntervals,
                            Duration vmRestartHold, Duration siteResolveHold, Integer collectorFailingIntervals) {
}
