package org.sitewatch.simulator.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.simulator.proxmox.PveClient.find;
import static org.sitewatch.simulator.proxmox.TestSites.E;
import static org.sitewatch.simulator.proxmox.TestSites.T0;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sitewatch.simulator.ManualClock;

/**
 * Job 100-0 of the test site syncs every 10 s for 2 s, with the retry unit scaled to 1 s, so the
 * pvesr retry rule gives retries after 5, 10, 15, then 30 s.
 */
class ReplicationTimelineTest {

    private final ManualClock clock = new ManualClock(T0);

    private JsonNode job(PveClient client, String node) {
        return find(client.data("alpha", "/nodes/" + node + "/replication"), "id", "100-0");
    }

    private JsonNode at(PveClient client, long second) {
        clock.set(T0.plusSeconds(second));
        return job(client, "n1");
    }

    @Test
    void okSyncingFailingRetryingRecovered() {
        String timeline = """
                timeline:
                  - { at: 15s, site: alpha, action: replication-fail, job: 100-0, error: "boom: exit code 1" }
                  - { at: 60s, site: alpha, action: replication-recover, job: 100-0 }
                """;
        try (ProxmoxSimulator sim = TestSites.start(TestSites.scenario(timeline), clock)) {
            PveClient client = new PveClient(sim);
            JsonNode j = at(client, 0);
            assertThat(j.get("last_sync").asLong()).isEqualTo(E);
            assertThat(j.get("next_sync").asLong()).isEqualTo(E + 10);
            assertThat(j.has("pid")).isFalse();

            clock.set(T0.plusMillis(10_500));
            j = job(client, "n1");
            assertThat(j.has("pid")).as("SYNCING while the sync runs").isTrue();
            assertThat(j.get("last_try").asLong()).isEqualTo(E + 10);
            assertThat(j.get("last_sync").asLong()).isEqualTo(E);

            j = at(client, 12);
            assertThat(j.has("pid")).isFalse();
            assertThat(j.get("last_sync").asLong()).isEqualTo(E + 10);
            assertThat(j.get("duration").asDouble()).isEqualTo(2.0);
            assertThat(j.get("next_sync").asLong()).isEqualTo(E + 20);

            j = at(client, 22);
            assertThat(j.get("fail_count").asInt()).isEqualTo(1);
            assertThat(j.get("error").asText()).isEqualTo("boom: exit code 1");
            assertThat(j.get("last_sync").asLong()).as("frozen").isEqualTo(E + 10);
            assertThat(j.get("last_try").asLong()).isEqualTo(E + 20);
            assertThat(j.get("next_sync").asLong()).as("last_try + 5 units").isEqualTo(E + 25);

            j = at(client, 27);
            assertThat(j.get("fail_count").asInt()).isEqualTo(2);
            assertThat(j.get("next_sync").asLong()).isEqualTo(E + 25 + 10);

            j = at(client, 37);
            assertThat(j.get("fail_count").asInt()).isEqualTo(3);
            assertThat(j.get("next_sync").asLong()).isEqualTo(E + 35 + 15);

            j = at(client, 52);
            assertThat(j.get("fail_count").asInt()).isEqualTo(4);
            assertThat(j.get("next_sync").asLong()).as("30 units from the 4th failure on").isEqualTo(E + 50 + 30);
            assertThat(j.get("last_sync").asLong()).isEqualTo(E + 10);

            j = at(client, 79);
            assertThat(j.get("error").asText()).as("recovered only at the next attempt").isNotEmpty();

            j = at(client, 82);
            assertThat(j.get("fail_count").asInt()).isZero();
            assertThat(j.has("error")).isFalse();
            assertThat(j.get("last_sync").asLong()).isEqualTo(E + 80);
            assertThat(j.get("next_sync").asLong()).isEqualTo(E + 90);
        }
    }

    @Test
    void coarseJumpGivesSameResultAsFineTicks() {
        String timeline = """
                timeline:
                  - { at: 15s, site: alpha, action: replication-fail, job: 100-0 }
                """;
        try (ProxmoxSimulator sim = TestSites.start(TestSites.scenario(timeline), clock)) {
            JsonNode j = at(new PveClient(sim), 37);
            assertThat(j.get("fail_count").asInt()).isEqualTo(3);
            assertThat(j.get("last_try").asLong()).isEqualTo(E + 35);
            assertThat(j.get("error").asText()).contains("failed: exit code 1");
        }
    }

    @Test
    void offlineTargetStopsRetriesUntilItReturns() {
        String timeline = """
                timeline:
                  - { at: 5s, site: alpha, action: node-offline, node: n2 }
                  - { at: 30s, site: alpha, action: node-online, node: n2 }
                """;
        try (ProxmoxSimulator sim = TestSites.start(TestSites.scenario(timeline), clock)) {
            PveClient client = new PveClient(sim);
            JsonNode j = at(client, 20);
            assertThat(j.get("fail_count").asInt()).isEqualTo(1);
            assertThat(j.get("error").asText()).contains("n2");
            assertThat(j.get("next_sync").asLong()).as("no retry while the target is offline").isZero();
            j = at(client, 29);
            assertThat(j.get("fail_count").asInt()).isEqualTo(1);

            // Back online at 30 s: the overdue retry runs at once and succeeds.
            j = at(client, 31);
            assertThat(j.has("pid")).isTrue();
            assertThat(j.get("last_try").asLong()).isEqualTo(E + 30);
            j = at(client, 32);
            assertThat(j.get("fail_count").asInt()).isZero();
            assertThat(j.get("last_sync").asLong()).isEqualTo(E + 30);
        }
    }

    @Test
    void offlineSourceNodeAnswers595() {
        String timeline = """
                timeline:
                  - { at: 5s, site: alpha, action: node-offline, node: n3 }
                """;
        try (ProxmoxSimulator sim = TestSites.start(TestSites.scenario(timeline), clock)) {
            clock.set(T0.plusSeconds(6));
            PveClient.Reply r = new PveClient(sim).get("alpha", "/nodes/n3/replication");
            assertThat(r.status()).isEqualTo(595);
            assertThat(r.json().get("data").isNull()).isTrue();
            assertThat(r.json().get("message").asText()).isEqualTo("no route to host\n");
        }
    }

    @Test
    void removedGuestTakesItsJobs() {
        String timeline = """
                timeline:
                  - { at: 5s, site: alpha, action: vm-remove, vmid: 100 }
                  - { at: 6s, site: alpha, action: vm-add, vmid: 150, name: fresh, node: n3, type: lxc }
                """;
        try (ProxmoxSimulator sim = TestSites.start(TestSites.scenario(timeline), clock)) {
            clock.advance(Duration.ofSeconds(7));
            PveClient client = new PveClient(sim);
            assertThat(client.data("alpha", "/cluster/replication")).hasSize(1);
            assertThat(client.data("alpha", "/cluster/ha/resources")).hasSize(1);
            JsonNode vms = client.data("alpha", "/cluster/resources?type=vm");
            assertThat(vms.findValuesAsText("id")).doesNotContain("qemu/100").contains("lxc/150");
            assertThat(find(vms, "id", "lxc/150").get("uptime").asLong()).isEqualTo(1);
        }
    }
}
