package org.sitewatch.simulator.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sitewatch.simulator.proxmox.PveClient.find;
import static org.sitewatch.simulator.proxmox.TestSites.T0;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.SimulatorLauncher;

/** The shipped scenarios tell the stories they promise. */
class ShippedScenariosTest {

    private final ManualClock clock = new ManualClock(T0);

    private void at(long second) {
        clock.set(T0.plusSeconds(second));
    }

    @Test
    void defaultScenarioStory() {
        Scenario scenario = Scenario.loadResource("/scenarios/default.yaml");
        try (ProxmoxSimulator sim = TestSites.start(scenario, clock)) {
            PveClient client = new PveClient(sim);
            assertThat(sim.sites()).containsExactly("paris-dc1", "frankfurt-dc2", "london-dr", "berlin-vc", "madrid-vc",
                    "vmc-frankfurt", "oslo-hv", "stockholm-hv", "rsv-osl-neu", "vienna-kvm", "ocp-lyon", "rhv-rome",
                    "ovmm-zurich", "ctx-ams");
            for (String site : List.of("paris-dc1", "frankfurt-dc2", "london-dr")) {
                assertThat(client.data(site, "/cluster/resources?type=vm").size()).as(site).isBetween(6, 10);
            }

            at(60);
            JsonNode job = find(client.data("paris-dc1", "/nodes/pve-par-1/replication"), "id", "102-0");
            assertThat(job.get("target").asText()).as("paris's DR node, in london").isEqualTo("pve-par-dr1");
            assertThat(job.get("fail_count").asInt()).isPositive();
            assertThat(job.get("error").asText()).contains("zfs recv");

            at(75);
            JsonNode fra = client.data("frankfurt-dc2", "/cluster/ha/status/current");
            assertThat(find(fra, "id", "service:vm:200").get("crm_state").asText()).isIn("fence", "recovery");

            at(95);
            fra = client.data("frankfurt-dc2", "/cluster/ha/status/current");
            assertThat(find(fra, "id", "service:vm:200").get("crm_state").asText()).isEqualTo("started");
            assertThat(find(fra, "id", "service:vm:200").get("node").asText()).isNotEqualTo("pve-fra-2");
            assertThat(find(fra, "id", "service:vm:201").get("node").asText()).as("restarted on its DR replica")
                    .isEqualTo("pve-fra-dr1");
            assertThat(find(client.data("frankfurt-dc2", "/cluster/replication"), "id", "201-0").get("target").asText())
                    .as("the job now replicates back").isEqualTo("pve-fra-2");
            assertThat(client.get("london-dr", "/version").status()).isEqualTo(500);

            at(130);
            assertThat(client.get("london-dr", "/version").status()).isEqualTo(200);
            job = find(client.data("paris-dc1", "/nodes/pve-par-1/replication"), "id", "102-0");
            assertThat(job.get("fail_count").asInt()).as("recovered after the 100 s step").isZero();
            assertThat(find(client.data("london-dr", "/cluster/status"), "type", "cluster").get("quorate").isBoolean())
                    .isTrue();

            at(160);
            assertThat(find(client.data("frankfurt-dc2", "/cluster/status"), "id", "node/pve-fra-2")
                    .get("online").asInt()).isEqualTo(1);
            at(215);
            fra = client.data("frankfurt-dc2", "/cluster/ha/status/current");
            assertThat(find(fra, "id", "service:vm:200").get("node").asText()).as("migrated back").isEqualTo("pve-fra-2");
            assertThat(find(fra, "id", "service:vm:201").get("node").asText()).as("migrated back").isEqualTo("pve-fra-2");
            assertThat(find(client.data("frankfurt-dc2", "/cluster/replication"), "id", "201-0").get("target").asText())
                    .isEqualTo("pve-fra-dr1");

            at(240 + 60 + 5);
            fra = client.data("frankfurt-dc2", "/cluster/ha/status/current");
            assertThat(find(fra, "id", "service:vm:200").get("crm_state").asText()).as("second loop").isEqualTo("fence");
        }
    }

