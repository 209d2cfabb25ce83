package org.sitewatch.collectors.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.sitewatch.collectors.proxmox.SimulatorHarness.WAIT;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.EventValidator;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.VmState;

/** The Proxmox collector against the real simulator, through the real runtime. */
class ProxmoxSimulatorTest {

    private SimulatorHarness harness;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    private SimulatorHarness harness(String timeline) {
        harness = new SimulatorHarness(timeline);
        return harness;
    }

    private static Map<String, VmState> latestVms(List<VmState> vms) {
        return vms.stream().collect(Collectors.toMap(VmState::vmId, Function.identity(), (a, b) -> b));
    }

    @Test
    void shouldMapEverySiteOfTheSimulator() {
        SimulatorHarness h = harness("  []");
        h.start(h.endpoint("alpha").build(), h.endpoint("beta").build());

        await().atMost(WAIT).until(() -> h.sink.lastHeartbeat("alpha-pve") != null && h.sink.lastHeartbeat("beta-pve") != null);

        CollectorHeartbeat hb = h.sink.lastHeartbeat("alpha-pve");
        assertThat(hb.status()).isEqualTo(CollectorStatus.OK);
        assertThat(hb.endpoint()).isEqualTo(h.simulator.baseUrl("alpha"));
        Map<String, VmState> alphaVms = latestVms(h.sink.data(VmState.class, v -> v.site().equals("alpha")));
        assertThat(alphaVms).containsOnlyKeys("100", "101", "102", "103");
        assertThat(alphaVms.get("100")).extracting(VmState::name, VmState::host, VmState::cluster, VmState::power,
                VmState::haProtected, VmState::haState).containsExactly("a-web", "a1", "alpha", PowerState.RUNNING, true, "started");
        assertThat(alphaVms.get("103").power()).isEqualTo(PowerState.STOPPED);
        assertThat(alphaVms.get("102").haProtected()).isFalse();
        assertThat(latestVms(h.sink.data(VmState.class, v -> v.site().equals("beta")))).containsOnlyKeys("200", "201");
        assertThat(h.sink.data(HaHost.class)).extracting(HaHost::site, HaHost::hostId, HaHost::state).containsExactlyInAnyOrder(
                tuple("alpha", "a1", HaHostState.HEALTHY), tuple("alpha", "a2", HaHostState.HEALTHY),
                tuple("alpha", "a3", HaHostState.HEALTHY), tuple("beta", "b1", HaHostState.HEALTHY),
                tuple("beta", "b2", HaHostState.HEALTHY), tuple("beta", "b3", HaHostState.HEALTHY));
        assertThat(h.sink.data(HaCluster.class)).extracting(HaCluster::clusterId, HaCluster::hostsTotal,
                HaCluster::hostsHealthy, HaCluster::failoverCapacity, HaCluster::quorate, HaCluster::haEnabled)
                .containsExactlyInAnyOrder(tuple("alpha", 3, 3, 1, true, true), tuple("beta", 3, 3, 1, true, true));
        assertThat(h.sink.data(ReplicationStatus.class)).extracting(ReplicationStatus::site, ReplicationStatus::itemId,
                ReplicationStatus::sourceHost, ReplicationStatus::targetHost, ReplicationStatus::sourceSite,
                ReplicationStatus::targetSite, ReplicationStatus::targetRpoSeconds, ReplicationStatus::health)
                .containsExactlyInAnyOrder(tuple("alpha", "100-0", "a1", "a3", "alpha", "alpha", 120L, ReplicationHealth.OK),
                        tuple("alpha", "101-0", "a2", "a3", "alpha", "alpha", 600L, ReplicationHealth.OK),
                        tuple("beta", "200-0", "b1", "b2", "beta", "beta", 120L, ReplicationHealth.OK));
        assertThat(h.sink.events()).allSatisfy(e -> assertThat(EventValidator.problems(e.data())).isEmpty());
        assertThat(h.sink.events()).filteredOn(e -> e.site().equals("alpha")).extracting(SitewatchEvent::source)
                .containsOnly(URI.create("/sitewatch/collectors/proxmox/alpha-pve"));
    }

