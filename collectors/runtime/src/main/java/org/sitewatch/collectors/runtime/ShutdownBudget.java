package org.sitewatch.collectors.runtime;

import java.time.Duration;

/**
 * The time the collectors may take to stop, and how it is shared out, so that a container stop
 * (SIGTERM, then SIGKILL after Docker's 10 s) never kills them half way through with Kafka down.
 * Phases (what one leaves is the next one's):
 * <ol>
 *   <li>{@linkplain #endpointsStopBy() stop the endpoints} (up to 40 % of the total): polling and subscriptions
 *       stop, an endpoint blocked in a write to Kafka is interrupted, its sources are closed;</li>
 *   <li>close the event sink by the {@linkplain #deadline() deadline} ({@link EventSink#close(Duration)}); the
 *       Kafka sink gives a third of that time to its transactional producers (a transaction still open is
 *       aborted, so its events and checkpoints are never visible) and the rest to the plain producer
 *       (heartbeats and HA actions still unacknowledged get what time is left, then are dropped).</li>
 * </ol>
 * Nothing acknowledged depends on these phases finishing: an event is acknowledged when its
 * transaction committed, with the checkpoint past it. What is cut short was not committed, so its
 * checkpoint did not move and the restarted collector reads it from the vendor again.
 */
final class ShutdownBudget {

    /** 8 s: 2 s to spare before Docker's SIGKILL at 10 s for the JVM's own exit. */
    static final Duration DEFAULT_TOTAL = Duration.ofSeconds(8);

    private final Duration total;
    private final long startedAt;

    private ShutdownBudget(Duration total, long startedAt) {
        this.total = total;
        this.startedAt = startedAt;
    }

    /** A budget of {@code total} starting now. */
    static ShutdownBudget startingNow(Duration total) {
        return new ShutdownBudget(total, System.nanoTime());
    }

    Duration total() {
        return total;
    }

    /** When the endpoints must have stopped (System.nanoTime). */
    long endpointsStopBy() {
        return startedAt + total.toNanos() * 4 / 10;
    }

    /** When everything must be closed (System.nanoTime). */
    long deadline() {
        return startedAt + total.toNanos();
    }

    /** The time from now until {@code nanoTime}, zero when it has passed. */
    static Duration until(long nanoTime) {
        return Duration.ofNanos(Math.max(0, nanoTime - System.nanoTime()));
    }

    /** How long the stop has taken so far. */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }
}
