package org.sitewatch.collectors.vmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.runtime.CollectorManager;
import org.sitewatch.collectors.runtime.CollectorRegistry;
import org.sitewatch.collectors.runtime.InMemoryEventSink;
import org.sitewatch.collectors.runtime.RetryPolicy;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.EventType;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.UnreadableScope;
import org.sitewatch.events.VmState;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.Simulator;

/**
 * The vSphere collector in the real runtime against the simulated vCenter, whose faults scoped to an inventory
 * object put its properties in the PropertyCollector's {@code missingSet}: a host the monitoring role may not read
 * (NoPermission) and then a cluster vCenter fails to read (SystemError) are each a partial read in the heartbeat,
 * with the fault as the reason, while the rest of the vCenter is still published; what could not be read keeps
 * its last state (no removal, no new record, the cluster still counts the host) and the partial read clears when
 * the fault ends.
 */
class VspherePartialReadTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ID = "paris-vc";
    private static final String SCENARIO = """
            name: vsphere-partial-read-test
            clusters:
              - name: paris-vc
                platform: vsphere
                cluster: CL-Paris
                site: paris-dc1
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
            timeline:
              - { at: 10s, cluster: paris-vc, action: api-fault, kind: auth, path: /inventory/host/esx-par-2, duration: 20s }
              - { at: 15s, cluster: paris-vc, action: vm-stop, vmid: 102 }
              - { at: 40s, cluster: paris-vc, action: api-fault, kind: http500, path: /inventory/cluster/CL-Paris, duration: 10s }
            """;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final InMemoryEventSink sink = new InMemoryEventSink();
    private Simulator simulator;
    private CollectorManager manager;

    @BeforeEach
    void start() {
        simulator = Simulator.builder(Scenario.parse(SCENARIO)).clock(clock).tickInterval(null).build().start();
        EndpointConfig endpoint = SimulatedEndpoints.of(simulator.endpoints().get(0)).toBuilder()
                .pollInterval(Duration.ofMillis(50)).resyncEvery(10_000).build();
        manager = new CollectorManager(List.of(endpoint), CollectorRegistry.discover(), sink, new SimpleMeterRegistry(),
                clock, new RetryPolicy(Duration.ofMillis(200), Duration.ofMillis(300)));
        manager.start();
    }

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.stop();
        }
        simulator.close();
    }

    @Test
    void anUnreadableHostAndThenAnUnreadableClusterArePartialReadsThatKeepTheirLastStateUntilTheFaultEnds() {
        await().atMost(WAIT).until(() -> sink.lastHeartbeat(ID) != null && sink.data(HaHost.class).size() == 3);
        HaHost host = sink.data(HaHost.class, h -> h.hostName().equals("esx-par-2")).get(0);
        int hostRecords = sink.data(HaHost.class).size();
        int clusterRecords = sink.data(HaCluster.class).size();

        advance(Duration.ofSeconds(16));
        CollectorHeartbeat hostFault = sink.lastHeartbeat(ID);
        assertThat(hostFault.status()).isEqualTo(CollectorStatus.OK);
        assertThat(hostFault.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.type()).isEqualTo(EventType.HA_HOST.typeName());
            assertThat(u.scope()).isEqualTo("node " + host.hostId());
            assertThat(u.reason()).startsWith("host esx-par-2: NoPermission on ").contains("runtime.dasHostState");
        });
        assertThat(sink.data(VmState.class, v -> v.name().equals("par-batch") && v.power() == PowerState.STOPPED))
                .as("the rest of the vCenter is read").isNotEmpty();
        assertThat(sink.data(HaHost.class)).as("the host keeps its last state: no removal, no new record")
                .hasSize(hostRecords).noneMatch(HaHost::removed);
        assertThat(sink.data(HaCluster.class)).as("the cluster still counts the host").hasSize(clusterRecords)
                .allSatisfy(c -> assertThat(c.hostsTotal()).isEqualTo(3));

        advance(Duration.ofSeconds(15));
        assertThat(sink.lastHeartbeat(ID).unreadable()).as("the fault ended at 30 s").isEmpty();
        assertThat(sink.data(HaHost.class)).hasSize(hostRecords).noneMatch(HaHost::removed);

        advance(Duration.ofSeconds(10));
        List<UnreadableScope> clusterFault = sink.lastHeartbeat(ID).unreadable();
        assertThat(clusterFault).singleElement().satisfies(u -> {
            assertThat(u.type()).isEqualTo(EventType.HA_CLUSTER.typeName());
            assertThat(u.scope()).isEqualTo("cluster domain-c7");
            assertThat(u.reason()).isEqualTo("cluster CL-Paris: SystemError on configurationEx, name, summary");
        });
        assertThat(sink.data(HaCluster.class)).hasSize(clusterRecords);

        advance(Duration.ofSeconds(10));
        assertThat(sink.lastHeartbeat(ID).unreadable()).as("the fault ended at 50 s").isEmpty();
        assertThat(sink.data(HaCluster.class)).hasSize(clusterRecords);
        assertThat(sink.data(HaHost.class)).hasSize(hostRecords);
    }

    /** Moves simulated time, then waits for two more heartbeats, so at least one poll saw the new time. */
    private void advance(Duration d) {
        clock.advance(d);
        simulator.tick();
        int seen = sink.heartbeats(ID).size();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> sink.heartbeats(ID).size() >= seen + 2);
    }
}
