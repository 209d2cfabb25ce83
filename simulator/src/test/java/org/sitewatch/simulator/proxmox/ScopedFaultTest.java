package org.sitewatch.simulator.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sitewatch.simulator.proxmox.TestSites.T0;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.ScenarioException;

/**
 * Faults limited to a path, so a collector's partial reads can be tested: one node's replication
 * status answering 500 and the HA status answering 501 (as a version without it) while every other
 * call still answers; a scoped api-ok clears only its own scope.
 */
class ScopedFaultTest {

    private static final String TIMELINE = """
            timeline:
              - { at: 5s, cluster: alpha, action: api-fault, kind: http500, path: /nodes/n2/replication }
              - { at: 5s, cluster: alpha, action: api-fault, kind: http501, path: /cluster/ha/status/current }
              - { at: 20s, cluster: alpha, action: api-ok, path: /nodes/n2/replication }
              - { at: 30s, cluster: alpha, action: api-fault, kind: http500, path: "/nodes/*/replication", duration: 5s }
              - { at: 40s, cluster: alpha, action: api-ok }
            """;

    private final ManualClock clock = new ManualClock(T0);
    private ProxmoxSimulator sim;
    private PveClient client;

    @BeforeEach
    void start() {
        sim = TestSites.start(TestSites.scenario(TIMELINE), clock);
        client = new PveClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private int statusAt(long second, String path) {
        clock.set(T0.plusSeconds(second));
        return client.get("alpha", path).status();
    }

    @Test
    void shouldFailOnlyTheNodeReplicationStatusInTheFaultScope() {
        assertThat(statusAt(4, "/nodes/n2/replication")).isEqualTo(200);
        clock.set(T0.plusSeconds(6));
        PveClient.Reply failing = client.get("alpha", "/nodes/n2/replication");
        assertThat(failing.status()).isEqualTo(500);
        assertThat(failing.json().get("message").asText()).isEqualTo("simulated internal server error\n");
        assertThat(client.get("alpha", "/nodes/n2/replication/100-0/status").status()).as("below the scope")
                .isEqualTo(500);
        assertThat(client.get("alpha", "/nodes/n1/replication").status()).as("another node").isEqualTo(200);
        assertThat(client.get("alpha", "/cluster/replication").status()).isEqualTo(200);
        assertThat(client.get("alpha", "/cluster/resources").status()).isEqualTo(200);
        assertThat(client.get("beta", "/nodes/b1/replication").status()).as("another cluster").isEqualTo(200);
    }

    @Test
    void shouldAnswerTheHaStatusWith501AsAVersionWithoutIt() {
        clock.set(T0.plusSeconds(6));
        PveClient.Reply r = client.get("alpha", "/cluster/ha/status/current");
        assertThat(r.status()).isEqualTo(501);
        assertThat(r.json().get("message").asText())
                .isEqualTo("Method 'GET /cluster/ha/status/current' not implemented\n");
        assertThat(client.get("alpha", "/cluster/ha/resources").status()).isEqualTo(200);
        assertThat(client.get("alpha", "/cluster/status").status()).isEqualTo(200);
    }

    @Test
    void shouldClearOnlyTheScopeNamedByApiOk() {
        assertThat(statusAt(21, "/nodes/n2/replication")).isEqualTo(200);
        assertThat(statusAt(21, "/cluster/ha/status/current")).as("other scope still failing").isEqualTo(501);
        assertThat(statusAt(41, "/cluster/ha/status/current")).as("api-ok without a path clears all").isEqualTo(200);
    }

    @Test
    void shouldMatchAnyNodeWithAWildcardUntilTheDurationEnds() {
        assertThat(statusAt(31, "/nodes/n1/replication")).isEqualTo(500);
        assertThat(statusAt(31, "/nodes/n3/replication")).isEqualTo(500);
        assertThat(statusAt(31, "/nodes")).isEqualTo(200);
        assertThat(statusAt(35, "/nodes/n1/replication")).isEqualTo(200);
    }

    @Test
    void shouldRejectAPathThatIsNotAbsolute() {
        assertThatThrownBy(() -> TestSites.scenario("""
                timeline:
                  - { at: 5s, cluster: alpha, action: api-fault, kind: http500, path: "nodes/n2" }
                """)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("timeline[0].path: 'nodes/n2' is not a path");
    }
}
