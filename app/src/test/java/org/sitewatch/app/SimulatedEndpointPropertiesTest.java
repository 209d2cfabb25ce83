package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.config.CollectorsProperties;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.settings.SettingsBlock;
import org.sitewatch.events.SiteLocation;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The launcher's endpoint properties bind onto endpoint configs with the simulated clusters' locations. */
class SimulatedEndpointPropertiesTest {

    private static final List<SimulatedEndpoint> ENDPOINTS = List.of(
            new SimulatedEndpoint("paris-dc1", "paris-dc1", "proxmox", "http://127.0.0.1:1/paris-dc1/api2/json",
                    Map.of("pve-par-dr1", "london-dr"), Map.of("api-token", "sitewatch@pve!monitor=x")),
            new SimulatedEndpoint("vmc-frankfurt", "vmc-frankfurt", "vsphere", "http://127.0.0.1:1/vmc-frankfurt/sdk",
                    Map.of(), Map.of("login.username", "u"), "aws", "eu-central-1"));

    @Test
    void shouldGiveACloudClustersEndpointItsCloudAndRegionKeysAndOthersNone() {
        Map<String, String> props = SimulatedEndpointProperties.of(ENDPOINTS, Duration.ofSeconds(5));

        assertThat(props).containsEntry("sitewatch.collectors.endpoints[1].cloud", "aws")
                .containsEntry("sitewatch.collectors.endpoints[1].region", "eu-central-1")
                .containsEntry("sitewatch.collectors.endpoints[1].vsphere.login.username", "u")
                .containsEntry("sitewatch.collectors.endpoints[0].node-sites[pve-par-dr1]", "london-dr")
                .containsEntry("sitewatch.collectors.endpoints[0].poll-interval", "5000ms")
                .doesNotContainKeys("sitewatch.collectors.endpoints[0].cloud", "sitewatch.collectors.endpoints[0].region");
    }

    @Test
    void shouldBindOntoEndpointConfigsWithTheLocation() {
        Map<String, String> props = SimulatedEndpointProperties.of(ENDPOINTS, Duration.ofSeconds(5));

        CollectorsProperties bound = new Binder(new MapConfigurationPropertySource(props))
                .bindOrCreate("sitewatch.collectors", CollectorsProperties.class);

        List<EndpointConfig> configs = bound.endpoints().stream()
                .map(e -> e.toEndpointConfig(new SettingsBlock("vendor", Map.of()))).toList();
        assertThat(configs).extracting(EndpointConfig::id).containsExactly("paris-dc1", "vmc-frankfurt");
        assertThat(configs.get(0).location()).isNull();
        assertThat(configs.get(1).location()).isEqualTo(new SiteLocation("aws", "eu-central-1"));
        assertThat(bound.endpoints()).allSatisfy(e -> assertThat(e.locationProblems("x.")).isEmpty());
    }
}
