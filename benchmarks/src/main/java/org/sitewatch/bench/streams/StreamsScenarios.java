package org.sitewatch.bench.streams;

import java.util.List;
import org.sitewatch.bench.harness.Scenario;

/** The scenarios that run the real app jar, in the order they should run: drain first, while the raw topics hold just the run's events. */
public final class StreamsScenarios {

    private StreamsScenarios() {
    }

    public static List<Scenario> all() {
        return List.of(new StreamsDrainScenario(), new StreamsLatencyScenario(), new StreamsScaleScenario(), new StartupScenario());
    }
}