    @Test
    void defaultScenarioDescribesTheCollectorEndpointsWithTheirNodeSites() {
        try (ProxmoxSimulator sim = TestSites.start(Scenario.loadResource("/scenarios/default.yaml"), clock)) {
            List<SimulatedEndpoint> endpoints = sim.endpoints();
            assertThat(endpoints).extracting(SimulatedEndpoint::id)
                    .containsExactly("paris-dc1", "frankfurt-dc2", "london-dr", "berlin-vc", "madrid-vc", "vmc-frankfurt",
                            "oslo-hv", "stockholm-hv", "rsv-osl-neu", "vienna-kvm", "ocp-lyon", "rhv-rome", "ovmm-zurich",
                            "ctx-ams");
            assertThat(endpoints).extracting(SimulatedEndpoint::site)
                    .containsExactly("paris-dc1", "frankfurt-dc2", "london-dr", "berlin-dc3", "madrid-dr", "vmc-frankfurt",
                            "oslo-dc4", "stockholm-dr", "azure-neu", "vienna-dc5", "lyon-dc6", "rome-dc7", "zurich-dc8",
                            "amsterdam-dc9");
            assertThat(endpoints.get(0).nodeSites()).containsExactly(Map.entry("pve-par-dr1", "london-dr"));
            assertThat(endpoints.get(1).nodeSites()).containsExactly(Map.entry("pve-fra-dr1", "london-dr"));
            assertThat(endpoints.get(2).nodeSites()).isEmpty();
            SimulatedEndpoint paris = endpoints.get(0);
            assertThat(paris.platform()).isEqualTo("proxmox");
            assertThat(paris.url()).isEqualTo(sim.baseUrl("paris-dc1"));
            assertThat(paris.settings()).containsEntry("api-token", sim.apiToken("paris-dc1"));
            assertThat(paris.toString()).doesNotContain(sim.apiToken("paris-dc1").split("=")[1]);
            assertThat(new PveClient(sim).data("paris-dc1", "/version").get("version").asText()).isNotEmpty();
            // the vCenters: berlin's DR host stands in madrid-dr, its VR/SRM block maps that target
            SimulatedEndpoint berlin = endpoints.get(3);
            assertThat(berlin.platform()).isEqualTo("vsphere");
            assertThat(berlin.nodeSites()).containsExactly(Map.entry("esx-mad-dr1", "madrid-dr"));
            assertThat(berlin.settings()).containsEntry("replication.url", sim.baseUrl("berlin-vc"))
                    .containsEntry("replication.sites[madrid-vc]", "madrid-dr");
            // ...and madrid's stands in the VMC SDDC, whose own vCenter is VR's target
            SimulatedEndpoint madrid = endpoints.get(4);
            assertThat(madrid.nodeSites()).containsExactly(Map.entry("esx-vmc-dr1", "vmc-frankfurt"));
            assertThat(madrid.settings()).containsEntry("replication.sites[madrid-vc]", "madrid-dr")
                    .containsEntry("replication.sites[vmc-frankfurt]", "vmc-frankfurt");
            assertThat(endpoints.get(5).nodeSites()).isEmpty();
            // the Hyper-V failover clusters: each node's WinRM listener; oslo's replica server stands in stockholm
            SimulatedEndpoint oslo = endpoints.get(6);
            assertThat(oslo.platform()).isEqualTo("hyperv");
            String osloRoot = sim.baseUrl("oslo-hv").replaceFirst("/wsman$", "");
            assertThat(oslo.url()).isEqualTo(osloRoot + "/wsman").endsWith("/oslo-hv/wsman");
            assertThat(oslo.nodeSites()).containsExactly(Map.entry("hv-sto-r1", "stockholm-dr"));
            assertThat(oslo.settings()).containsEntry("basic-login.username", "sitewatch-monitor")
                    .containsEntry("node-urls[hv-osl-2]", osloRoot + "/hv-osl-2/wsman")
                    .containsEntry("sites[hv-sto-r1.oslo-dc4.example]", "stockholm-dr")
                    .doesNotContainKey("node-urls[hv-sto-r1]");
            assertThat(oslo.toString()).doesNotContain("hv-oslo-simulated");
            SimulatedEndpoint stockholm = endpoints.get(7);
            assertThat(stockholm.nodeSites()).isEmpty();
            assertThat(stockholm.settings()).containsKeys("node-urls[hv-sto-1]", "node-urls[hv-sto-2]", "node-urls[hv-sto-3]")
                    .noneSatisfy((key, value) -> assertThat(key).startsWith("sites["));
            // the Recovery Services vault: its own HTTPS listener, its certificate as ca-file, oslo's fabric in oslo-dc4
            SimulatedEndpoint vault = endpoints.get(8);
            assertThat(vault.platform()).isEqualTo("azure");
            assertThat(vault.url()).isEqualTo(sim.baseUrl("rsv-osl-neu")).startsWith("https://127.0.0.1:");
            assertThat(vault.nodeSites()).containsExactly(Map.entry("HVC-OSLO", "oslo-dc4"));
            assertThat(vault.settings()).containsEntry("authority-host", vault.url() + "/")
                    .containsEntry("resource-manager-endpoint", vault.url() + "/")
                    .containsEntry("vaults[0].resource-group", "rg-sitewatch-dr")
                    .containsEntry("vaults[0].name", "rsv-osl-neu")
                    .containsEntry("sites[HVC-OSLO]", "oslo-dc4")
                    .containsEntry("sites[northeurope]", "azure-neu")
                    .containsEntry("ca-file", sim.simulator().ownListenerCertificate().orElseThrow().toString());
            assertThat(vault.toString()).doesNotContain("simulated-asr-reader-secret");
            // the libvirt host: no url (reached through the in-process test driver), its DRBD peer in london-dr
            SimulatedEndpoint vienna = endpoints.get(9);
            assertThat(vienna.platform()).isEqualTo("libvirt");
            assertThat(vienna.url()).isNull();
            assertThat(vienna.vendorProperties()).doesNotContainKey("url")
                    .containsEntry("hosts[0].name", "kvm-vie-1").containsEntry("hosts[0].uri", "test:///default")
                    .containsEntry("drbd.peers[kvm-vie-dr1]", "london-dr");
            assertThat(vienna.nodeSites()).containsExactly(Map.entry("kvm-vie-dr1", "london-dr"));
            // the KubeVirt cluster: its own HTTPS listener, named by the kubeconfig of its settings, not by a url key
            SimulatedEndpoint lyon = endpoints.get(10);
            assertThat(lyon.platform()).isEqualTo("kubevirt");
            assertThat(lyon.url()).isEqualTo(sim.baseUrl("ocp-lyon")).startsWith("https://127.0.0.1:");
            assertThat(lyon.vendorProperties()).doesNotContainKey("url").containsEntry("cluster-name", "ocp-lyon")
                    .containsEntry("context", "sitewatch@ocp-lyon").containsKey("kubeconfig-file");
            assertThat(lyon.nodeSites()).isEmpty();
        }
    }

