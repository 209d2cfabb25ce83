package org.sitewatch.collectors.spi;

import java.time.Clock;
import java.util.Objects;

/**
 * What the runtime gives every source besides its endpoint's configuration.
 *
 * @param clock the collector's clock: every observation is stamped with it (tests and the
 *     all-in-one launcher pass a simulated clock)
 * @param checkpoints this endpoint's checkpoints, read before the source was created
 */
public record CollectorContext(Clock clock, CheckpointStore checkpoints) {

    public CollectorContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(checkpoints, "checkpoints");
    }

    /** A context whose checkpoints live in memory only (tests, tools). */
    public CollectorContext(Clock clock) {
        this(clock, CheckpointStore.inMemory());
    }
}
