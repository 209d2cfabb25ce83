package org.sitewatch.simulator.hyperv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.engine.Engine;

/**
 * A Hyper-V Replica relationship failed over by a {@code replication-failover} step, as each host's
 * snapshot shows it: PreparedForFailover on the primary (its VM off), FailedOver on the replica
 * (its VM running); after the failback both are Replicating again with the primary's VM running.
 */
class HostSnapshotFailoverTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCENARIO = """
            clusters:
              - name: paris-hv
                platform: hyperv
                site: paris
                nodes:
                  - { name: hv-par-1 }
                  - { name: rep-mad-1, site: madrid }
                vms:
                  - { vmid: 101, name: par-db, node: hv-par-1 }
                replication:
                  - { guest: 101, target: rep-mad-1, syncEverySeconds: 30, syncDuration: 2s, retryUnitSeconds: 1 }
            timeline:
              - { at: 40s, cluster: paris-hv, action: replication-fail, job: 101-0 }
              - { at: 100s, cluster: paris-hv, action: replication-failover, job: 101-0 }
              - { at: 200s, cluster: paris-hv, action: replication-recover, job: 101-0 }
              - { at: 200s, cluster: paris-hv, action: replication-failback, job: 101-0 }
            """;

    private final ManualClock clock = new ManualClock(T0);
    private final Engine engine = new Engine(Scenario.parse(SCENARIO), clock);

    private JsonNode snapshot(long atSeconds, String node) throws Exception {
        clock.advance(Duration.between(clock.instant(), T0.plusSeconds(atSeconds)));
        String json = engine.read("paris-hv", (state, now) ->
                new HostSnapshot(state, HostSettings.of(state.spec()), now).json(node));
        return JSON.readTree(json);
    }

    private static JsonNode only(JsonNode array) {
        assertThat(array).hasSize(1);
        return array.get(0);
    }

    @Test
    void theFailedOverRelationshipOnBothHostsThenReplicatingAgainAfterTheFailback() throws Exception {
        JsonNode failingPrimary = only(snapshot(90, "hv-par-1").get("replications"));
        assertThat(failingPrimary.get("ReplicationState").asText()).isEqualTo("Error");

        JsonNode primary = snapshot(110, "hv-par-1");
        assertThat(only(primary.get("vms")).get("State").asText()).as("the primary VM is shut down").isEqualTo("Off");
        JsonNode sending = only(primary.get("replications"));
        assertThat(sending.get("ReplicationMode").asText()).isEqualTo("Primary");
        assertThat(sending.get("ReplicationState").asText()).isEqualTo("PreparedForFailover");
        assertThat(sending.get("ReplicationHealth").asText()).as("nothing replicates, nothing fails").isEqualTo("Normal");
        assertThat(only(primary.get("replicationHealth")).get("ReplicationHealthDetails")).isEmpty();
        JsonNode replica = snapshot(110, "rep-mad-1");
        JsonNode replicaVm = only(replica.get("vms"));
        assertThat(replicaVm.get("State").asText()).as("the replica is the VM that runs").isEqualTo("Running");
        assertThat(replicaVm.get("ReplicationMode").asText()).isEqualTo("Replica");
        assertThat(only(replica.get("replications")).get("ReplicationState").asText()).isEqualTo("FailedOver");

        JsonNode back = snapshot(205, "hv-par-1");
        assertThat(only(back.get("vms")).get("State").asText()).isEqualTo("Running");
        JsonNode resumed = only(back.get("replications"));
        assertThat(resumed.get("ReplicationState").asText()).isEqualTo("Replicating");
        assertThat(resumed.get("ReplicationHealth").asText()).isEqualTo("Normal");
        assertThat(resumed.get("LastReplicationTime").asText()).isEqualTo(T0.plusSeconds(200).toString());
        assertThat(only(snapshot(205, "rep-mad-1").get("vms")).get("State").asText()).isEqualTo("Off");
    }
}
