package org.sitewatch.collectors.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sitewatch.collectors.proxmox.SimulatorHarness.WAIT;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.EventType;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.UnreadableScope;
import org.sitewatch.events.VmState;

/**
 * Partial reads against the simulator's per-path faults: one node's replication status answering
 * HTTP 500 and the HA status endpoint answering 501 (as a version without it does) leave the rest
 * of the site published, keep the last state of what could not be read, and put both scopes in
 * the heartbeat, whose status stays OK.
 */
class ProxmoxPartialReadTest {

    private SimulatorHarness harness;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void shouldPublishWhatWasReadAndNameTheUnreadableScopesInTheHeartbeat() {
        harness = new SimulatorHarness("""
                  - { at: 10s, site: alpha, action: api-fault, kind: http500, path: /nodes/a1/replication }
                  - { at: 10s, site: alpha, action: api-fault, kind: http501, path: /cluster/ha/status/current }
                  - { at: 15s, site: alpha, action: vm-stop, vmid: 102 }
                """);
        SimulatorHarness h = harness;
        h.start(h.endpoint("alpha").build());
        await().atMost(WAIT).until(() -> h.sink.lastHeartbeat("alpha-pve") != null
                && h.sink.data(ReplicationStatus.class).size() >= 2);
        int hostsBefore = h.sink.data(HaHost.class).size();
        int clustersBefore = h.sink.data(HaCluster.class).size();
        int a1ItemsBefore = items("100-0").size();

        h.advanceAndPoll(Duration.ofSeconds(80), Duration.ofSeconds(5), "alpha-pve");

        CollectorHeartbeat heartbeat = h.sink.lastHeartbeat("alpha-pve");
        assertThat(heartbeat.status()).isEqualTo(CollectorStatus.OK);
        assertThat(heartbeat.unreadable()).extracting(UnreadableScope::type, UnreadableScope::scope).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(EventType.REPLICATION_STATUS.typeName(), "node a1"),
                org.assertj.core.groups.Tuple.tuple(EventType.HA_HOST.typeName(), "endpoint /cluster/ha/status/current"),
                org.assertj.core.groups.Tuple.tuple(EventType.HA_CLUSTER.typeName(), "endpoint /cluster/ha/status/current"));
        assertThat(heartbeat.unreadable()).filteredOn(u -> u.scope().equals("node a1")).singleElement()
                .satisfies(u -> assertThat(u.describe()).startsWith("replication of node a1 not readable: ").contains("500"));
        assertThat(heartbeat.unreadable()).filteredOn(u -> u.scope().startsWith("endpoint")).allSatisfy(
                u -> assertThat(u.reason()).contains("501"));
        // What was read is published: the stopped VM, and new recovery points of the job on a2.
        assertThat(h.sink.data(VmState.class, v -> v.vmId().equals("102") && v.power() == PowerState.STOPPED)).hasSize(1);
        assertThat(items("101-0").stream().map(ReplicationStatus::lastRecoveryPoint).distinct()).hasSizeGreaterThan(1);
        // What could not be read keeps its last state: no UNKNOWN guess, no removal, no HA change.
        assertThat(items("100-0")).hasSize(a1ItemsBefore)
                .allSatisfy(r -> assertThat(r.state()).isNotEqualTo(ReplicationState.UNKNOWN));
        assertThat(h.sink.data(HaHost.class)).hasSize(hostsBefore).noneMatch(HaHost::removed);
        assertThat(h.sink.data(HaCluster.class)).hasSize(clustersBefore);
        assertThat(h.sink.data(VmState.class)).noneMatch(VmState::removed);
    }

    private List<ReplicationStatus> items(String itemId) {
        return harness.sink.data(ReplicationStatus.class, r -> r.itemId().equals(itemId));
    }
}
