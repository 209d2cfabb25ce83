package org.sitewatch.bench.collector;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.sitewatch.bench.harness.BenchContext;
import org.sitewatch.bench.harness.Figure;
import org.sitewatch.bench.harness.ProgressLine;
import org.sitewatch.bench.harness.Scenario;
import org.sitewatch.events.Platform;

/**
 * What one poll of a Citrix DaaS customer with 5,000 VDI machines in 10 delivery groups on 16 hosting servers costs
 * the Citrix collector in cloud mode (issue 13). The project's simulator serves Citrix Cloud's client-credentials token
 * endpoint and the Monitor Service's OData v4 {@code Machines} on 127.0.0.1, in the service's pages of 100 joined by
 * {@code @odata.nextLink}, so 50 pages a poll (100 machines, one page, in smoke mode). The real collector polls it
 * through the collector runtime as {@link HypervPollCost} does: a first poll (the token, then the listing), polls with
 * nothing changed and polls after 1 % of the machines were stopped or started. CPU is the collector's own threads';
 * wall time includes the simulator writing the pages on the same machine.
 */
public final class CitrixPollCost implements Scenario {

    static final int MACHINES = 5_000;
    static final int SMOKE_MACHINES = 100;
    static final int HOSTING_SERVERS = 16;
    static final int DELIVERY_GROUPS = 10;

    @Override
    public String name() {
        return "citrix-poll-cost";
    }

    @Override
    public String description() {
        return "Citrix collector (cloud mode) polling a simulated Monitor Service (OData v4, pages of 100) with 5,000 "
                + "machines in 10 delivery groups on 16 hosting servers through the collector runtime: CPU of the "
                + "collector's threads and wall time per poll, events per poll (first, unchanged, 1 % changed)";
    }

    /** Machines in delivery groups of consecutive guests, so the 1 % a round changes is spread over every group. */
    static LargeSimulatedEstate estate(int machines) {
        StringBuilder groups = new StringBuilder();
        int perGroup = (machines + DELIVERY_GROUPS - 1) / DELIVERY_GROUPS;
        for (int i = 0; i < machines; i++) {
            if (i % perGroup == 0) {
                groups.append(i == 0 ? "" : "; ").append("Desktops ").append(1 + i / perGroup).append('=');
            } else {
                groups.append(',');
            }
            groups.append(LargeSimulatedEstate.vmName(i));
        }
        return new LargeSimulatedEstate("citrix", "bench-ctx", "bench-ctx-dc1", "ctx-hv", machines, HOSTING_SERVERS)
                .clusterKey("customer-id", "benchcustomer")
                .clusterKey("delivery-groups", "\"" + groups + "\"");
    }

    /**
     * Records a change round gives: each stopped or started machine's state, and its delivery group's registered share
     * (a machine powered off is no longer expected to serve), every group having some of the round's machines.
     */
    static int recordsPerChangeRound(LargeSimulatedEstate estate) {
        return estate.changedPerRound() + Math.min(DELIVERY_GROUPS, estate.changedPerRound());
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        LargeSimulatedEstate estate = estate(context.smoke() ? SMOKE_MACHINES : MACHINES);
        ProgressLine.Task progress = context.progress(name());
        progress.say(String.format(Locale.ROOT, "%,d machines in %d delivery groups on %d hosting servers; %d collectors "
                        + "x (1 first + %d unchanged + %d changed polls)", estate.vms(), DELIVERY_GROUPS, estate.hosts(),
                SimulatedEstateRun.runners(context), SimulatedEstateRun.pollsOfEachKind(context),
                SimulatedEstateRun.pollsOfEachKind(context)));
        Instant deadline = Instant.now().plus(context.scenarioLimit());
        try (SimulatedEstateRun run = new SimulatedEstateRun(estate, Platform.CITRIX)) {
            return PollCostFigures.of(name(), estate.vms(), recordsPerChangeRound(estate),
                    run.changeRounds(context, progress, deadline));
        }
    }

    /**
     * Runs the scenario alone:
     * {@code java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.sitewatch.bench.collector.CitrixPollCost [--smoke]}.
     */
    public static void main(String[] args) throws Exception {
        SimulatedEstateRun.runAlone(new CitrixPollCost(), args);
    }
}
