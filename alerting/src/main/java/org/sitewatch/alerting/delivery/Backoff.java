package org.sitewatch.alerting.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * Retry policy of a failing target: after the n-th failure in a row, wait
 * {@code min(initial × 2^(n-1), max)}. After {@code maxAttempts} failures the target is
 * <em>exhausted</em>: it is said at ERROR, and retries go on every {@code max} for ever, so nothing
 * is skipped; only this target waits (each target has its own delivery worker).
 */
public record Backoff(int maxAttempts, Duration initial, Duration max) {

    public static final Backoff DEFAULT = new Backoff(5, Duration.ofSeconds(1), Duration.ofSeconds(30));

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The wait after the {@code failuresInARow}-th failure in a row (1-based). */
    public Duration delayAfter(int failuresInARow) {
        int doublings = Math.min(Math.max(failuresInARow - 1, 0), 30);
        Duration d = initial.multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 ? max : d;
    }

    public boolean exhausted(int failuresInARow) {
        return failuresInARow >= maxAttempts;
    }
}
