package org.sitewatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
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
}
