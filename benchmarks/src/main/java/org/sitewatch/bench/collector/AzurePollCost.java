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
import org.sitewatch.events.SiteLocation;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;

/**
 * What one poll of a Recovery Services vault with 5,000 protected items costs the Azure collector (issue 11: "poll
 * cost on ... a 5,000-item vault"). The project's simulator serves the vault over its Azure front (Entra ID's token
 * endpoint and Azure Resource Manager over HTTPS on 127.0.0.1, protected items in pages of the front's default size,
 * 100, joined by {@code nextLink}); the items are Hyper-V hosts' VMs protected to Azure (100 items in smoke mode).
 * The real collector polls it through the collector runtime as {@link HypervPollCost} does: a first poll, polls with
 * nothing changed, and polls after 1 % of the items were test-failed over (the simulator's clock moved on by one
 * change round). CPU is the collector's own threads'; wall time includes the simulator writing the ARM pages and the
 * HTTPS round trips. The front does not count the ARM calls it answers, so the figures leave them out.
 */
public final class AzurePollCost implements Scenario {

    static final int ITEMS = 5_000;
    static final int SMOKE_ITEMS = 100;

    @Override
    public String name() {
        return "azure-poll-cost";
    }

    @Override
    public String description() {
        return "Azure collector polling a simulated Recovery Services vault of 5,000 protected items (ARM over HTTPS, "
                + "paged) through the collector runtime: CPU of the collector's threads and wall time per poll, events "
                + "per poll (first, unchanged, 1 % changed)";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        LargeAzureVault vault = new LargeAzureVault(context.smoke() ? SMOKE_ITEMS : ITEMS);
        int runners = context.smoke() ? ProxmoxPollCost.SMOKE_RUNNERS : ProxmoxPollCost.RUNNERS;
        int polls = context.smoke() ? ProxmoxPollCost.SMOKE_POLLS_OF_EACH_KIND : ProxmoxPollCost.POLLS_OF_EACH_KIND;
        ProgressLine.Task progress = context.progress(name());
        progress.say(String.format(Locale.ROOT, "%,d protected items in one vault; %d collectors x (1 first + %d "
                + "unchanged + %d changed polls)", vault.items(), runners, polls, polls));
        Instant deadline = Instant.now().plus(context.scenarioLimit());
        Duration interval = Duration.ofMillis(context.smoke() ? 100 : 500);
        ManualClock simulatorClock = new ManualClock(LargeAzureVault.START);
        List<PollSample> samples = new ArrayList<>();
        try (Simulator simulator = Simulator.builder(vault.scenario()).clock(simulatorClock).tickInterval(null)
                .faultHold(Duration.ofSeconds(5)).build().start()) {
            EndpointConfig endpoint = endpoint(simulator.endpoints().get(0));
            samples.addAll(PollSequence.ofRunners(endpoint, () -> {
                simulatorClock.advance(LargeAzureVault.CHANGE_EVERY);
                simulator.tick();
            }, interval, runners, polls, deadline, progress));
        }
        return PollCostFigures.of(name(), vault.items(), vault.changedPerRound(), samples);
    }

    /** The endpoint as the launcher configures it. */
    private static EndpointConfig endpoint(SimulatedEndpoint simulated) {
        return EndpointConfig.builder(simulated.id(), simulated.site(), Platform.AZURE)
                .location(new SiteLocation(simulated.cloud(), simulated.region()))
                .settings(PropertyTree.of(simulated.vendorProperties())).timeout(Duration.ofSeconds(30)).build();
    }

    /**
     * Runs the scenario alone, without the harness's broker (it needs none):
     * {@code java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.sitewatch.bench.collector.AzurePollCost [--smoke]}.
     */
    public static void main(String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--smoke");
        BenchContext context = new BenchContext(null, Files.createTempDirectory("sitewatch-azure-poll-cost-"), smoke, 0,
                Duration.ofMinutes(15), new ProgressLine(System.out));
        for (Figure f : new AzurePollCost().run(context)) {
            System.out.printf(Locale.ROOT, "%-45s %12.1f %s%n", f.measure(), f.value(), f.target() == null ? "" : "target " + f.target());
        }
    }
}
