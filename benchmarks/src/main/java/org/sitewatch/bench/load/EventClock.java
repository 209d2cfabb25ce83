package org.sitewatch.bench.load;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Stamps the generated events: every event is later than the one before. */
public interface EventClock {

    Instant next();

    /**
     * Event time = the wall clock at generation, which is the moment of sending: what latency runs
     * and live consumers need. Strictly increasing (a microsecond apart at least), so two changes of
     * one entity never share a time, and so never a deterministic event id.
     */
    static EventClock wall() {
        return wall(Clock.systemUTC());
    }

    static EventClock wall(Clock clock) {
        return new EventClock() {
            private Instant last = Instant.MIN;

            @Override
            public Instant next() {
                Instant now = clock.instant();
                last = now.isAfter(last) ? now : last.plusNanos(1_000);
                return last;
            }
        };
    }

    /** {@code start}, {@code start + step}, ...: reproducible, for tests and for replays of a fixed history. */
    static EventClock steady(Instant start, Duration step) {
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("the step must be positive");
        }
        return new EventClock() {
            private Instant next = start;

            @Override
            public Instant next() {
                Instant now = next;
                next = next.plus(step);
                return now;
            }
        };
    }
}
