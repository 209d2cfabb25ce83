package org.sitewatch.bench.collector;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sitewatch.bench.harness.BenchContext;
import org.sitewatch.bench.harness.Figure;
import org.sitewatch.bench.harness.ProgressLine;
import org.sitewatch.bench.harness.Scenario;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.settings.PropertyTree;
import org.sitewatch.events.Platform;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;

/**
 * What one poll of a 5,000-VM Hyper-V failover cluster costs the Hyper-V collector (issue 11: "poll cost on a
 * simulated 5,000-VM Hyper-V cluster"). The project's simulator serves the cluster's 16 WinRM listeners on 127.0.0.1
 * (its Hyper-V front: WS-Management shells whose output is the snapshot script's JSON), 1,000 of the VMs replicated
 * with Hyper-V Replica (100 VMs in smoke mode); the real collector polls it through the collector runtime as
 * {@link ProxmoxPollCost} does: a first poll (the cluster's name, then every node's listener in parallel), polls with
 * nothing changed, and polls after 1 % of the VMs were stopped or started (the simulator's clock moved on by one
 * change round). CPU is the collector's own threads'; wall time includes the simulator building 16 JSON documents
 * and the WS-Management round trips (create shell, command, receive, signal, delete per node).
 */
public final class HypervPollCost implements Scenario {

    static final int VMS = 5_000;
    static final int SMOKE_VMS = 100;

    @Override
    public String name() {
        return "hyperv-poll-cost";
    }

    @Override
    public String description() {
        return "Hyper-V collector polling a simulated 5,000-VM failover cluster (16 nodes over WinRM) through the "
                + "collector runtime: CPU of the collector's threads and wall time per poll, events per poll (first, "
                + "unchanged, 1 % changed)";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        LargeHypervCluster cluster = new LargeHypervCluster(context.smoke() ? SMOKE_VMS : VMS);
        int runners = context.smoke() ? ProxmoxPollCost.SMOKE_RUNNERS : ProxmoxPollCost.RUNNERS;
        int polls = context.smoke() ? ProxmoxPollCost.SMOKE_POLLS_OF_EACH_KIND : ProxmoxPollCost.POLLS_OF_EACH_KIND;
        ProgressLine.Task progress = context.progress(name());
        progress.say(String.format(Locale.ROOT, "%,d VMs on %d nodes, %,d replicated; %d collectors x (1 first + %d "
                        + "unchanged + %d changed polls)", cluster.vms(), LargeHypervCluster.NODES, cluster.replicatedVms(),
                runners, polls, polls));
        Instant deadline = Instant.now().plus(context.scenarioLimit());
        Duration interval = Duration.ofMillis(context.smoke() ? 100 : 500);
        ManualClock simulatorClock = new ManualClock(LargeHypervCluster.START);
        List<PollSample> samples = new ArrayList<>();
        try (Simulator simulator = Simulator.builder(cluster.scenario()).clock(simulatorClock).tickInterval(null)
                .faultHold(Duration.ofSeconds(5)).build().start()) {
            EndpointConfig endpoint = endpoint(simulator.endpoints().get(0));
            samples.addAll(PollSequence.ofRunners(endpoint, () -> {
                simulatorClock.advance(LargeHypervCluster.CHANGE_EVERY);
                simulator.tick();
            }, interval, runners, polls, deadline, progress));
        }
        return PollCostFigures.of(name(), cluster.vms(), cluster.changedPerRound(), samples);
    }

    /** The endpoint as the launcher configures it. */
    private static EndpointConfig endpoint(SimulatedEndpoint simulated) {
        return EndpointConfig.builder(simulated.id(), simulated.site(), Platform.HYPERV)
                .settings(PropertyTree.of(simulated.vendorProperties())).timeout(Duration.ofSeconds(30)).build();
    }

    /**
     * Runs the scenario alone, without the harness's broker (it needs none):
     * {@code java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.sitewatch.bench.collector.HypervPollCost [--smoke]}.
     */
    public static void main(String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--smoke");
        BenchContext context = new BenchContext(null, Files.createTempDirectory("sitewatch-hyperv-poll-cost-"), smoke, 0,
                Duration.ofMinutes(15), new ProgressLine(System.out));
        for (Figure f : new HypervPollCost().run(context)) {
            System.out.printf(Locale.ROOT, "%-45s %12.1f %s%n", f.measure(), f.value(), f.target() == null ? "" : "target " + f.target());
        }
    }
}
