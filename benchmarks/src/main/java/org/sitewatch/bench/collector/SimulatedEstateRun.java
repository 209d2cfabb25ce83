package org.sitewatch.bench.collector;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
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
 * One {@link LargeSimulatedEstate} served by the project's simulator on 127.0.0.1 on a manual clock (no background
 * ticks), and the real collector's endpoint configured from it as the launcher would: the part the oVirt, Oracle VM and
 * Citrix poll-cost scenarios share. {@link #changeRounds} runs the poll sequences of every poll-cost scenario (a first
 * poll, unchanged polls, polls after one change round each), as {@link HypervPollCost} does.
 */
final class SimulatedEstateRun implements AutoCloseable {

    private final ManualClock clock = new ManualClock(LargeSimulatedEstate.START);
    private final Simulator simulator;
    private final EndpointConfig endpoint;

    SimulatedEstateRun(LargeSimulatedEstate estate, Platform platform) {
        simulator = Simulator.builder(estate.scenario()).clock(clock).tickInterval(null).faultHold(Duration.ofSeconds(5))
                .build().start();
        SimulatedEndpoint simulated = simulator.endpoints().get(0);
        endpoint = EndpointConfig.builder(simulated.id(), simulated.site(), platform)
                .settings(PropertyTree.of(simulated.vendorProperties())).timeout(Duration.ofSeconds(30)).build();
    }

    EndpointConfig endpoint() {
        return endpoint;
    }

    /** Moves the simulated clock to {@code sinceStart} after the scenario's start and plays the steps due. */
    void playUntil(Duration sinceStart) {
        clock.set(LargeSimulatedEstate.START.plus(sinceStart));
        simulator.tick();
    }

    static int runners(BenchContext context) {
        return context.smoke() ? ProxmoxPollCost.SMOKE_RUNNERS : ProxmoxPollCost.RUNNERS;
    }

    static int pollsOfEachKind(BenchContext context) {
        return context.smoke() ? ProxmoxPollCost.SMOKE_POLLS_OF_EACH_KIND : ProxmoxPollCost.POLLS_OF_EACH_KIND;
    }

    static Duration pollInterval(BenchContext context) {
        return Duration.ofMillis(context.smoke() ? 100 : 500);
    }

    /**
     * Fresh collectors one after the other, each a first poll, unchanged polls and polls after one change round of the
     * estate (the clock moved on by {@link LargeSimulatedEstate#CHANGE_EVERY}), until done or the deadline.
     */
    List<PollSample> changeRounds(BenchContext context, ProgressLine.Task progress, Instant deadline)
            throws InterruptedException {
        return PollSequence.ofRunners(endpoint, () -> {
            clock.advance(LargeSimulatedEstate.CHANGE_EVERY);
            simulator.tick();
        }, pollInterval(context), runners(context), pollsOfEachKind(context), deadline, progress);
    }

    @Override
    public void close() {
        simulator.close();
    }

    /**
     * The {@code main} of a scenario run alone, without the harness's broker (it needs none): {@code --smoke} for the
     * small sizes; the figures printed one a line.
     */
    static void runAlone(Scenario scenario, String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--smoke");
        BenchContext context = new BenchContext(null, Files.createTempDirectory("sitewatch-" + scenario.name() + "-"),
                smoke, 0, Duration.ofMinutes(15), new ProgressLine(System.out));
        for (Figure f : scenario.run(context)) {
            System.out.printf(Locale.ROOT, "%-60s %12.1f %s%n", f.measure(), f.value(),
                    f.target() == null ? "" : "target " + f.target());
        }
    }
}
