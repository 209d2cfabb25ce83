package org.sitewatch.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.ScenarioException;

/**
 * The {@code replication-failover} and {@code replication-failback} steps: parsed and checked like
 * the other job steps, and in the engine a failed-over link stops replicating while its primary guest
 * is stopped; a failback starts the guest and an owed sync at once.
 */
class ReplicationFailoverTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final String SCENARIO = """
            sites: [home, dr]
            clusters:
              - name: c1
                platform: vsphere
                site: home
                ha: { fenceDelay: 2s, recoveryDelay: 2s, crmRound: 1s }
                nodes:
                  - { name: n1 }
                  - { name: r1, site: dr }
                vms:
                  - { vmid: 100, name: db, node: n1 }
                  - { vmid: 101, name: app, node: n1, ha: true }
                replication:
                  - { guest: 100, target: r1, syncEverySeconds: 10, syncDuration: 1s, retryUnitSeconds: 1 }
                  - { guest: 101, target: r1, syncEverySeconds: 10, syncDuration: 1s, retryUnitSeconds: 1 }
            timeline:
              - { at: 25s, cluster: c1, action: replication-failover, job: 100-0 }
              - { at: 25s, cluster: c1, action: replication-failover, job: 101-0 }
              - { at: 87s, cluster: c1, action: replication-failback, job: 100-0 }
              - { at: 87s, cluster: c1, action: replication-failback, job: 101-0 }
            """;

    private final ManualClock clock = new ManualClock(T0);
    private final Engine engine = new Engine(Scenario.parse(SCENARIO), clock);

    private void at(long seconds) {
        clock.advance(Duration.between(clock.instant(), T0.plusSeconds(seconds)));
        engine.tick();
    }

    private ReplicationLinkState link(String id) {
        return engine.read("c1", (cluster, now) -> cluster.link(id));
    }

    private GuestState guest(int vmid) {
        return engine.read("c1", (cluster, now) -> cluster.guest(vmid));
    }

    @Test
    void aFailedOverLinkStopsReplicatingAndItsPrimaryGuestIsStopped() {
        at(24);
        long lastSyncBefore = link("100-0").lastSync();
        assertThat(link("100-0").failedOver()).isFalse();

        at(26);
        ReplicationLinkState link = link("100-0");
        assertThat(link.failedOver()).isTrue();
        assertThat(link.failedOverAt()).isEqualTo(T0.plusSeconds(25));
        assertThat(guest(100).running()).as("the primary is shut down").isFalse();
        assertThat(link.nextSync(engine.read("c1", (cluster, now) -> cluster))).as("nothing planned").isZero();

        at(80);
        assertThat(link("100-0").lastSync()).as("the recovery point failed over to").isEqualTo(lastSyncBefore);
        assertThat(link("100-0").lastTry()).isLessThan(T0.plusSeconds(26).getEpochSecond());
        assertThat(link("100-0").running()).isFalse();
        assertThat(link("100-0").failCount()).isZero();
    }

    @Test
    void anHaGuestIsStoppedThroughItsHaResourceAndStartedAgainOnFailback() {
        at(30);
        assertThat(guest(101).requestState()).isEqualTo("stopped");
        assertThat(guest(101).phase()).isEqualTo(HaPhase.STOPPED);
        assertThat(guest(101).running()).isFalse();

        at(90);
        assertThat(link("101-0").failedOver()).isFalse();
        assertThat(guest(101).requestState()).isEqualTo("started");
        assertThat(guest(101).phase()).isEqualTo(HaPhase.STARTED);
        assertThat(guest(101).running()).isTrue();
    }

    @Test
    void afterAFailbackTheGuestRunsAndTheOwedSyncStartsAtOnce() {
        at(87);
        assertThat(link("100-0").failedOver()).isFalse();
        assertThat(guest(100).running()).isTrue();
        assertThat(link("100-0").running()).as("an attempt starts at the failback").isTrue();
        assertThat(link("100-0").lastTry()).isEqualTo(T0.plusSeconds(87).getEpochSecond());

        at(89);
        assertThat(link("100-0").lastSync()).isEqualTo(T0.plusSeconds(87).getEpochSecond());
        assertThat(link("100-0").failCount()).isZero();
        at(101);
        assertThat(link("100-0").lastSync()).as("back on its schedule").isEqualTo(T0.plusSeconds(100).getEpochSecond());
    }

    @Test
    void theStepsNameAJobOfTheirCluster() {
        assertThatThrownBy(() -> Scenario.parse(SCENARIO.replace("replication-failover, job: 100-0",
                "replication-failover, job: 999-0"))).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("job").hasMessageContaining("no replication job '999-0' in cluster 'c1'");
        assertThatThrownBy(() -> Scenario.parse(SCENARIO.replace("replication-failback, job: 101-0",
                "replication-failback"))).isInstanceOf(ScenarioException.class).hasMessageContaining("job");
        assertThatThrownBy(() -> Scenario.parse(SCENARIO.replace("replication-failback, job: 101-0",
                "replication-fallback, job: 101-0"))).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("replication-failover, replication-failback");
    }
}