    @Test
    void shouldPublishOnlyHeartbeatsWhileNothingChanges() {
        SimulatorHarness h = harness("  []");
        h.start(h.endpoint("alpha").build());
        await().atMost(WAIT).until(() -> h.sink.heartbeats("alpha-pve").size() >= 2);
        int states = h.sink.events().size() - h.sink.heartbeats("alpha-pve").size();

        h.awaitFreshPolls("alpha-pve");
        h.awaitFreshPolls("alpha-pve");

        assertThat(h.sink.events().size() - h.sink.heartbeats("alpha-pve").size()).isEqualTo(states);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({"http500, ERROR, HTTP_5XX", "timeout, ERROR, TIMEOUT", "malformed, ERROR, MALFORMED",
        "auth, AUTH_FAILED, AUTH"})
    void shouldReportAnApiFaultOnThatEndpointOnlyAndRecover(String fault, CollectorStatus status, CollectorErrorKind kind) {
        SimulatorHarness h = harness("""
                  - { at: 10s, site: alpha, action: api-fault, kind: %s }
                  - { at: 20s, site: alpha, action: api-ok }
                """.formatted(fault));
        h.start(h.endpoint("alpha").build(), h.endpoint("beta").build());
        await().atMost(WAIT).until(() -> h.sink.lastHeartbeat("alpha-pve") != null && h.sink.lastHeartbeat("beta-pve") != null);

        h.advance(Duration.ofSeconds(10));

        await().atMost(WAIT).until(() -> h.sink.lastHeartbeat("alpha-pve").status() == status);
        CollectorHeartbeat failing = h.sink.lastHeartbeat("alpha-pve");
        assertThat(failing.errorKind()).isEqualTo(kind);
        assertThat(failing.error()).isNotBlank();
        assertThat(failing.lastSuccess()).isNotNull();
        assertThat(h.errors("alpha-pve", kind.name())).isGreaterThanOrEqualTo(1);
        assertThat(h.up("alpha-pve")).isZero();
        int betaBefore = h.sink.heartbeats("beta-pve").size();
        await().atMost(WAIT).until(() -> h.sink.heartbeats("beta-pve").size() >= betaBefore + 3);
        assertThat(h.sink.heartbeats("beta-pve").subList(betaBefore, betaBefore + 3))
                .allSatisfy(hb -> assertThat(hb.status()).isEqualTo(CollectorStatus.OK));
        assertThat(h.errors("beta-pve", kind.name())).isZero();

        h.advance(Duration.ofSeconds(10));

        await().atMost(WAIT).until(() -> h.sink.lastHeartbeat("alpha-pve").status() == CollectorStatus.OK);
        assertThat(h.up("alpha-pve")).isEqualTo(1);
    }

    @Test
    void shouldReportARejectedTokenAsAuthFailed() {
        SimulatorHarness h = harness("  []");
        h.start(h.endpoint("alpha").setting("api-token", "sitewatch@pve!test=not-the-secret").build(), h.endpoint("beta").build());

        await().atMost(WAIT).until(() -> h.sink.lastHeartbeat("alpha-pve") != null && h.sink.lastHeartbeat("beta-pve") != null);

        CollectorHeartbeat hb = h.sink.lastHeartbeat("alpha-pve");
        assertThat(hb.status()).isEqualTo(CollectorStatus.AUTH_FAILED);
        assertThat(hb.errorKind()).isEqualTo(CollectorErrorKind.AUTH);
        assertThat(hb.error()).contains("401").contains("api-token").doesNotContain("not-the-secret");
        assertThat(h.sink.lastHeartbeat("beta-pve").status()).isEqualTo(CollectorStatus.OK);
    }

    @Test
    void shouldFollowANodeFailureThroughFencingRecoveryAndRestart() {
        SimulatorHarness h = harness("""
                  - { at: 10s, site: alpha, action: node-offline, node: a2 }
                  - { at: 70s, site: alpha, action: node-online, node: a2 }
                """);
        h.start(h.endpoint("alpha").build());
        await().atMost(WAIT).until(() -> h.sink.lastHeartbeat("alpha-pve") != null);

        h.advanceAndPoll(Duration.ofSeconds(60), Duration.ofSeconds(5), "alpha-pve");

        assertThat(h.sink.data(HaAction.class, a -> a.vmId().equals("101"))).extracting(HaAction::action)
                .containsExactly(HaActionKind.FENCE, HaActionKind.RECOVERY, HaActionKind.RESTART);
        HaAction restart = h.sink.data(HaAction.class, a -> a.action() == HaActionKind.RESTART).get(0);
        assertThat(restart.fromHost()).isEqualTo("a2");
        assertThat(restart.toHost()).isNotEqualTo("a2");
        assertThat(h.sink.data(HaHost.class, x -> x.hostId().equals("a2"))).extracting(HaHost::state)
                .contains(HaHostState.FAILED);
        assertThat(h.sink.data(HaCluster.class)).extracting(HaCluster::hostsHealthy, HaCluster::failoverCapacity)
                .contains(tuple(2, 0));
        assertThat(h.sink.data(VmState.class, v -> v.vmId().equals("101"))).extracting(VmState::power)
                .contains(PowerState.UNKNOWN, PowerState.RUNNING);
        assertThat(h.sink.data(ReplicationStatus.class, r -> r.itemId().equals("101-0")))
                .extracting(ReplicationStatus::state).contains(ReplicationState.UNKNOWN);

        h.advanceAndPoll(Duration.ofSeconds(15), Duration.ofSeconds(5), "alpha-pve");

        List<HaHost> a2 = h.sink.data(HaHost.class, x -> x.hostId().equals("a2"));
        assertThat(a2.get(a2.size() - 1).state()).isEqualTo(HaHostState.HEALTHY);
    }

    @Test
    void shouldReportAFailingReplicationJobUntilItRecovers() {
        SimulatorHarness h = harness("""
                  - { at: 10s, site: alpha, action: replication-fail, job: 100-0, error: "zfs recv failed" }
                  - { at: 40s, site: alpha, action: replication-recover, job: 100-0 }
                """);
        h.start(h.endpoint("alpha").build());
        await().atMost(WAIT).until(() -> h.sink.lastHeartbeat("alpha-pve") != null);

        h.advanceAndPoll(Duration.ofSeconds(60), Duration.ofSeconds(3), "alpha-pve");

        List<ReplicationStatus> job = h.sink.data(ReplicationStatus.class, r -> r.itemId().equals("100-0"));
        assertThat(job).extracting(ReplicationStatus::state, ReplicationStatus::health)
                .contains(tuple(ReplicationState.FAILED, ReplicationHealth.WARNING),
                        tuple(ReplicationState.FAILED, ReplicationHealth.CRITICAL));
        assertThat(job).filteredOn(r -> r.state() == ReplicationState.FAILED)
                .allSatisfy(r -> assertThat(r.error()).isEqualTo("zfs recv failed"));
        ReplicationStatus last = job.get(job.size() - 1);
        assertThat(last.health()).isEqualTo(ReplicationHealth.OK);
        assertThat(last.failCount()).isZero();
        // The lag grew on every poll, yet the job was only republished when its state changed.
        assertThat(job.size()).isLessThan(h.sink.heartbeats("alpha-pve").size() / 2);
    }

    @Test
    void shouldPublishRemovalsWhenAGuestIsDestroyed() {
        SimulatorHarness h = harness("""
                  - { at: 10s, site: alpha, action: vm-remove, vmid: 101 }
                """);
        h.start(h.endpoint("alpha").build());
        await().atMost(WAIT).until(() -> h.sink.lastHeartbeat("alpha-pve") != null);

        h.advance(Duration.ofSeconds(10));
        h.awaitFreshPolls("alpha-pve");

        assertThat(h.sink.data(VmState.class, v -> v.vmId().equals("101") && v.removed())).hasSize(1);
        assertThat(h.sink.data(ReplicationStatus.class, r -> r.itemId().equals("101-0") && r.removed())).hasSize(1);
        assertThat(h.sink.data(VmState.class, v -> v.vmId().equals("100") && v.removed())).isEmpty();
    }
}
