package org.sitewatch.bench.collector;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.Library;
import org.sitewatch.bench.harness.BenchContext;
import org.sitewatch.bench.harness.Figure;
import org.sitewatch.bench.harness.ProgressLine;
import org.sitewatch.bench.harness.Scenario;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;

/**
 * What libvirt's lifecycle events cost the libvirt collector on 5,000 domains (issue 12: "event cost on 5,000
 * domains: events per second handled, CPU per event"). The benchmark opens its own read-write connection to
 * libvirt's in-process {@code test:///default} driver (the real libvirt0, shared by every connection of the
 * process) and defines and starts 5,000 small domains in a loop before the collector starts (the only way to fill
 * that shared driver: a node XML would be a separate driver per URI). The real collector then runs through the
 * collector runtime as the app runs it, publishing to a counting sink: its first full listing (wall time, CPU of
 * its threads), then a burst in which the benchmark suspends 1,000 domains and resumes them (2,000 lifecycle
 * events): events handled per second from the first change to the last VM state in the sink, CPU per event, and
 * events lost (a change whose state never reached the sink). The collector's threads are the runtime's endpoint
 * thread, the subscription's {@code libvirt-<id>} and libvirt's event loop ({@code libvirt-event-loop}), which
 * runs the collector's callbacks; the driver's own work for a change runs on the benchmark's thread and is not
 * counted. The domains are removed at the end (the driver lives as long as the process).
 */
public final class LibvirtEventCost implements Scenario {

    static final int DOMAINS = 5_000;
    static final int SUSPENDED = 1_000;
    static final int SMOKE_DOMAINS = 200;
    static final int SMOKE_SUSPENDED = 50;
    private static final String PREFIX = "bench-evt-";
    private static final String ENDPOINT = "libvirt-event-cost";

    @Override
    public String name() {
        return "libvirt-event-cost";
    }

    @Override
    public String description() {
        return "libvirt collector on libvirt's test:///default driver with 5,000 domains through the collector runtime: "
                + "first full listing (wall, CPU of the collector's threads), then 1,000 domains suspended and resumed "
                + "(2,000 events): events per second, CPU µs per event, events lost";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        int domains = context.smoke() ? SMOKE_DOMAINS : DOMAINS;
        int suspended = context.smoke() ? SMOKE_SUSPENDED : SUSPENDED;
        ProgressLine.Task progress = context.progress(name());
        Instant deadline = Instant.now().plus(context.scenarioLimit());
        Library.initEventLoop(); // libvirt wants its event loop registered before the first connection; idempotent
        Connect actor = new Connect("test:///default", false);
        try {
            removeBenchDomains(actor);
            List<Domain> started = defineAndStart(actor, domains, progress);
            EventCostFigures measured = measure(started, suspended, deadline, progress);
            return measured.figures(name());
        } finally {
            removeBenchDomains(actor);
            actor.close();
        }
    }

    private static List<Domain> defineAndStart(Connect actor, int domains, ProgressLine.Task progress) throws LibvirtException {
        long began = System.nanoTime();
        List<Domain> started = new ArrayList<>(domains);
        for (int i = 0; i < domains; i++) {
            Domain domain = actor.domainDefineXML(domainXml(String.format(Locale.ROOT, "%s%05d", PREFIX, i),
                    UUID.randomUUID().toString()));
            domain.create();
            started.add(domain);
            progress.update("domains defined and started", i + 1, domains);
        }
        progress.say(String.format(Locale.ROOT, "%,d domains defined and started in %.1f s (one connection, in a loop)",
                domains, (System.nanoTime() - began) / 1e9));
        return started;
    }

    private static EventCostFigures measure(List<Domain> domains, int suspended, Instant deadline,
                                            ProgressLine.Task progress) throws Exception {
        VmStateTally sink = new VmStateTally(vm -> vm.name().startsWith(PREFIX));
        CollectorThreadsCpu cpu = new CollectorThreadsCpu(t -> t.getThreadName().startsWith("sitewatch-collector-")
                || t.getThreadName().startsWith("libvirt-"));
        List<Domain> changed = domains.subList(0, suspended);
        return EventCostRun.measure(endpoint(), sink, cpu, Map.of(PowerState.RUNNING, domains.size()),
                Map.of(PowerState.PAUSED, suspended, PowerState.RUNNING, suspended), () -> {
                    for (Domain domain : changed) {
                        domain.suspend();
                    }
                    for (Domain domain : changed) {
                        domain.resume();
                    }
                }, deadline, progress);
    }

    /** One host, the shared test driver, as the launcher configures it. */
    private static EndpointConfig endpoint() {
        return EndpointConfig.builder(ENDPOINT, "kvm-bench", Platform.LIBVIRT)
                .setting("hosts", List.of(Map.of("name", "kvm1", "uri", "test:///default")))
                .pollInterval(Duration.ofSeconds(5)).timeout(Duration.ofSeconds(60)).build();
    }

    private static String domainXml(String name, String uuid) {
        return "<domain type='test'><name>" + name + "</name><uuid>" + uuid + "</uuid>"
                + "<memory>65536</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>";
    }

    /** Destroys and undefines every domain this scenario defines, left over or not. */
    private static void removeBenchDomains(Connect actor) throws LibvirtException {
        for (int id : actor.listDomains()) {
            Domain domain = actor.domainLookupByID(id);
            if (domain.getName().startsWith(PREFIX)) {
                domain.destroy();
            }
        }
        for (String name : actor.listDefinedDomains()) {
            if (name.startsWith(PREFIX)) {
                actor.domainLookupByName(name).undefine();
            }
        }
    }

    /**
     * Runs the scenario alone, without the harness's broker (it needs none):
     * {@code java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.sitewatch.bench.collector.LibvirtEventCost [--smoke]}.
     */
    public static void main(String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--smoke");
        BenchContext context = new BenchContext(null, Files.createTempDirectory("sitewatch-libvirt-event-cost-"), smoke, 0,
                Duration.ofMinutes(15), new ProgressLine(System.out));
        for (Figure f : new LibvirtEventCost().run(context)) {
            System.out.printf(Locale.ROOT, "%-45s %12.1f %s%n", f.measure(), f.value(), f.target() == null ? "" : "target " + f.target());
        }
    }
}
