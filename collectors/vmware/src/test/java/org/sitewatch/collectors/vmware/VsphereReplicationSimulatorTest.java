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
import org.sitewatch.collectors.spi.PartialRead;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.collectors.vmware.replication.ReplicationReader;
import org.sitewatch.events.EventType;
import org.sitewatch.events.Platform;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.Simulator;

/**
 * The real vSphere collector, built by its factory from the endpoint (with its {@code replication}
 * block) the simulator describes, reading the simulated vSphere Replication and SRM gateways: the
 * replicated VMs appear with their target sites, a replication failure of the scenario makes its
 * item FAILED with the error, a test failover shows as the items' last test, and a 500 from the VR
 * gateway is a partial read of replication (so the core keeps every item's last state).
 */
class VsphereReplicationSimulatorTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final String SCENARIO = """
            name: vsphere-replication-collector-test
            clusters:
              - name: berlin-vc
                platform: vsphere
                cluster: CL-Berlin
                site: berlin-dc3
                nodes:
                  - { name: esx-ber-1 }
                  - { name: esx-ber-2 }
                  - { name: esx-mad-1, site: madrid-dr }
                vms:
                  - { vmid: 100, name: ber-web, node: esx-ber-1, ha: true }
                  - { vmid: 101, name: ber-db, node: esx-ber-2, ha: true }
                  - { vmid: 102, name: ber-app, node: esx-ber-1 }
                replication:
                  - { guest: 100, target: esx-ber-2, syncEverySeconds: 20, syncDuration: 2s }
                  - { guest: 101, target: esx-mad-1, syncEverySeconds: 15, syncDuration: 2s, retryUnitSeconds: 1 }
                  - { guest: 102, target: esx-mad-1, syncEverySeconds: 20, syncDuration: 2s }
            timeline:
              - { at: 30s, cluster: berlin-vc, action: replication-fail, job: 101-0, error: "disk write failed" }
              - { at: 40s, cluster: berlin-vc, action: test-failover, job: 102-0 }
              - { at: 60s, cluster: berlin-vc, action: api-fault, kind: http500, path: /api/rest/vr, duration: 20s }
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
    void replicatedVmsAppearWithTheirTargetSites() throws Exception {
        Snapshot first = poll();

        assertThat(first.skipped()).isEmpty();
        assertThat(first.unreadable()).isEmpty();
        assertThat(replications(first)).extracting(ReplicationStatus::name, ReplicationStatus::vmId,
                        ReplicationStatus::sourceSite, ReplicationStatus::targetSite, ReplicationStatus::targetHost)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("ber-web", "vm-100", "berlin-dc3", "berlin-dc3", "esx-ber-2"),
                        org.assertj.core.groups.Tuple.tuple("ber-db", "vm-101", "berlin-dc3", "madrid-dr", "esx-mad-1"),
                        org.assertj.core.groups.Tuple.tuple("ber-app", "vm-102", "berlin-dc3", "madrid-dr", "esx-mad-1"));
        assertThat(replications(first)).allSatisfy(r -> {
            assertThat(r.platform()).isEqualTo(Platform.VSPHERE);
            assertThat(r.state()).isEqualTo(ReplicationState.REPLICATING);
            assertThat(r.health()).isEqualTo(ReplicationHealth.OK);
            assertThat(r.targetRpoSeconds()).isEqualTo(60L);
            assertThat(r.lastRecoveryPoint()).isNotNull();
            assertThat(r.lastTestFailover()).isNull();
        });
    }

    @Test
    void aReplicationFailureMakesTheItemFailedAndATestFailoverIsItsLastTest() throws Exception {
        // The first poll is the first SRM read (later ones reuse it for srm-refresh, 1 min).
        advance(Duration.ofSeconds(50));
        Snapshot failing = poll();

        ReplicationStatus db = item(failing, "ber-db");
        assertThat(db.state()).isEqualTo(ReplicationState.FAILED);
        assertThat(db.health()).isEqualTo(ReplicationHealth.CRITICAL);
        assertThat(db.error()).isEqualTo("disk write failed");
        assertThat(item(failing, "ber-app").state()).isEqualTo(ReplicationState.REPLICATING);
        assertThat(item(failing, "ber-app").lastTestFailover()).as("the plan covering madrid-dr was tested at 40 s")
                .isEqualTo(T0.plusSeconds(40));
        assertThat(item(failing, "ber-web").lastTestFailover()).as("replication inside the vCenter has no SRM plan")
                .isNull();
    }

    @Test
    void aVrGateway500IsAPartialReadSoItemsKeepTheirLastState() throws Exception {
        poll();
        advance(Duration.ofSeconds(65));
        Snapshot fault = poll();

        assertThat(replications(fault)).isEmpty();
        assertThat(fault.unreadable(EventType.REPLICATION_STATUS)).extracting(PartialRead::scope)
                .containsExactly(Scope.endpoint(ReplicationReader.VR_SCOPE));
        assertThat(fault.unreadable(EventType.REPLICATION_STATUS).get(0).reason()).contains("500");

        advance(Duration.ofSeconds(20));
        Snapshot after = poll();
        assertThat(after.unreadable()).isEmpty();
        assertThat(replications(after)).hasSize(3);
    }

    private Snapshot poll() throws Exception {
        return ((PollingSource) source).poll();
    }

    private void advance(Duration d) {
        clock.advance(d);
        simulator.tick();
    }

    private static List<ReplicationStatus> replications(Snapshot snapshot) {
        return snapshot.states().stream().filter(ReplicationStatus.class::isInstance).map(ReplicationStatus.class::cast)
                .toList();
    }

    private static ReplicationStatus item(Snapshot snapshot, String name) {
        return replications(snapshot).stream().filter(r -> name.equals(r.name())).findFirst().orElseThrow();
    }

}
