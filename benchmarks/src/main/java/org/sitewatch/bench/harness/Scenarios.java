package org.sitewatch.bench.harness;

import java.util.List;
import org.sitewatch.bench.collector.AzurePollCost;
import org.sitewatch.bench.collector.CitrixPollCost;
import org.sitewatch.bench.collector.HypervPollCost;
import org.sitewatch.bench.collector.KubevirtEventCost;
import org.sitewatch.bench.collector.LibvirtEventCost;
import org.sitewatch.bench.collector.OracleVmPollCost;
import org.sitewatch.bench.collector.OvirtPollCost;
import org.sitewatch.bench.collector.ProxmoxPollCost;
import org.sitewatch.bench.collector.VspherePollCost;
import org.sitewatch.bench.kafka.ConsumerPerformanceScenario;
import org.sitewatch.bench.kafka.ProducerPerformanceScenario;
import org.sitewatch.bench.load.SitewatchProduceScenario;
import org.sitewatch.bench.replay.DecodeFloorScenario;
import org.sitewatch.bench.replay.ReplayExportScenario;
import org.sitewatch.bench.replay.StateAtScenario;
import org.sitewatch.bench.streams.StartupScenario;
import org.sitewatch.bench.streams.StreamsDrainScenario;
import org.sitewatch.bench.streams.StreamsFloorScenario;
import org.sitewatch.bench.streams.StreamsLatencyScenario;
import org.sitewatch.bench.streams.StreamsScaleScenario;

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
                // Reads the raw topics as sitewatch-produce left them.
                new StreamsDrainScenario(),
                // What Kafka Streams and decoding alone leave of the consumer's rate: the ceilings of the two above and below.
                new StreamsFloorScenario(),
                new DecodeFloorScenario(),
                new ReplayExportScenario(),
                new StateAtScenario(),
                // These write estates of their own to the raw topics, so they come after every scenario that reads them.
                new StreamsLatencyScenario(),
                new StreamsScaleScenario(),
                new StartupScenario(),
                // Their own simulators and collectors, no broker: anywhere in the order would do.
                new ProxmoxPollCost(),
                new VspherePollCost(),
                new HypervPollCost(),
                new AzurePollCost(),
                new OvirtPollCost(),
                new OracleVmPollCost(),
                new CitrixPollCost(),
                new LibvirtEventCost(),
                new KubevirtEventCost());
    }
}
