package org.sitewatch.collectors.hyperv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.settings.PropertyTree;
import org.sitewatch.collectors.spi.PartialRead;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.EventData;
import org.sitewatch.events.EventType;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.VmState;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;

/**
 * The real Hyper-V collector, made by its factory from the endpoint the simulator describes, against the
 * simulator's WinRM listeners on 127.0.0.1 with a manual clock: the cluster read node by node and mapped, a
 * Hyper-V Replica link failing, a node going down (FAILED, its role moving as an HA action), one node timing
 * out (a partial read of that node) and every listener refusing the login (the poll fails as AUTH).
 */
class HypervSimulatorTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final String SCENARIO = """
            name: hyperv-collector-test
            clusters:
              - name: paris-hv
                platform: hyperv
                cluster: HVC-PARIS
                site: paris
                username: monitor
                password: simulated-secret
                ha: { fenceDelay: 15s, recoveryDelay: 5s, crmRound: 2s }
                nodes:
                  - { name: hv-par-1 }
                  - { name: hv-par-2 }
                  - { name: hv-par-3 }
                  - { name: rep-mad-1, site: madrid }
                vms:
                  - { vmid: 100, name: par-web, node: hv-par-2, ha: true }
                  - { vmid: 101, name: par-db, node: hv-par-1, ha: true }
                  - { vmid: 102, name: par-batch, node: hv-par-3 }
                  - { vmid: 103, name: par-old, node: hv-par-3, status: stopped }
                replication:
                  - { guest: 101, target: rep-mad-1, syncEverySeconds: 30, syncDuration: 2s, retryUnitSeconds: 1 }
            timeline:
              - { at: 60s, cluster: paris-hv, action: replication-fail, job: 101-0, error: "disk write failed" }
              - { at: 100s, cluster: paris-hv, action: node-offline, node: hv-par-2 }
              - { at: 200s, cluster: paris-hv, action: api-fault, kind: timeout, path: /hv-par-3, duration: 30s }
              - { at: 300s, cluster: paris-hv, action: api-fault, kind: auth, path: /wsman, duration: 30s }
            """;

    private final ManualClock clock = new ManualClock(T0);
    private Simulator simulator;
    private HypervCollector collector;

    @BeforeEach
    void start() throws Exception {
        simulator = Simulator.builder(Scenario.parse(SCENARIO)).clock(clock).tickInterval(null)
                .faultHold(Duration.ofMillis(1500)).build().start();
        collector = (HypervCollector) new HypervCollectorFactory().create(endpoint(simulator.endpoints().get(0)),
                new CollectorContext(clock));
    }

    @AfterEach
    void stop() {
        if (collector != null) {
            collector.close();
        }
        simulator.close();
    }

    @Test
    void mapsTheClusterReadNodeByNodeWithItsReplicationToTheOtherSite() throws Exception {
        advance(45);
        Snapshot s = collector.poll();

        assertThat(s.unreadable()).isEmpty();
        assertThat(s.skipped()).isEmpty();
        assertThat(ofType(s, VmState.class)).extracting(VmState::name, VmState::host, VmState::power, VmState::haProtected)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("par-web", "HV-PAR-2", PowerState.RUNNING, true),
                        org.assertj.core.groups.Tuple.tuple("par-db", "HV-PAR-1", PowerState.RUNNING, true),
                        org.assertj.core.groups.Tuple.tuple("par-batch", "HV-PAR-3", PowerState.RUNNING, false),
                        org.assertj.core.groups.Tuple.tuple("par-old", "HV-PAR-3", PowerState.STOPPED, false));
        assertThat(ofType(s, HaHost.class)).extracting(HaHost::hostName, HaHost::state).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("hv-par-1", HaHostState.HEALTHY),
                org.assertj.core.groups.Tuple.tuple("hv-par-2", HaHostState.HEALTHY),
                org.assertj.core.groups.Tuple.tuple("hv-par-3", HaHostState.HEALTHY));
        assertThat(ofType(s, HaCluster.class)).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("HVC-PARIS"));
        ReplicationStatus db = replication(s, "par-db");
        assertThat(db.state()).isEqualTo(ReplicationState.REPLICATING);
        assertThat(db.health()).isEqualTo(ReplicationHealth.OK);
        assertThat(db.sourceSite()).isEqualTo("paris");
        assertThat(db.targetSite()).isEqualTo("madrid");
        assertThat(db.sourceHost()).isEqualTo("HV-PAR-1");
        assertThat(db.technology()).isEqualTo("hyperv-replica");
        assertThat(db.lastRecoveryPoint()).isAfter(T0);
    }

    @Test
    void aFailingReplicationIsFailedAndCriticalWithItsTargetSite() throws Exception {
        advance(95);
        ReplicationStatus db = replication(collector.poll(), "par-db");

        assertThat(db.state()).isEqualTo(ReplicationState.FAILED);
        assertThat(db.health()).isEqualTo(ReplicationHealth.CRITICAL);
        assertThat(db.targetSite()).isEqualTo("madrid");
        assertThat(db.error()).contains("disk write failed");
        assertThat(db.failCount()).isPositive();
    }

    @Test
    void aNodeGoingDownIsFailedAndItsRoleMovesAsAnHaAction() throws Exception {
        advance(90);
        Snapshot before = collector.poll();
        String web = vm(before, "par-web").vmId();

        advance(102);
        Snapshot down = collector.poll();
        assertThat(host(down, "hv-par-2").state()).isEqualTo(HaHostState.FAILED);
        assertThat(down.unreadable(EventType.VM_STATE)).extracting(PartialRead::scope).containsExactly(Scope.node("HV-PAR-2"));
        assertThat(down.unreadable(EventType.VM_STATE)).extracting(PartialRead::reason).singleElement().asString()
                .contains("hv-par-2 is Down in cluster HVC-PARIS");

        List<HaAction> actions = new ArrayList<>(down.actions());
        advance(130);
        Snapshot moved = collector.poll();
        actions.addAll(moved.actions());
        assertThat(vm(moved, "par-web").host()).isNotEqualTo("HV-PAR-2");
        assertThat(vm(moved, "par-web").power()).isEqualTo(PowerState.RUNNING);
        assertThat(actions).anySatisfy(a -> {
            assertThat(a.vmId()).isEqualTo(web);
            assertThat(a.action()).isEqualTo(HaActionKind.RESTART);
            assertThat(a.fromHost()).isEqualToIgnoringCase("hv-par-2");
        });
    }

    @Test
    void aNodeTimingOutIsAPartialReadOfThatNodeWhileTheOthersAreRead() throws Exception {
        advance(190);
        collector.poll();

        advance(205);
        Snapshot slow = collector.poll();

        assertThat(slow.unreadable(EventType.VM_STATE)).extracting(PartialRead::scope)
                .contains(Scope.node("HV-PAR-3"));
        assertThat(slow.unreadable(EventType.REPLICATION_STATUS)).extracting(PartialRead::reason)
                .anySatisfy(r -> assertThat(r).startsWith("node hv-par-3 could not be read"));
        assertThat(ofType(slow, VmState.class)).extracting(VmState::name).contains("par-db")
                .doesNotContain("par-batch", "par-old");
        assertThat(host(slow, "hv-par-3").state()).as("the cluster still sees it Up").isEqualTo(HaHostState.HEALTHY);
    }

    @Test
    void everyListenerRefusingTheLoginFailsThePollAsAuth() {
        advance(305);

        assertThatThrownBy(collector::poll).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
            assertThat(e.permanent()).isTrue();
        });
    }

    private void advance(long secondsFromStart) {
        clock.set(T0.plusSeconds(secondsFromStart));
        simulator.tick();
    }

    /** The endpoint the launcher would configure: the front's dotted keys become nested blocks. */
    static EndpointConfig endpoint(SimulatedEndpoint simulated) {
        return endpoint(simulated, block(simulated));
    }

    /** The endpoint of {@code simulated} with its {@code hyperv} block as given. */
    static EndpointConfig endpoint(SimulatedEndpoint simulated, Map<String, Object> block) {
        return EndpointConfig.builder(simulated.id(), simulated.site(), Platform.HYPERV).settings(block)
                .timeout(Duration.ofSeconds(1)).pollDeadline(Duration.ofSeconds(3)).build();
    }

    /** The {@code hyperv} block the launcher would write for {@code simulated} (mutable, for tests to change). */
    static Map<String, Object> block(SimulatedEndpoint simulated) {
        Map<String, String> flat = new LinkedHashMap<>(simulated.vendorProperties());
        flat.putIfAbsent("operation-timeout", "1s");
        return PropertyTree.of(flat);
    }

    private static <T extends EventData> List<T> ofType(Snapshot snapshot, Class<T> type) {
        return snapshot.states().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static VmState vm(Snapshot snapshot, String name) {
        return ofType(snapshot, VmState.class).stream().filter(v -> name.equals(v.name())).findFirst().orElseThrow();
    }

    private static HaHost host(Snapshot snapshot, String name) {
        return ofType(snapshot, HaHost.class).stream().filter(h -> name.equals(h.hostName())).findFirst().orElseThrow();
    }

    private static ReplicationStatus replication(Snapshot snapshot, String name) {
        return ofType(snapshot, ReplicationStatus.class).stream().filter(r -> name.equals(r.name())).findFirst()
                .orElseThrow();
    }
}