    @Test
    void e2eScenarioOnTheRealClock() {
        // Real time, background ticking: the failure at 5 s must show up within a few seconds of it.
        Scenario scenario = SimulatorLauncher.loadScenario(SimulatorLauncher.E2E_REPLICATION_FAILURE);
        try (ProxmoxSimulator sim = ProxmoxSimulator.builder(scenario).tickInterval(Duration.ofMillis(100)).build()
                .start()) {
            PveClient client = new PveClient(sim);
            JsonNode first = find(client.data("e2e-a", "/nodes/pve-a1/replication"), "id", "100-0");
            assertThat(first.get("fail_count").asInt()).isZero();
            await().atMost(Duration.ofSeconds(12)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                JsonNode j = find(client.data("e2e-a", "/nodes/pve-a1/replication"), "id", "100-0");
                assertThat(j.get("fail_count").asInt()).isPositive();
                assertThat(j.has("error")).isTrue();
            });
            JsonNode healthy = find(client.data("e2e-b", "/nodes/pve-b1/replication"), "id", "200-0");
            assertThat(healthy.get("fail_count").asInt()).isZero();
        }
    }

    @Test
    void e2eScenarioRecoversOnAManualClock() {
        Scenario scenario = Scenario.loadResource("/scenarios/e2e-replication-failure.yaml");
        try (ProxmoxSimulator sim = TestSites.start(scenario, clock)) {
            PveClient client = new PveClient(sim);
            at(10);
            assertThat(find(client.data("e2e-a", "/nodes/pve-a1/replication"), "id", "100-0").get("fail_count").asInt())
                    .isEqualTo(1);
            at(25);
            JsonNode j = find(client.data("e2e-a", "/nodes/pve-a1/replication"), "id", "100-0");
            assertThat(j.get("fail_count").asInt()).isZero();
            assertThat(j.get("last_sync").asLong()).isGreaterThanOrEqualTo(TestSites.E + 20);
        }
    }
}
