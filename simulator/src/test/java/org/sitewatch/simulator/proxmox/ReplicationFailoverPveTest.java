package org.sitewatch.simulator.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.simulator.proxmox.PveClient.find;
import static org.sitewatch.simulator.proxmox.TestSites.E;
import static org.sitewatch.simulator.proxmox.TestSites.T0;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sitewatch.simulator.ManualClock;

/**
 * The vendor-neutral replication-failover step on a Proxmox front, which has no failover of its own
 * (pvesr): the job stays listed, not syncing (last_sync frozen, no next_sync), and the HA guest is
 * stopped; after the failback the guest runs and the job syncs at once.
 */
class ReplicationFailoverPveTest {

    private final ManualClock clock = new ManualClock(T0);

    @Test
    void aFailedOverJobStopsSyncingAndItsGuestStopsUntilTheFailback() {
        String timeline = """
                timeline:
                  - { at: 25s, site: alpha, action: replication-failover, job: 100-0 }
                  - { at: 65s, site: alpha, action: replication-failback, job: 100-0 }
                """;
        try (ProxmoxSimulator sim = TestSites.start(TestSites.scenario(timeline), clock)) {
            PveClient client = new PveClient(sim);
            clock.set(T0.plusSeconds(24));
            long lastSync = job(client).get("last_sync").asLong();

            clock.set(T0.plusSeconds(60));
            JsonNode failedOver = job(client);
            assertThat(failedOver.get("last_sync").asLong()).isEqualTo(lastSync);
            assertThat(failedOver.get("next_sync").asLong()).isZero();
            assertThat(failedOver.get("fail_count").asInt()).isZero();
            JsonNode vm = find(client.data("alpha", "/cluster/resources?type=vm"), "id", "qemu/100");
            assertThat(vm.get("status").asText()).isEqualTo("stopped");
            assertThat(find(client.data("alpha", "/cluster/ha/status/current"), "id", "service:vm:100")
                    .get("state").asText()).isEqualTo("stopped");

            clock.set(T0.plusSeconds(70));
            JsonNode back = job(client);
            assertThat(back.get("last_sync").asLong()).as("synced at the failback").isEqualTo(E + 65);
            assertThat(find(client.data("alpha", "/cluster/resources?type=vm"), "id", "qemu/100").get("status").asText())
                    .isEqualTo("running");
        }
    }

    private static JsonNode job(PveClient client) {
        return find(client.data("alpha", "/nodes/n1/replication"), "id", "100-0");
    }
}
