package org.sitewatch.bench.collector;

import ch.qos.logback.classic.Level;
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
import org.sitewatch.events.Platform;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.proxmox.ProxmoxSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one poll of a large Proxmox VE cluster costs the collector, target of issue 16: "a poll of a
 * simulated 10,000-VM Proxmox cluster costs < 1 s of CPU including the diff; an unchanged inventory
 * emits no events besides the heartbeat". The project's simulator serves one cluster of 10,000 VMs on
 * 16 nodes with 2,000 pvesr jobs (500 VMs in smoke mode) on 127.0.0.1; the real Proxmox collector
 * polls it through the collector runtime (HTTP, mapping, change detection, checkpoint writes, event
 * building) into an in-memory sink.
 *
 * <p>Each of {@value #RUNNERS} fresh collectors ({@value #SMOKE_RUNNERS} in smoke mode) makes a first
 * poll (everything is new), polls that find nothing changed, and polls after 1 % of the VMs were
 * stopped or started. The first collector warms the JIT up: figures are medians over the later ones
 * (its cold first poll is reported on its own). CPU is the collector's own threads'
 * ({@link CollectorThreadsCpu}; GC and the simulator not counted); wall time runs from the poll's
 * start to its heartbeat, so it includes the simulator building its answers on the same machine.
 */
public final class ProxmoxPollCost implements Scenario {

    static final int VMS = 10_000;
    static final int SMOKE_VMS = 500;
    static final int RUNNERS = 3;
    static final int POLLS_OF_EACH_KIND = 4;
    /** Smoke mode: the same code paths, just enough polls to see each kind once warm. */
    static final int SMOKE_RUNNERS = 2;
    static final int SMOKE_POLLS_OF_EACH_KIND = 2;

    @Override
    public String name() {
        return "proxmox-poll-cost";
    }

    @Override
    public String description() {
        return "Proxmox collector polling a simulated 10,000-VM cluster through the collector runtime: CPU of the "
                + "collector's threads and wall time per poll, events per poll (first, unchanged, 1 % changed)";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        LargeProxmoxCluster cluster = new LargeProxmoxCluster(context.smoke() ? SMOKE_VMS : VMS);
        int runners = context.smoke() ? SMOKE_RUNNERS : RUNNERS;
        int polls = context.smoke() ? SMOKE_POLLS_OF_EACH_KIND : POLLS_OF_EACH_KIND;
        ProgressLine.Task progress = context.progress(name());
        progress.say(String.format(Locale.ROOT, "%,d VMs, %d nodes, %,d replication jobs; %d collectors x (1 first + %d "
                        + "unchanged + %d changed polls)", cluster.vms(), LargeProxmoxCluster.NODES, cluster.replicationJobs(),
                runners, polls, polls));
        Instant deadline = Instant.now().plus(context.scenarioLimit());
        Duration interval = Duration.ofMillis(context.smoke() ? 100 : 500);
        ManualClock simulatorClock = new ManualClock(LargeProxmoxCluster.START);
        List<PollSample> samples = new ArrayList<>();
        try (ProxmoxSimulator simulator = ProxmoxSimulator.builder(cluster.scenario()).clock(simulatorClock)
                .tickInterval(null).build().start()) {
            for (int runner = 0; runner < runners; runner++) {
                Duration left = Duration.between(Instant.now(), deadline);
                if (left.isNegative() || left.isZero()) {
                    progress.say("scenario limit reached; reporting the polls measured so far");
                    break;
                }
                List<PollSample> polled = new PollSequence(endpoint(simulator), () -> simulatorClock.advance(
                        LargeProxmoxCluster.CHANGE_EVERY), interval, runner, polls, polls).run(left);
                polled.forEach(p -> progress.say(PollCostFigures.describe(p)));
                samples.addAll(polled);
            }
        }
        return PollCostFigures.of(name(), cluster.vms(), cluster.changedPerRound(), samples);
    }

    private static EndpointConfig endpoint(ProxmoxSimulator simulator) {
        return EndpointConfig.builder(LargeProxmoxCluster.CLUSTER, LargeProxmoxCluster.SITE, Platform.PROXMOX)
                .setting("url", simulator.baseUrl(LargeProxmoxCluster.CLUSTER))
                .setting("api-token", simulator.apiToken(LargeProxmoxCluster.CLUSTER))
                .build();
    }

    /** Without a logback file logback logs DEBUG; the simulator would also log every one of its change steps. */
    private static void quietLogs() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.sitewatch.simulator")).setLevel(Level.WARN);
    }

    /**
     * Runs the scenario alone, without the harness's broker (it needs none):
     * {@code java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.sitewatch.bench.collector.ProxmoxPollCost [--smoke]}.
     */
    public static void main(String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--smoke");
        quietLogs();
        ProxmoxPollCost scenario = new ProxmoxPollCost();
        BenchContext context = new BenchContext(null, Files.createTempDirectory("sitewatch-poll-cost-"), smoke, 0,
                Duration.ofMinutes(15), new ProgressLine(System.out));
        List<Figure> figures = scenario.run(context);
        for (Figure f : figures) {
            System.out.printf(Locale.ROOT, "%-45s %12.1f %s%n", f.measure(), f.value(), f.target() == null ? "" : "target " + f.target());
        }
    }
}
