package org.sitewatch.collectors.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * When an endpoint polls next. After a success: the poll interval. After the n-th retriable
 * failure in a row: the interval doubled n-1 times, capped at {@code maxBackoff} (never below the
 * interval). After a permanent failure: {@code permanentRetryInterval}, slow but not never, so a
 * fixed token or CA file is picked up without a restart. A vendor's {@code Retry-After} (HTTP 429)
 * makes the wait at least that long.
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

    /**
     * As {@link #afterFailure(Duration, int, boolean)}, but never sooner than the vendor's
     * {@code Retry-After} (null when it gave none). That wait is capped at the permanent-failure
     * interval, so a bogus value cannot silence an endpoint for hours.
     */
    Duration afterFailure(Duration interval, int failuresInARow, boolean permanent, Duration retryAfter) {
        Duration next = afterFailure(interval, failuresInARow, permanent);
        if (retryAfter == null) {
            return next;
        }
        Duration asked = retryAfter.compareTo(permanentRetryInterval) > 0 ? permanentRetryInterval : retryAfter;
        return max(next, asked);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
