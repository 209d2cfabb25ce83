package org.sitewatch.collectors.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sitewatch.collectors.proxmox.SimulatorHarness.WAIT;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.HaCluster;
import org.sitewatch.simulator.Scenario;

/**
 * The collector against the simulator's QDevice: a two-node cluster keeps a failover capacity of
 * one while its QDevice is connected, and drops to zero when the QDevice disconnects.
 */
class ProxmoxQDeviceSimulatorTest {

    private static final String SCENARIO = """
            clusters:
              - name: small
                token: "monitor@pve!collector=5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c99"
                qdevice: { host: 10.9.0.50 }
                nodes: [ { name: s1, ip: 10.9.0.1 }, { name: s2, ip: 10.9.0.2 } ]
                vms: [ { vmid: 100, node: s1, ha: true } ]
            timeline:
              - { at: 20s, cluster: small, action: qdevice-disconnect }
            """;

    private SimulatorHarness harness;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    private HaCluster lastCluster() {
        List<HaCluster> published = harness.sink.data(HaCluster.class);
        return published.isEmpty() ? null : published.get(published.size() - 1);
    }

    @Test
    void shouldCountTheQDevicesVoteWhileItIsConnected() {
        harness = new SimulatorHarness(Scenario.parse(SCENARIO));
        SimulatorHarness h = harness;
        h.start(h.endpoint("small").build());

        await().atMost(WAIT).until(() -> lastCluster() != null);
        assertThat(lastCluster().hostsTotal()).isEqualTo(2);
        assertThat(lastCluster().failoverCapacity()).as("two nodes + connected QDevice").isEqualTo(1);

        h.advanceAndPoll(Duration.ofSeconds(25), Duration.ofSeconds(5), "small-pve");

        await().atMost(WAIT).untilAsserted(() -> assertThat(lastCluster().failoverCapacity())
                .as("QDevice disconnected").isZero());
        assertThat(lastCluster().quorate()).isTrue();
    }
}
