package org.sitewatch.bench.load;

import java.util.concurrent.locks.LockSupport;

/**
 * Spaces sends evenly at a steady rate by parking the sending thread until each send is due (no
 * busy spinning). When sending falls behind, the next sends go at once until it has caught up, so
 * the average rate holds over the run.
 */
final class Pacer {

    private final double nanosPerEvent;
    private final long startNanos;

    /** @param eventsPerSecond 0 or less: no pacing, as fast as possible */
    Pacer(double eventsPerSecond, long startNanos) {
        this.nanosPerEvent = eventsPerSecond <= 0 ? 0 : 1e9 / eventsPerSecond;
        this.startNanos = startNanos;
    }

    /** When event number {@code n} (from 0) is due, in {@link System#nanoTime()} terms. */
    long dueNanos(long n) {
        return startNanos + (long) (n * nanosPerEvent);
    }

    /** Waits until event {@code n} is due; returns at once when unpaced or late. */
    void awaitTurn(long n) {
        if (nanosPerEvent == 0) {
            return;
        }
        long due = dueNanos(n);
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }
}
