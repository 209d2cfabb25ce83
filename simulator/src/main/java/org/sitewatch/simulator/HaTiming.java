package org.sitewatch.simulator;

import java.time.Duration;

/**
 * Timing of the simulated HA manager of one site.
 *
 * @param fenceDelay    how long a service stays in {@code fence} before fencing succeeds and it
 *                      goes to {@code recovery} (only while the cluster is quorate)
 * @param recoveryDelay how long a service stays in {@code recovery} before it is {@code started} on
 *                      another online node
 * @param crmRound      how long request_start/request_stop/migrate take to settle
 */
public record HaTiming(Duration fenceDelay, Duration recoveryDelay, Duration crmRound) {

    public static final HaTiming DEFAULT =
            new HaTiming(Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofSeconds(2));
}
