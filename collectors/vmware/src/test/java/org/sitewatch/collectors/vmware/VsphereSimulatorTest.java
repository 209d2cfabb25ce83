package org.sitewatch.collectors.vmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorSource;
import org.sitewatch.collectors.spi.EventHistory;
import org.sitewatch.collectors.spi.EventPage;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.EventData;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.VmState;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.Simulator;

/**
 * The real vSphere collector, made by its factory from the endpoint the simulator describes, against the project's
 * own simulated vCenter (no Go, no vcsim) on 127.0.0.1 with a manual clock: the first poll maps every host, the
 * cluster and every VM with their HA states, an unchanged vCenter gives the same snapshot, a host that fails is
 * FAILED in the next poll once HA has declared it down (the fence delay), and its HA event comes through the event
 * history exactly once, followed by the HA restart of its guest and its return.
 */
class VsphereSimulatorTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final String SCENARIO = """
            name: vsphere-collector-test
            clusters:
              - name: paris-vc
                platform: vsphere
                cluster: CL-Paris
                site: paris-dc1
                username: monitor@vsphere.local
                password: simulated-secret
                failoverLevel: 1
                ha: { fenceDelay: 15s, recoveryDelay: 5s, crmRound: 2s }
                nodes:
                  - { name: esx-par-1 }
                  - { name: esx-par-2 }
                  - { name: esx-par-3 }
                vms:
                  - { vmid: 100, name: par-web, node: esx-par-1, ha: true }
                  - { vmid: 101, name: par-db, node: esx-par-2, ha: true }
                  - { vmid: 102, name: par-batch, node: esx-par-3 }
                  - { vmid: 103, name: par-old, node: esx-par-3, status: stopped }
            timeline:
              - { at: 60s, cluster: paris-vc, action: node-offline, node: esx-par-2 }
              - { at: 150s, cluster: paris-vc, action: node-online, node: esx-par-2 }
            """;

    private final ManualClock clock = new ManualClock(T0);
    private Simulator simulator;
    private CollectorSource source;

    @BeforeEach
    void start() throws Exception {
        simulator = Simulator.builder(Scenario.parse(SCENARIO)).clock(clock).tickInterval(null).build().start();
        source = new VsphereCollectorFactory().create(SimulatedEndpoints.of(simulator.endpoints().get(0)), new CollectorContext(clock));
    }

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        simulator.close();
    }

    @Test
    void theFirstPollMapsTheWholeScenarioWithHaStatesAndAnUnchangedPollGivesTheSameSnapshot() throws Exception {
        PollingSource collector = (PollingSource) source;
        Snapshot first = collector.poll();

        assertThat(first.skipped()).isEmpty();
        HaCluster cluster = single(first, HaCluster.class);
        assertThat(cluster.name()).isEqualTo("CL-Paris");
        assertThat(cluster.haEnabled()).isTrue();
        assertThat(cluster.hostsTotal()).isEqualTo(3);
        assertThat(cluster.hostsHealthy()).isEqualTo(3);
        assertThat(cluster.failoverCapacity()).isEqualTo(2);
        assertThat(ofType(first, HaHost.class)).extracting(HaHost::hostName)
                .containsExactlyInAnyOrder("esx-par-1", "esx-par-2", "esx-par-3");
        assertThat(ofType(first, HaHost.class)).allSatisfy(h -> {
            assertThat(h.state()).isEqualTo(HaHostState.HEALTHY);
            assertThat(h.cluster()).isEqualTo(cluster.clusterId());
            assertThat(h.site()).isEqualTo("paris-dc1");
        });
        assertThat(ofType(first, HaHost.class)).extracting(HaHost::vendorState)
                .containsExactlyInAnyOrder("master", "connectedToMaster", "connectedToMaster");
        assertThat(ofType(first, VmState.class)).extracting(VmState::name, VmState::power, VmState::haProtected)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("par-web", PowerState.RUNNING, true),
                        org.assertj.core.groups.Tuple.tuple("par-db", PowerState.RUNNING, true),
                        org.assertj.core.groups.Tuple.tuple("par-batch", PowerState.RUNNING, false),
                        org.assertj.core.groups.Tuple.tuple("par-old", PowerState.STOPPED, false));
        assertThat(ofType(first, VmState.class)).allSatisfy(vm -> assertThat(vm.cluster()).isEqualTo(cluster.clusterId()));
        assertThat(vm(first, "par-db").host()).isEqualTo(host(first, "esx-par-2").hostId());

        Snapshot again = collector.poll();
        assertThat(again.states()).containsExactlyInAnyOrderElementsOf(first.states());
    }

    @Test
    void aFailedHostIsFailedInTheNextPollAndItsHaEventComesOnceThenTheRestartAndItsReturn() throws Exception {
        PollingSource collector = (PollingSource) source;
        Snapshot before = collector.poll();
        String failedId = host(before, "esx-par-2").hostId();
        EventHistory history = collector.eventHistory().orElseThrow();
        EventPage start = history.readAfter(null);
        assertThat(start.events()).isEmpty();

        // The node dies at 60 s; HA declares it down after the fence delay (15 s).
        advance(Duration.ofSeconds(76));
        Snapshot failed = collector.poll();
        assertThat(host(failed, "esx-par-2").state()).isEqualTo(HaHostState.FAILED);
        assertThat(host(failed, "esx-par-2").vendorState()).isEqualTo("hostDown");
        assertThat(single(failed, HaCluster.class).hostsHealthy()).isEqualTo(2);
        assertThat(single(failed, HaCluster.class).failoverCapacity()).isEqualTo(1);
        assertThat(vm(failed, "par-db").power()).as("its VM is disconnected").isEqualTo(PowerState.UNKNOWN);

        EventPage page = history.readAfter(start.nextCursor());
        assertThat(page.events()).extracting(EventPage.HistoryEvent::data).singleElement()
                .isInstanceOfSatisfying(HaHost.class, h -> {
                    assertThat(h.hostId()).isEqualTo(failedId);
                    assertThat(h.state()).isEqualTo(HaHostState.FAILED);
                    assertThat(h.vendorState()).isEqualTo("com.vmware.vc.HA.DasHostFailedEvent");
                });
        assertThat(page.events().get(0).time()).isEqualTo(T0.plusSeconds(75));
        assertThat(history.readAfter(page.nextCursor()).events()).as("once").isEmpty();

        // Recovery 5 s later: the guest runs on another host.
        advance(Duration.ofSeconds(10));
        Snapshot restarted = collector.poll();
        assertThat(vm(restarted, "par-db").power()).isEqualTo(PowerState.RUNNING);
        assertThat(vm(restarted, "par-db").host()).isNotEqualTo(failedId);
        EventPage restart = history.readAfter(page.nextCursor());
        assertThat(restart.events()).extracting(EventPage.HistoryEvent::data).anySatisfy(data ->
                assertThat(data).isInstanceOfSatisfying(HaAction.class, a -> {
                    assertThat(a.action()).isEqualTo(HaActionKind.RESTART);
                    assertThat(a.vmId()).isEqualTo(vm(before, "par-db").vmId());
                    assertThat(a.toHost()).isEqualTo(vm(restarted, "par-db").host());
                }));

        advance(Duration.ofSeconds(70));
        Snapshot back = collector.poll();
        assertThat(host(back, "esx-par-2").state()).isEqualTo(HaHostState.HEALTHY);
        assertThat(history.readAfter(restart.nextCursor()).events()).extracting(EventPage.HistoryEvent::data)
                .anySatisfy(data -> assertThat(data).isInstanceOfSatisfying(HaHost.class, h -> {
                    assertThat(h.hostId()).isEqualTo(failedId);
                    assertThat(h.state()).isEqualTo(HaHostState.HEALTHY);
                }));
    }

    @Test
    void aSessionThatExpiredIsRenewedByItselfAndTheInventoryReadAgain() throws Exception {
        PollingSource collector = (PollingSource) source;
        collector.poll();

        // vCenter ends a session unused for 30 minutes; the host failure, the HA restart and the return happen meanwhile.
        advance(Duration.ofMinutes(31));
        Snapshot after = collector.poll();
        assertThat(after.skipped()).isEmpty();
        try (CollectorSource fresh = new VsphereCollectorFactory().create(SimulatedEndpoints.of(simulator.endpoints().get(0)),
                new CollectorContext(clock))) {
            assertThat(after.states()).as("what a new collector reads")
                    .containsExactlyInAnyOrderElementsOf(((PollingSource) fresh).poll().states());
        }
        assertThat(vm(after, "par-db").host()).isNotEqualTo(host(after, "esx-par-2").hostId());
    }

    private void advance(Duration d) {
        clock.advance(d);
        simulator.tick();
    }

    /** The endpoint the embedded default would configure: the front's dotted keys become nested blocks. */

    private static HaHost host(Snapshot snapshot, String name) {
        return ofType(snapshot, HaHost.class).stream().filter(h -> name.equals(h.hostName())).findFirst().orElseThrow();
    }

    private static VmState vm(Snapshot snapshot, String name) {
        return ofType(snapshot, VmState.class).stream().filter(v -> name.equals(v.name())).findFirst().orElseThrow();
    }

    private static <T extends EventData> T single(Snapshot snapshot, Class<T> type) {
        List<T> all = ofType(snapshot, type);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static <T extends EventData> List<T> ofType(Snapshot snapshot, Class<T> type) {
        return snapshot.states().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
