package org.sitewatch.collectors.spi;

import java.time.Clock;
import java.util.Objects;

/**
 * What the runtime gives every source besides its endpoint's configuration.
 *
 * @param clock the collector's clock: every observation is stamped with it (tests and the
 *     all-in-one launcher pass a simulated clock)
 */
public record CollectorContext(Clock clock) {

    public CollectorContext {
        Objects.requireNonNull(clock, "clock");
    }
}
