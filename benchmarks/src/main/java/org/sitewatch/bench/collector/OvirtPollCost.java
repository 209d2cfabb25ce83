package org.sitewatch.bench.collector;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import org.sitewatch.bench.harness.BenchContext;
import org.sitewatch.bench.harness.Figure;
import org.sitewatch.bench.harness.ProgressLine;
import org.sitewatch.bench.harness.Scenario;
import org.sitewatch.events.Platform;

/**
 * What one poll of an oVirt / RHV engine with 5,000 VMs on 16 hosts costs the oVirt collector, with its event feed
 * (issue 13). The project's simulator serves the engine (SSO token endpoint, REST API v4 in JSON, the event list
 * derived from what the engine model does) on 127.0.0.1, every fourth VM highly available (100 VMs in smoke mode).
 * The real collector polls it through the collector runtime as {@link HypervPollCost} does: a first poll (token,
 * {@code /datacenters}, {@code /clusters}, {@code /hosts}, {@code /vms}, then the event list's newest index), polls
 * with nothing changed (the four listings and one {@code /events?from=} read), and polls after 1 % of the VMs were
 * stopped or started (their USER_STOP_VM / USER_RUN_VM events are read but are no HA actions).
 *
 * <p>Then the events page: one more collector, whose polls after its unchanged ones each find
 * {@value #BURST_EVENTS} new engine events ({@value #BURST_VMS} HA VMs live-migrated to another host and back:
 * VM_MIGRATION_START and VM_MIGRATION_DONE twice each), read in the runtime's default 10 pages of the collector's
 * default {@code event-page} of 100 and mapped to HA actions. Every VM is back on its host when the poll runs, so the
 * inventory is unchanged: the difference to an unchanged poll is the cost of the events.
 */
public final class OvirtPollCost implements Scenario {

    static final int VMS = 5_000;
    static final int SMOKE_VMS = 100;
    static final int HOSTS = 16;
    /** HA VMs migrated away and back in one burst: four engine events each. */
    static final int BURST_VMS = 250;
    static final int BURST_EVENTS = 4 * BURST_VMS;
    static final int MAX_BURSTS = 8;
    private static final Duration BURST_EVERY = Duration.ofSeconds(30);
    /** How long a migration takes to settle in the simulator's engine (its HA {@code crmRound}). */
    private static final Duration MIGRATION = Duration.ofSeconds(2);

    @Override
    public String name() {
        return "ovirt-poll-cost";
    }

    @Override
    public String description() {
        return "oVirt collector polling a simulated engine (REST API v4, SSO, event list) with 5,000 VMs on 16 hosts "
                + "through the collector runtime: CPU of the collector's threads and wall time per poll, events per poll "
                + "(first, unchanged, 1 % changed), and polls reading 1,000 new engine events (10 pages of 100)";
    }

    /** The engine's estate and, after its change rounds, the bursts of live migrations there and back. */
    static LargeSimulatedEstate estate(int vms) {
        LargeSimulatedEstate estate = new LargeSimulatedEstate("ovirt", "bench-rhv", "bench-rhv-dc1", "rhv-bench", vms,
                HOSTS).clusterKey("password", "bench-ovirt-simulated")
                .clusterKey("ha", "{ fenceDelay: 20s, recoveryDelay: 10s, crmRound: " + MIGRATION.toSeconds() + "s }");
        int burstVms = burstVms(estate);
        for (int burst = 0; burst < MAX_BURSTS; burst++) {
            long away = burstStart(estate, burst).toSeconds();
            long back = burstStart(estate, burst).plus(MIGRATION.multipliedBy(2)).toSeconds();
            for (int n = 0; n < burstVms; n++) {
                int i = 4 * n; // the HA VMs, in order
                String neighbour = estate.host(1 + (i + 1) % estate.hosts());
                estate.step(migrate(estate, away, i, neighbour));
                estate.step(migrate(estate, back, i, estate.hostOf(i)));
            }
        }
        return estate;
    }

    private static String migrate(LargeSimulatedEstate estate, long at, int i, String to) {
        return "{ at: " + at + "s, cluster: " + estate.name() + ", action: ha-migrate, sid: \"vm:"
                + LargeSimulatedEstate.vmid(i) + "\", node: " + to + " }";
    }

    /** {@value #BURST_VMS} HA VMs, or every HA VM of a smaller estate. */
    static int burstVms(LargeSimulatedEstate estate) {
        return Math.min(BURST_VMS, estate.haVms());
    }

