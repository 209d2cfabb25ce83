package org.sitewatch.bench.harness;

import java.util.List;
import org.sitewatch.bench.kafka.ConsumerPerformanceScenario;
import org.sitewatch.bench.kafka.ProducerPerformanceScenario;
import org.sitewatch.bench.load.SitewatchProduceScenario;
import org.sitewatch.bench.replay.ReplayExportScenario;
import org.sitewatch.bench.replay.StateAtScenario;

/** Every scenario of the harness, in the order a run takes them. */
public final class Scenarios {

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return List.of(
                // The producers first: what sitewatch-produce writes is what every later scenario reads.
                new ProducerPerformanceScenario(),
                new SitewatchProduceScenario(),
                // The baseline of every consuming scenario.
                new ConsumerPerformanceScenario(),
                // ---- streams scenarios (org.sitewatch.bench.streams.*) go here ----
                new ReplayExportScenario(),
                new StateAtScenario());
    }
}
