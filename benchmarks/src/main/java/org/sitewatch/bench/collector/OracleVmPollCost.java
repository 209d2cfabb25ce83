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
 * What one poll of an Oracle VM Manager with 5,000 VMs on 16 Oracle VM Servers in one server pool costs the Oracle VM
 * collector (issue 13). The project's simulator serves the manager's Web Services REST API (Oracle VM Manager 3.4,
 * {@code /ovm/core/wsapi/rest}) on 127.0.0.1, every fourth VM HA-enabled (100 VMs in smoke mode); the real collector
 * polls it through the collector runtime as {@link HypervPollCost} does: a first poll (the Basic login, then
 * {@code /Vm}, {@code /Server}, {@code /ServerPool} with the session cookie), polls with nothing changed (the
 * manager's run state, then the three listings), and polls after 1 % of the VMs were stopped or started. CPU is the
 * collector's own threads'; wall time includes the simulator writing the listings on the same machine.
 */
public final class OracleVmPollCost implements Scenario {

    static final int VMS = 5_000;
    static final int SMOKE_VMS = 100;
    static final int SERVERS = 16;

    @Override
    public String name() {
        return "oraclevm-poll-cost";
    }

    @Override
    public String description() {
        return "Oracle VM collector polling a simulated Oracle VM Manager 3.4 (REST) with 5,000 VMs on 16 servers in one "
                + "pool through the collector runtime: CPU of the collector's threads and wall time per poll, events per "
                + "poll (first, unchanged, 1 % changed)";
    }

    static LargeSimulatedEstate estate(int vms) {
        return new LargeSimulatedEstate("oraclevm", "bench-ovmm", "bench-ovm-dc1", "ovs-bench", vms, SERVERS)
                .clusterKey("poolName", "bench-ovm-pool");
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        LargeSimulatedEstate estate = estate(context.smoke() ? SMOKE_VMS : VMS);
        ProgressLine.Task progress = context.progress(name());
        progress.say(String.format(Locale.ROOT, "%,d VMs on %d servers in one pool; %d collectors x (1 first + %d "
                        + "unchanged + %d changed polls)", estate.vms(), estate.hosts(), SimulatedEstateRun.runners(context),
                SimulatedEstateRun.pollsOfEachKind(context), SimulatedEstateRun.pollsOfEachKind(context)));
        Instant deadline = Instant.now().plus(context.scenarioLimit());
        try (SimulatedEstateRun run = new SimulatedEstateRun(estate, Platform.ORACLEVM)) {
            return PollCostFigures.of(name(), estate.vms(), estate.changedPerRound(),
                    run.changeRounds(context, progress, deadline));
        }
    }

    /**
     * Runs the scenario alone:
     * {@code java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.sitewatch.bench.collector.OracleVmPollCost [--smoke]}.
     */
    public static void main(String[] args) throws Exception {
        SimulatedEstateRun.runAlone(new OracleVmPollCost(), args);
    }
}
