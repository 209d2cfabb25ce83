package org.sitewatch.bench.load;

import java.time.Duration;

/**
 * How much to send and how fast.
 *
 * @param maxEvents stop after this many events; 0 for no count limit
 * @param maxDuration stop after this long; null for no time limit
 * @param eventsPerSecond a steady rate; 0 for as fast as the producer takes them
 */
public record SendPlan(long maxEvents, Duration maxDuration, double eventsPerSecond) {

    public SendPlan {
        if (maxEvents < 0 || eventsPerSecond < 0) {
            throw new IllegalArgumentException("events and rate may not be negative");
        }
        if (maxEvents == 0 && maxDuration == null) {
            throw new IllegalArgumentException("a send needs an event count or a duration to end");
        }
    }

    /** {@code events} events as fast as possible, within {@code limit} (null: no limit). */
    public static SendPlan asFastAsPossible(long events, Duration limit) {
        return new SendPlan(events, limit, 0);
    }

    /** At {@code eventsPerSecond} until {@code events} were sent (0: no count) or {@code duration} passed (null: none). */
    public static SendPlan steady(double eventsPerSecond, long events, Duration duration) {
        return new SendPlan(events, duration, eventsPerSecond);
    }
}
