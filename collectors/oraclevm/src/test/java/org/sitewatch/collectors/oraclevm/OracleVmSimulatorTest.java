package org.sitewatch.collectors.oraclevm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.collectors.spi.settings.PropertyTree;
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
import org.sitewatch.events.VmState;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;

/**
 * The real collector against the simulator's Oracle VM front, in-process, through a recording proxy:
 * the estate mapped, the Basic login and the session cookie reused, a new login after the session
 * idled out, a server stopping and its HA VMs restarted elsewhere (RESTART) then migrated back
 * (MIGRATE), and each API failure classified.
 */
class OracleVmSimulatorTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final String SCENARIO = """
            name: oraclevm-collector-test
            clusters:
              - name: ovmm-zurich
                platform: oraclevm
                site: zurich-dc8
                cluster: ovmm-zurich
                poolName: ovm-pool-zrh
                username: admin
                password: "s3cret:with:colons"
                sessionTimeout: 60s
                ha: { fenceDelay: 15s, recoveryDelay: 10s, crmRound: 3s }
                nodes:
                  - { name: ovs-zrh-1 }
                  - { name: ovs-zrh-2 }
                  - { name: ovs-zrh-3 }
                vms:
                  - { vmid: 960, name: zrh-erp-app, node: ovs-zrh-2, ha: true }
                  - { vmid: 961, name: zrh-erp-db, node: ovs-zrh-2, ha: true }
                  - { vmid: 962, name: zrh-web-1, node: ovs-zrh-1, ha: true }
                  - { vmid: 963, name: zrh-report, node: ovs-zrh-3 }
                  - { vmid: 964, name: zrh-legacy, node: ovs-zrh-3, status: stopped }
                  - { vmid: 9960, name: ol8-template, node: ovs-zrh-1, status: stopped, template: true }
            timeline:
              - { at: 45s, cluster: ovmm-zurich, action: node-offline, node: ovs-zrh-2 }
              - { at: 135s, cluster: ovmm-zurich, action: node-online, node: ovs-zrh-2 }
              - { at: 195s, cluster: ovmm-zurich, action: ha-migrate, sid: "vm:960", node: ovs-zrh-2 }
              - { at: 300s, cluster: ovmm-zurich, action: api-fault, kind: auth, duration: 10s }
              - { at: 320s, cluster: ovmm-zurich, action: api-fault, kind: timeout, path: /Vm, duration: 10s }
              - { at: 340s, cluster: ovmm-zurich, action: api-fault, kind: malformed, path: /Server, duration: 10s }
              - { at: 360s, cluster: ovmm-zurich, action: api-fault, kind: http500, path: /Vm, duration: 10s }
              - { at: 380s, cluster: ovmm-zurich, action: api-fault, kind: http500, path: /ServerPool, duration: 10s }
              - { at: 400s, cluster: ovmm-zurich, action: api-fault, kind: http404, path: /ServerPool, duration: 10s }
            """;

    private final ManualClock clock = new ManualClock(T0);
    private Simulator simulator;
    private RecordingProxy proxy;

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private PollingSource start(String scenario) throws CollectorException {
        simulator = Simulator.builder(Scenario.parse(scenario)).clock(clock).tickInterval(null)
                .faultHold(Duration.ofSeconds(2)).build().start();
        proxy = new RecordingProxy("http://127.0.0.1:" + simulator.port());
        SimulatedEndpoint simulated = simulator.endpoints().get(0);
        Map<String, String> flat = new LinkedHashMap<>(simulated.vendorProperties());
        // The Manager's address as a user writes it; the collector adds the REST root.
        flat.put("url", proxy.origin() + "/" + simulated.id());
        EndpointConfig endpoint = EndpointConfig.builder(simulated.id(), simulated.site(), Platform.ORACLEVM)
                .settings(PropertyTree.of(flat)).timeout(Duration.ofMillis(700)).build();
        return (PollingSource) new OracleVmCollectorFactory().create(endpoint, new CollectorContext(clock));
    }

    private Snapshot pollAt(PollingSource collector, int seconds) throws CollectorException {
        clock.set(T0.plusSeconds(seconds));
        return collector.poll();
    }

    private CollectorException failureAt(PollingSource collector, int seconds) {
        clock.set(T0.plusSeconds(seconds));
        try {
            collector.poll();
        } catch (CollectorException e) {
            return e;
        }
        throw new AssertionError("the poll at " + seconds + " s should have failed");
    }

    private static <T extends EventData> List<T> ofType(Snapshot snapshot, Class<T> type) {
        return snapshot.states().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static String hostOf(Snapshot s, String vm) {
        return ofType(s, VmState.class).stream().filter(v -> v.name().equals(vm)).findFirst().orElseThrow().host();
    }

    @Test
    void mapsTheManagersVmsServersAndPoolLoggingInOnceAndReusingTheSession() throws Exception {
        PollingSource collector = start(SCENARIO);

        Snapshot s = pollAt(collector, 10);
        pollAt(collector, 20);

        assertThat(s.skipped()).isEmpty();
        assertThat(s.unreadable()).isEmpty();
        assertThat(ofType(s, VmState.class)).extracting(VmState::name, VmState::host, VmState::cluster, VmState::power,
                VmState::haProtected).containsExactlyInAnyOrder(
                tuple("zrh-erp-app", "ovs-zrh-2", "ovm-pool-zrh", PowerState.RUNNING, true),
                tuple("zrh-erp-db", "ovs-zrh-2", "ovm-pool-zrh", PowerState.RUNNING, true),
                tuple("zrh-web-1", "ovs-zrh-1", "ovm-pool-zrh", PowerState.RUNNING, true),
                tuple("zrh-report", "ovs-zrh-3", "ovm-pool-zrh", PowerState.RUNNING, false),
                tuple("zrh-legacy", null, "ovm-pool-zrh", PowerState.STOPPED, false));
        assertThat(ofType(s, HaHost.class)).extracting(HaHost::hostName, HaHost::state, HaHost::cluster)
                .containsExactlyInAnyOrder(tuple("ovs-zrh-1", HaHostState.HEALTHY, "ovm-pool-zrh"),
                        tuple("ovs-zrh-2", HaHostState.HEALTHY, "ovm-pool-zrh"),
                        tuple("ovs-zrh-3", HaHostState.HEALTHY, "ovm-pool-zrh"));
        assertThat(ofType(s, HaCluster.class)).singleElement().satisfies(c -> {
            assertThat(c.clusterId()).isEqualTo("ovm-pool-zrh");
            assertThat(c.haEnabled()).isTrue();
            assertThat(c.hostsTotal()).isEqualTo(3);
            assertThat(c.hostsHealthy()).isEqualTo(3);
        });
        assertThat(proxy.logins()).as("one Basic login for both polls").isEqualTo(1);
        assertThat(proxy.calls.get(0)).isEqualTo(new RecordingProxy.Call("/Manager", true, null, 200));
        assertThat(proxy.calls.subList(1, proxy.calls.size())).hasSize(7).allSatisfy(c -> {
            assertThat(c.basic()).isFalse();
            assertThat(c.cookie()).startsWith("JSESSIONID=");
            assertThat(c.status()).isEqualTo(200);
        }).extracting(RecordingProxy.Call::path)
                .containsExactly("/Vm", "/Server", "/ServerPool", "/Manager", "/Vm", "/Server", "/ServerPool");
    }

    @Test
    void logsInAgainOnceTheSessionIdledOut() throws Exception {
        PollingSource collector = start(SCENARIO);
        pollAt(collector, 10);

        Snapshot later = pollAt(collector, 100);

        assertThat(ofType(later, VmState.class)).hasSize(5);
        assertThat(proxy.logins()).isEqualTo(2);
        assertThat(proxy.calls.subList(4, 7)).extracting(RecordingProxy.Call::path, RecordingProxy.Call::basic,
                RecordingProxy.Call::status).containsExactly(tuple("/Manager", false, 401), tuple("/Manager", true, 200),
                tuple("/Vm", false, 200));
    }

    @Test
    void aStoppedServerFailsItsHostDegradesThePoolAndItsHaVmsRestartElsewhereThenMigrateBack() throws Exception {
        PollingSource collector = start(SCENARIO);
        pollAt(collector, 10);

        Snapshot down = pollAt(collector, 50);
        assertThat(ofType(down, HaHost.class)).filteredOn(h -> h.hostName().equals("ovs-zrh-2")).singleElement()
                .satisfies(h -> {
                    assertThat(h.state()).isEqualTo(HaHostState.FAILED);
                    assertThat(h.vendorState()).isEqualTo("STOPPED");
                });
        assertThat(ofType(down, HaCluster.class)).singleElement().satisfies(c -> assertThat(c.hostsHealthy()).isEqualTo(2));
        assertThat(down.actions()).isEmpty();

        Snapshot restarted = pollAt(collector, 75);
        assertThat(restarted.actions()).extracting(HaAction::action, HaAction::fromHost, HaAction::cluster)
                .containsExactlyInAnyOrder(tuple(HaActionKind.RESTART, "ovs-zrh-2", "ovm-pool-zrh"),
                        tuple(HaActionKind.RESTART, "ovs-zrh-2", "ovm-pool-zrh"));
        assertThat(restarted.actions()).extracting(HaAction::toHost).containsExactlyInAnyOrder("ovs-zrh-1", "ovs-zrh-3");
        assertThat(hostOf(restarted, "zrh-erp-app")).isIn("ovs-zrh-1", "ovs-zrh-3");

        Snapshot back = pollAt(collector, 140);
        assertThat(ofType(back, HaHost.class)).allSatisfy(h -> assertThat(h.state()).isEqualTo(HaHostState.HEALTHY));
        assertThat(back.actions()).isEmpty();

        Snapshot migrated = pollAt(collector, 205);
        assertThat(migrated.actions()).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo(HaActionKind.MIGRATE);
            assertThat(a.toHost()).isEqualTo("ovs-zrh-2");
        });
        assertThat(hostOf(migrated, "zrh-erp-app")).isEqualTo("ovs-zrh-2");
    }

    @Test
    void classifiesEachFailureAndKeepsVmsFlowingWithoutThePools() throws Exception {
        PollingSource collector = start(SCENARIO);
        pollAt(collector, 290);

        CollectorException auth = failureAt(collector, 305);
        assertThat(auth.kind()).isEqualTo(CollectorErrorKind.AUTH);
        assertThat(auth.permanent()).isTrue();
        assertThat(auth.remedy()).contains("oraclevm.login");
        assertThat(auth.getMessage()).doesNotContain("s3cret");

        CollectorException timeout = failureAt(collector, 325);
        assertThat(timeout.kind()).isEqualTo(CollectorErrorKind.TIMEOUT);
        assertThat(timeout.permanent()).isFalse();

        CollectorException malformed = failureAt(collector, 345);
        assertThat(malformed.kind()).isEqualTo(CollectorErrorKind.MALFORMED);
        assertThat(malformed.getMessage()).contains("/Server");

        CollectorException serverError = failureAt(collector, 365);
        assertThat(serverError.kind()).isEqualTo(CollectorErrorKind.HTTP_5XX);
        assertThat(serverError.getMessage()).contains("/Vm").contains("500");

        for (int at : List.of(385, 405)) {
            Snapshot partial = pollAt(collector, at);
            assertThat(ofType(partial, VmState.class)).as("at %d s", at).hasSize(5);
            assertThat(ofType(partial, HaHost.class)).hasSize(3);
            assertThat(ofType(partial, HaCluster.class)).isEmpty();
            assertThat(partial.unreadable()).singleElement().satisfies(p -> {
                assertThat(p.type()).isEqualTo(EventType.HA_CLUSTER);
                assertThat(p.scope()).isEqualTo(Scope.endpoint("/ServerPool"));
            });
        }

        Snapshot healed = pollAt(collector, 420);
        assertThat(healed.unreadable()).isEmpty();
        assertThat(ofType(healed, HaCluster.class)).hasSize(1);
    }

    @Test
    void aManagerThatIsNotRunningYetIsARetriableNotReadyFailure() throws Exception {
        PollingSource collector = start(SCENARIO.replace("sessionTimeout: 60s", "managerRunState: STARTING"));

        CollectorException e = failureAt(collector, 10);

        assertThat(e.permanent()).isFalse();
        assertThat(e.kind()).isEqualTo(CollectorErrorKind.HTTP_5XX);
        assertThat(e.getMessage()).contains("not ready").contains("STARTING");
        assertThat(proxy.calls).extracting(RecordingProxy.Call::path).containsExactly("/Manager");
    }
}
