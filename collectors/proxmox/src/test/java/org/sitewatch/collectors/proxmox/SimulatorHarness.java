package org.sitewatch.collectors.proxmox;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.sitewatch.collectors.runtime.CollectorManager;
import org.sitewatch.collectors.runtime.CollectorMetrics;
import org.sitewatch.collectors.runtime.CollectorRegistry;
import org.sitewatch.collectors.runtime.InMemoryEventSink;
import org.sitewatch.collectors.runtime.RetryPolicy;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.Platform;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.proxmox.ProxmoxSimulator;

/**
 * The real Proxmox simulator and the real collector runtime sharing one manual clock: the test moves
 * simulated time, the collectors poll on their (short, real-time) schedule, and everything they
 * publish lands in an in-memory sink.
 */
final class SimulatorHarness implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    /** Two 3-node sites; beta sends JSON booleans. {@code %s} is the timeline. */
    private static final String SCENARIO = """
            name: collectors-test
            sites:
              - name: alpha
                cluster: alpha
                token: "sitewatch@pve!test=aaaaaaaa-1111-4111-8111-111111111111"
                nodes:
                  - { name: a1 }
                  - { name: a2 }
                  - { name: a3 }
                vms:
                  - { vmid: 100, name: a-web, node: a1, ha: true }
                  - { vmid: 101, name: a-db, node: a2, ha: true }
                  - { vmid: 102, name: a-tools, node: a3, type: lxc }
                  - { vmid: 103, name: a-old, node: a3, status: stopped }
                  - { vmid: 9000, name: a-template, node: a1, status: stopped, template: true }
                replication:
                  - { guest: 100, target: a3, schedule: "*/1", syncEverySeconds: 20, syncDuration: 1s, retryUnitSeconds: 1 }
                  - { guest: 101, target: a3, schedule: "*/5", syncEverySeconds: 60, syncDuration: 1s, retryUnitSeconds: 1 }
              - name: beta
                cluster: beta
                token: "sitewatch@pve!test=bbbbbbbb-2222-4222-8222-222222222222"
                booleans: json
                nodes:
                  - { name: b1 }
                  - { name: b2 }
                  - { name: b3 }
                vms:
                  - { vmid: 200, name: b-web, node: b1, ha: true }
                  - { vmid: 201, name: b-batch, node: b2 }
                replication:
                  - { guest: 200, target: b2, schedule: "*/1", syncEverySeconds: 20, syncDuration: 1s, retryUnitSeconds: 1 }
            timeline:
            %s
            """;

    final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T08:00:00Z"));
    final InMemoryEventSink sink = new InMemoryEventSink();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final ProxmoxSimulator simulator;
    private CollectorManager manager;

    /** @param timeline YAML list items, each starting with "  - ", or "  []" for none */
    SimulatorHarness(String timeline) {
        this(Scenario.parse(SCENARIO.formatted(timeline)));
    }

    /** A harness on a scenario of the test's own. */
    SimulatorHarness(Scenario scenario) {
        simulator = ProxmoxSimulator.builder(scenario)
                .clock(clock).tickInterval(null).faultHold(Duration.ofSeconds(2)).build().start();
    }

    /** An endpoint for a simulated site: collector id {@code <site>-pve}, polling every 50 ms. */
    EndpointConfig.Builder endpoint(String site) {
        return EndpointConfig.builder(site + "-pve", site, Platform.PROXMOX)
                .setting("url", simulator.baseUrl(site))
                .setting("api-token", simulator.apiToken(site))
                .pollInterval(Duration.ofMillis(50))
                .timeout(Duration.ofMillis(500))
                .resyncEvery(1000);
    }

    SimulatorHarness start(EndpointConfig... endpoints) {
        manager = new CollectorManager(List.of(endpoints), CollectorRegistry.discover(), sink, meters, clock,
                new RetryPolicy(Duration.ofMillis(200), Duration.ofMillis(300)));
        manager.start();
        return this;
    }

    /** Moves simulated time and lets the simulator apply what became due. */
    void advance(Duration d) {
        clock.advance(d);
        simulator.tick();
    }

    /** Waits until the collector has polled twice more, so at least one poll saw the current time. */
    void awaitFreshPolls(String collectorId) {
        int seen = sink.heartbeats(collectorId).size();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> sink.heartbeats(collectorId).size() >= seen + 2);
    }

    /** Advances in steps, polling after each, up to {@code total}. */
    void advanceAndPoll(Duration total, Duration step, String collectorId) {
        for (Duration done = Duration.ZERO; done.compareTo(total) < 0; done = done.plus(step)) {
            advance(step);
            awaitFreshPolls(collectorId);
        }
    }

    double errors(String collectorId, String kind) {
        return meters.get(CollectorMetrics.ERRORS).tag("collector", collectorId).tag("kind", kind).counter().count();
    }

    double up(String collectorId) {
        return meters.get(CollectorMetrics.UP).tag("collector", collectorId).gauge().value();
    }

    @Override
    public void close() {
        if (manager != null) {
            manager.stop();
        }
        simulator.close();
    }
}
