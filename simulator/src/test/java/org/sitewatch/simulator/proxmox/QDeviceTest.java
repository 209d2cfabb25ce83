package org.sitewatch.simulator.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sitewatch.simulator.proxmox.TestSites.T0;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.ScenarioException;

/**
 * A two-node cluster with a QDevice, the standard small Proxmox set-up: the QDevice's vote keeps
 * quorum when one node fails, and losing the QDevice as well loses it. The status shows on
 * {@code /cluster/config/qdevice}, the votes on {@code /cluster/config/nodes}, quorum on
 * {@code /cluster/status} and the HA status.
 */
class QDeviceTest {

    private static final String SCENARIO = """
            clusters:
              - name: small
                token: "monitor@pve!collector=secret-s"
                qdevice: { host: 10.9.0.50 }
                nodes: [ { name: s1, ip: 10.9.0.1 }, { name: s2, ip: 10.9.0.2 } ]
                vms: [ { vmid: 100, node: s1, ha: true } ]
              - name: bare
                token: "monitor@pve!collector=secret-b"
                nodes: [ { name: b1 }, { name: b2 } ]
            timeline:
              - { at: 10s, cluster: small, action: node-offline, node: s2 }
              - { at: 10s, cluster: bare, action: node-offline, node: b2 }
              - { at: 20s, cluster: small, action: qdevice-disconnect }
              - { at: 30s, cluster: small, action: qdevice-connect }
            """;

    private final ManualClock clock = new ManualClock(T0);
    private ProxmoxSimulator sim;
    private PveClient client;

    @BeforeEach
    void start() {
        sim = TestSites.start(Scenario.parse(SCENARIO), clock);
        client = new PveClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private boolean quorateAt(long second, String cluster) {
        clock.set(T0.plusSeconds(second));
        JsonNode status = client.data(cluster, "/cluster/status");
        boolean quorate = PveClient.find(status, "type", "cluster").get("quorate").asInt() == 1;
        JsonNode ha = PveClient.find(client.data(cluster, "/cluster/ha/status/current"), "type", "quorum");
        assertThat(ha.get("quorate").asInt() == 1).as("HA status agrees with /cluster/status").isEqualTo(quorate);
        return quorate;
    }

    @Test
    void shouldReportAConnectedQDeviceAndTheNodesVotes() {
        JsonNode qdevice = client.data("small", "/cluster/config/qdevice");
        assertThat(qdevice.get("State").asText()).isEqualTo("Connected");
        assertThat(qdevice.get("QNetd host").asText()).isEqualTo("10.9.0.50:5403");
        assertThat(qdevice.get("Model").asText()).isEqualTo("Net");
        assertThat(qdevice.get("Membership node list").asText()).isEqualTo("1, 2");
        JsonNode nodes = client.data("small", "/cluster/config/nodes");
        assertThat(nodes).hasSize(2);
        assertThat(PveClient.find(nodes, "name", "s2").get("quorum_votes").asText()).isEqualTo("1");
        assertThat(PveClient.find(nodes, "name", "s2").get("ring0_addr").asText()).isEqualTo("10.9.0.2");
    }

    @Test
    void shouldAnswerAnEmptyStatusWithoutAQDevice() {
        assertThat(client.data("bare", "/cluster/config/qdevice").isEmpty()).isTrue();
    }

    @Test
    void shouldKeepQuorumWithOneNodeLostWhileTheQDeviceIsConnected() {
        assertThat(quorateAt(11, "small")).as("1 node + QDevice = 2 of 3 votes").isTrue();
        assertThat(quorateAt(11, "bare")).as("1 of 2 votes").isFalse();
        assertThat(quorateAt(21, "small")).as("QDevice lost too: 1 of 3 votes").isFalse();
        assertThat(client.data("small", "/cluster/config/qdevice").get("State").asText()).isEqualTo("Connect failed");
        assertThat(quorateAt(31, "small")).as("QDevice back").isTrue();
    }

    @Test
    void shouldRecoverHaServicesOnlyWhileQuorate() {
        // vm:100 runs on s1: the QDevice is lost at 5 s, s1 fails at 10 s, the QDevice returns at 30 s
        Scenario lost = Scenario.parse(SCENARIO.replace("node-offline, node: s2", "node-offline, node: s1")
                .replace("at: 20s, cluster: small, action: qdevice-disconnect", "at: 5s, cluster: small, action: qdevice-disconnect"));
        sim.close();
        sim = TestSites.start(lost, clock);
        client = new PveClient(sim);
        clock.set(T0.plusSeconds(45));
        JsonNode service = PveClient.find(client.data("small", "/cluster/ha/status/current"), "sid", "vm:100");
        assertThat(service.get("crm_state").asText()).as("fence delay (20 s) counts from quorum's return at 30 s")
                .isEqualTo("fence");
        clock.set(T0.plusSeconds(30 + 20 + 10));
        service = PveClient.find(client.data("small", "/cluster/ha/status/current"), "sid", "vm:100");
        assertThat(service.get("crm_state").asText()).isEqualTo("started");
        assertThat(service.get("node").asText()).isEqualTo("s2");
    }

    @Test
    void shouldRejectAQDeviceStepForAClusterWithoutOne() {
        assertThatThrownBy(() -> Scenario.parse(SCENARIO + "  - { at: 40s, cluster: bare, action: qdevice-connect }\n"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("timeline[4].action: cluster 'bare' has no qdevice");
    }
}
