package org.sitewatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The endpoints the simulator describes carry where their cluster runs, from the scenario's cloud and region. */
class SimulatedEndpointTest {

    private static final String SCENARIO = """
            name: located
            clusters:
              - name: sddc
                platform: vsphere
                cluster: Cluster-1
                site: vmc-paris
                cloud: aws
                region: eu-west-3
                nodes:
                  - { name: esx-1 }
              - name: onprem
                platform: vsphere
                cluster: CL-Lyon
                site: lyon
                nodes:
                  - { name: esx-lyon-1 }
            """;

    private static List<SimulatedEndpoint> endpointsOf(Scenario scenario) {
        try (Simulator simulator = Simulator.builder(scenario).clock(new ManualClock(Instant.parse("2025-01-07T10:00:00Z")))
                .tickInterval(null).build().start()) {
            return simulator.endpoints();
        }
    }

    @Test
    void aCloudClustersEndpointHasItsCloudAndRegionAndAnOnPremisesOneHasNone() {
        List<SimulatedEndpoint> endpoints = endpointsOf(Scenario.parse(SCENARIO));

        SimulatedEndpoint sddc = endpoints.get(0);
        assertThat(sddc.cloud()).isEqualTo("aws");
        assertThat(sddc.region()).isEqualTo("eu-west-3");
        assertThat(sddc.settings()).as("the location is a common key, not a vendor setting")
                .doesNotContainKeys("cloud", "region");
        assertThat(sddc.toString()).contains("cloud=aws, region=eu-west-3");
        SimulatedEndpoint onPremises = endpoints.get(1);
        assertThat(onPremises.cloud()).isNull();
        assertThat(onPremises.region()).isNull();
    }

    @Test
    void theDefaultEstatesVmcSddcIsInAwsFrankfurtItsVaultInAzureNorthEuropeAndNoOtherSiteHasALocation() {
        List<SimulatedEndpoint> endpoints = endpointsOf(Scenario.loadResource("/scenarios/default.yaml"));

        assertThat(endpoints).filteredOn(e -> e.cloud() != null || e.region() != null)
                .extracting(e -> e.id() + " " + e.cloud() + " " + e.region())
                .containsExactly("vmc-frankfurt aws eu-central-1", "rsv-osl-neu azure northeurope");
    }

    @Test
    void anEndpointServedOverHttpHasItsUrlFirstAndOneServedOtherwiseHasNone() {
        SimulatedEndpoint http = new SimulatedEndpoint("pve", "paris", "proxmox", "http://127.0.0.1:8006/pve/api2/json",
                Map.of(), Map.of("api-token", "t"));
        assertThat(http.vendorProperties()).containsExactly(Map.entry("url", "http://127.0.0.1:8006/pve/api2/json"),
                Map.entry("api-token", "t"));

        SimulatedEndpoint inProcess = new SimulatedEndpoint("kvm", "vienna", "libvirt", null, Map.of(),
                Map.of("hosts[0].uri", "test:///default", "hosts[0].name", "kvm-1"));
        assertThat(inProcess.vendorProperties()).containsExactly(Map.entry("hosts[0].name", "kvm-1"),
                Map.entry("hosts[0].uri", "test:///default"));
        assertThat(inProcess.toString()).contains("url=null");

        // a KubeVirt cluster listens at a url, but its collector reads the address from its kubeconfig
        SimulatedEndpoint kube = new SimulatedEndpoint("ocp", "lyon", "kubevirt", "https://127.0.0.1:8007", Map.of(),
                Map.of("kubeconfig-file", "/tmp/ocp.kubeconfig", "context", "sitewatch@ocp"));
        assertThat(kube.url()).isEqualTo("https://127.0.0.1:8007");
        assertThat(kube.vendorProperties()).containsExactly(Map.entry("context", "sitewatch@ocp"),
                Map.entry("kubeconfig-file", "/tmp/ocp.kubeconfig"));
    }

    @Test
    void theSimulatorGivesAClusterOfAFrontNotServedOverHttpNoUrl() {
        Scenario scenario = Scenario.parse("""
                name: mixed
                clusters:
                  - name: onprem
                    platform: vsphere
                    cluster: CL-Lyon
                    site: lyon
                    nodes:
                      - { name: esx-lyon-1 }
                  - name: kvm
                    platform: libvirt
                    site: vienna
                    nodes:
                      - { name: kvm-1 }
                """);
        List<SimulatedEndpoint> endpoints = endpointsOf(scenario);

        assertThat(endpoints).extracting(SimulatedEndpoint::id).containsExactly("onprem", "kvm");
        assertThat(endpoints.get(0).url()).startsWith("http://127.0.0.1:").endsWith("/onprem");
        assertThat(endpoints.get(1).url()).isNull();
        assertThat(endpoints.get(1).vendorProperties()).doesNotContainKey("url").containsEntry("hosts[0].name", "kvm-1");
    }
}