    private static Duration burstStart(LargeSimulatedEstate estate, int burst) {
        return estate.afterChangeRounds().plus(BURST_EVERY.multipliedBy(burst));
    }

    /**
     * Plays one burst: away (the engine writes VM_MIGRATION_START), settled (VM_MIGRATION_DONE), back, settled. The
     * simulated engine writes its events when it looks at its model, at each tick, so each phase gets its own tick.
     */
    private static void playBurst(SimulatedEstateRun run, LargeSimulatedEstate estate, int burst) {
        if (burst >= MAX_BURSTS) {
            throw new IllegalStateException("the scenario has " + MAX_BURSTS + " bursts of migrations, all played");
        }
        Duration start = burstStart(estate, burst);
        for (int phase = 0; phase < 4; phase++) {
            run.playUntil(start.plus(MIGRATION.multipliedBy(phase)));
        }
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        LargeSimulatedEstate estate = estate(context.smoke() ? SMOKE_VMS : VMS);
        int polls = SimulatedEstateRun.pollsOfEachKind(context);
        int burstEvents = 4 * burstVms(estate);
        ProgressLine.Task progress = context.progress(name());
        progress.say(String.format(Locale.ROOT, "%,d VMs on %d hosts, %,d HA; %d collectors x (1 first + %d unchanged + "
                        + "%d changed polls), then 1 x (1 first + %d unchanged + %d polls after %,d engine events)",
                estate.vms(), estate.hosts(), estate.haVms(), SimulatedEstateRun.runners(context), polls, polls, polls,
                polls, burstEvents));
        Instant deadline = Instant.now().plus(context.scenarioLimit());
        List<Figure> figures;
        List<PollSample> burstPolls;
        try (SimulatedEstateRun run = new SimulatedEstateRun(estate, Platform.OVIRT)) {
            figures = new ArrayList<>(PollCostFigures.of(name(), estate.vms(), estate.changedPerRound(),
                    run.changeRounds(context, progress, deadline)));
            AtomicInteger bursts = new AtomicInteger();
            Duration left = Duration.between(Instant.now(), deadline);
            burstPolls = left.isNegative() || left.isZero() ? List.of()
                    : new PollSequence(run.endpoint(), () -> playBurst(run, estate, bursts.getAndIncrement()),
                            SimulatedEstateRun.pollInterval(context), 0, polls, polls).run(left);
        }
        burstPolls.forEach(p -> progress.say("events page: " + PollCostFigures.describe(p)));
        figures.addAll(eventsPageFigures(burstEvents, burstPolls));
        return figures;
    }

    /** The events page's figures: the burst polls against the same collector's unchanged ones. */
    private List<Figure> eventsPageFigures(int burstEvents, List<PollSample> polls) {
        List<PollSample> unchanged = polls.stream().filter(p -> p.kind() == PollSample.Kind.UNCHANGED).toList();
        List<PollSample> burst = polls.stream().filter(p -> p.kind() == PollSample.Kind.CHANGED).toList();
        if (unchanged.isEmpty() || burst.isEmpty()) {
            return List.of();
        }
        double unchangedCpu = median(unchanged, PollSample::cpuNanos);
        double burstCpu = median(burst, PollSample::cpuNanos);
        String label = String.format(Locale.ROOT, "after %,d engine events", burstEvents);
        return List.of(
                Figure.of(name(), "engine events per events-page poll", burstEvents),
                Figure.of(name(), "cpu ms per poll, unchanged (events-page collector)", unchangedCpu / 1e6),
                Figure.of(name(), "cpu ms per poll, " + label, burstCpu / 1e6).withTarget("< 1000"),
                Figure.of(name(), "wall ms per poll, " + label, median(burst, PollSample::wallNanos) / 1e6),
                Figure.of(name(), "MB allocated per poll, " + label, median(burst, PollSample::allocatedBytes) / 1e6),
                Figure.of(name(), "cpu us per engine event (vs unchanged)", (burstCpu - unchangedCpu) / 1e3 / burstEvents),
                Figure.of(name(), "events " + label, burst.stream().mapToInt(PollSample::events).max().orElse(0))
                        .withTarget("= " + burstEvents));
    }

    private static double median(List<PollSample> samples, ToLongFunction<PollSample> value) {
        long[] sorted = samples.stream().mapToLong(value).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /**
     * Runs the scenario alone:
     * {@code java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.sitewatch.bench.collector.OvirtPollCost [--smoke]}.
     */
    public static void main(String[] args) throws Exception {
        SimulatedEstateRun.runAlone(new OvirtPollCost(), args);
    }
}
