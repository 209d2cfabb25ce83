package org.sitewatch.simulator.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.simulator.proxmox.PveClient.find;
import static org.sitewatch.simulator.proxmox.TestSites.E;
import static org.sitewatch.simulator.proxmox.TestSites.T0;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sitewatch.simulator.ManualClock;

/** HA manager: fence → recovery → started elsewhere, quorum, requests and migration (fence 10 s, recovery 5 s). */
class HaFailoverTest {

    private final ManualClock clock = new ManualClock(T0);

    private JsonNode service(PveClient client, String sid) {
        return find(client.data("alpha", "/cluster/ha/status/current"), "id", "service:" + sid);
    }

    private void at(long second) {
        clock.set(T0.plusSeconds(second));
    }

    @Test
    void nodeOfflineFencesThenRecoversOnAnotherNode() {
        String timeline = """
                timeline:
                  - { at: 5s, site: alpha, action: node-offline, node: n1 }
                  - { at: 60s, site: alpha, action: node-online, node: n1 }
                """;
        try (ProxmoxSimulator sim = TestSites.start(TestSites.scenario(timeline), clock)) {
            PveClient client = new PveClient(sim);
            at(6);
            JsonNode svc = service(client, "vm:100");
            assertThat(svc.get("crm_state").asText()).isEqualTo("fence");
            assertThat(svc.get("state").asText()).isEqualTo("fence");
            assertThat(svc.get("node").asText()).isEqualTo("n1");
            JsonNode vm = find(client.data("alpha", "/cluster/resources?type=vm"), "id", "qemu/100");
            assertThat(vm.get("status").asText()).isEqualTo("unknown");
            assertThat(vm.get("hastate").asText()).isEqualTo("fence");
            JsonNode node = find(client.data("alpha", "/cluster/resources?type=node"), "id", "node/n1");
            assertThat(node.get("status").asText()).isEqualTo("unknown");
            assertThat(node.get("hastate").asText()).isEqualTo("fence");
            JsonNode status = client.data("alpha", "/cluster/status");
            assertThat(find(status, "id", "node/n1").get("online").asInt()).isZero();
            assertThat(find(status, "id", "node/n2").get("local").asInt()).as("API now served by n2").isEqualTo(1);

            at(15);
            assertThat(service(client, "vm:100").get("crm_state").asText()).isEqualTo("recovery");

            at(20);
            svc = service(client, "vm:100");
            assertThat(svc.get("crm_state").asText()).isEqualTo("started");
            assertThat(svc.get("node").asText()).as("its replication target").isEqualTo("n2");
            assertThat(service(client, "vm:101").get("node").asText()).isEqualTo("n3");
            vm = find(client.data("alpha", "/cluster/resources?type=vm"), "id", "qemu/100");
            assertThat(vm.get("status").asText()).isEqualTo("running");
            assertThat(vm.get("node").asText()).isEqualTo("n2");
            JsonNode job = find(client.data("alpha", "/cluster/replication"), "id", "100-0");
            assertThat(job.get("source").asText()).isEqualTo("n2");
            assertThat(job.get("target").asText()).as("direction switched").isEqualTo("n1");
            assertThat(find(client.data("alpha", "/cluster/resources?type=node"), "id", "node/n1")
                    .get("hastate").asText()).isEqualTo("unknown");

            at(40);
            JsonNode lrm = find(client.data("alpha", "/cluster/ha/status/current"), "id", "lrm:n1");
            assertThat(lrm.get("timestamp").asLong()).as("frozen when offline").isEqualTo(E + 5);
            assertThat(lrm.get("status").asText()).contains("old timestamp - dead?");

            at(61);
            node = find(client.data("alpha", "/cluster/resources?type=node"), "id", "node/n1");
            assertThat(node.get("status").asText()).isEqualTo("online");
            assertThat(node.get("hastate").asText()).isEqualTo("online");
            assertThat(node.get("uptime").asLong()).isEqualTo(1);
        }
    }

