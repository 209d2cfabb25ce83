package org.sitewatch.collectors.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * When an endpoint polls next. After a success: the poll interval. After the n-th retriable
 * failure in a row: the interval doubled n-1 times, capped at {@code maxBackoff} (never below the
 * interval). After a permanent failure: {@code permanentRetryInterval}, slow but not never, so a
 * fixed token or CA file is picked up without a restart.
 */
public record RetryPolicy(Duration maxBackoff, Duration permanentRetryInterval) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofMinutes(2), Duration.ofMinutes(5));

    public RetryPolicy {
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(permanentRetryInterval, "permanentRetryInterval");
        if (maxBackoff.isNegative() || maxBackoff.isZero() || permanentRetryInterval.isNegative()
                || permanentRetryInterval.isZero()) {
            throw new IllegalArgumentException("retry durations must be positive");
        }
    }

    Duration afterFailure(Duration interval, int failuresInARow, boolean permanent) {
        if (permanent) {
            return max(permanentRetryInterval, interval);
        }
        int doublings = Math.min(Math.max(failuresInARow - 1, 0), 20);
        Duration backoff = interval.multipliedBy(1L << doublings);
        return max(interval, backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
