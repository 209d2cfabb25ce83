package org.sitewatch.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;

/**
 * Where HA restarts a failed node's guest: on the node holding its replica when the vendor's cluster is stretched
 * over sites (Proxmox VE, a vSphere stretched cluster), but never on a Hyper-V replica server in another site, which is a standalone host outside
 * the failover cluster: there the guest restarts on another node of its own site.
 */
class HaRecoveryTargetTest {

    private static final String SCENARIO = """
            sites: [home, dr]
            clusters:
              - name: c1
                platform: %s
                site: home
                ha: { fenceDelay: 2s, recoveryDelay: 2s, crmRound: 1s }
                nodes:
                  - { name: n1 }
                  - { name: n2 }
                  - { name: n3 }
                  - { name: r1, site: dr }
                vms:
                  - { vmid: 100, name: db, node: n1, ha: true }
                replication:
                  - { guest: 100, target: r1, syncEverySeconds: 60, syncDuration: 1s, retryUnitSeconds: 1 }
            timeline:
              - { at: 5s, cluster: c1, action: node-offline, node: n1 }
            """;

    private static String nodeOfTheGuestAfterItsNodeFailed(String platform) {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-01T00:00:00Z"));
        Engine engine = new Engine(Scenario.parse(SCENARIO.formatted(platform)), clock);
        for (int s = 0; s < 60; s++) {
            clock.advance(Duration.ofSeconds(1));
            engine.tick();
        }
        return engine.read("c1", (cluster, now) -> cluster.guest(100).node());
    }

    @Test
    void aStretchedClusterRestartsTheGuestWhereItsReplicaIs() {
        assertThat(nodeOfTheGuestAfterItsNodeFailed("vsphere")).isEqualTo("r1");
    }

    @Test
    void aHypervFailoverClusterRestartsTheGuestOnAnotherNodeOfItsOwnSite() {
        assertThat(nodeOfTheGuestAfterItsNodeFailed("hyperv")).isIn("n2", "n3");
    }
}