    @Test
    void quorumLossBlocksFencingUntilRegained() {
        String timeline = """
                timeline:
                  - { at: 5s, site: alpha, action: node-offline, node: n1 }
                  - { at: 5s, site: alpha, action: node-offline, node: n2 }
                  - { at: 40s, site: alpha, action: node-online, node: n2 }
                """;
        try (ProxmoxSimulator sim = TestSites.start(TestSites.scenario(timeline), clock)) {
            PveClient client = new PveClient(sim);
            at(30);
            JsonNode quorum = find(client.data("alpha", "/cluster/ha/status/current"), "id", "quorum");
            assertThat(quorum.get("quorate").asInt()).isZero();
            assertThat(quorum.get("status").asText()).isEqualTo("No quorum on node 'n3'!");
            assertThat(find(client.data("alpha", "/cluster/status"), "type", "cluster").get("quorate").asInt()).isZero();
            assertThat(service(client, "vm:100").get("crm_state").asText()).as("no fencing without quorum").isEqualTo("fence");

            at(41);
            assertThat(find(client.data("alpha", "/cluster/ha/status/current"), "id", "quorum").get("quorate").asInt())
                    .isEqualTo(1);
            assertThat(service(client, "vm:100").get("crm_state").asText()).isEqualTo("fence");
            at(50);
            assertThat(service(client, "vm:100").get("crm_state").asText()).isEqualTo("recovery");
            at(55);
            JsonNode svc = service(client, "vm:100");
            assertThat(svc.get("crm_state").asText()).isEqualTo("started");
            assertThat(svc.get("node").asText()).isIn("n2", "n3");
        }
    }

    @Test
    void haFenceActionMovesTheService() {
        String timeline = """
                timeline:
                  - { at: 5s, site: alpha, action: ha-fence, sid: "vm:101" }
                """;
        try (ProxmoxSimulator sim = TestSites.start(TestSites.scenario(timeline), clock)) {
            PveClient client = new PveClient(sim);
            at(6);
            assertThat(service(client, "vm:101").get("crm_state").asText()).isEqualTo("fence");
            assertThat(find(client.data("alpha", "/cluster/resources?type=vm"), "id", "qemu/101")
                    .get("status").asText()).isEqualTo("stopped");
            at(16);
            assertThat(service(client, "vm:101").get("crm_state").asText()).isEqualTo("recovery");
            at(21);
            JsonNode svc = service(client, "vm:101");
            assertThat(svc.get("crm_state").asText()).isEqualTo("started");
            assertThat(svc.get("node").asText()).isEqualTo("n3");
        }
    }

    @Test
    void stopStartAndMigrateGoThroughTheCrm() {
        String timeline = """
                timeline:
                  - { at: 5s, site: alpha, action: vm-stop, vmid: 101 }
                  - { at: 10s, site: alpha, action: vm-start, vmid: 101 }
                  - { at: 5s, site: alpha, action: ha-migrate, sid: "vm:100", node: n3 }
                  - { at: 5s, site: alpha, action: vm-stop, vmid: 102 }
                """;
        try (ProxmoxSimulator sim = TestSites.start(TestSites.scenario(timeline), clock)) {
            PveClient client = new PveClient(sim);
            at(6);
            JsonNode svc = service(client, "vm:101");
            assertThat(svc.get("crm_state").asText()).isEqualTo("request_stop");
            assertThat(svc.get("state").asText()).isEqualTo("stopping");
            assertThat(svc.get("request_state").asText()).isEqualTo("stopped");
            assertThat(service(client, "vm:100").get("crm_state").asText()).isEqualTo("migrate");
            assertThat(find(client.data("alpha", "/cluster/resources?type=vm"), "id", "lxc/102")
                    .get("status").asText()).isEqualTo("stopped");
            at(8);
            assertThat(service(client, "vm:101").get("crm_state").asText()).isEqualTo("stopped");
            assertThat(find(client.data("alpha", "/cluster/ha/resources"), "sid", "vm:101").get("state").asText())
                    .isEqualTo("stopped");
            assertThat(find(client.data("alpha", "/cluster/resources?type=vm"), "id", "qemu/101")
                    .get("status").asText()).isEqualTo("stopped");
            svc = service(client, "vm:100");
            assertThat(svc.get("crm_state").asText()).isEqualTo("started");
            assertThat(svc.get("node").asText()).isEqualTo("n3");
            at(11);
            assertThat(service(client, "vm:101").get("state").asText()).isEqualTo("starting");
            at(13);
            assertThat(service(client, "vm:101").get("crm_state").asText()).isEqualTo("started");
            JsonNode vm = find(client.data("alpha", "/cluster/resources?type=vm"), "id", "qemu/101");
            assertThat(vm.get("status").asText()).isEqualTo("running");
            assertThat(vm.get("uptime").asLong()).isEqualTo(1);
        }
    }
}
