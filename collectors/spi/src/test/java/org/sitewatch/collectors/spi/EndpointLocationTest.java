package org.sitewatch.collectors.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sitewatch.events.Platform;
import org.sitewatch.events.SiteLocation;

class EndpointLocationTest {

    @Test
    void shouldKeepTheLocationThroughTheBuilderAndAVariantAndShowIt() {
        SiteLocation sddc = new SiteLocation("aws", "eu-central-1");
        EndpointConfig endpoint = EndpointConfig.builder("vmc-frankfurt", "vmc-frankfurt", Platform.VSPHERE)
                .location(sddc).setting("url", "https://vc.example/sdk").build();

        assertThat(endpoint.location()).isEqualTo(sddc);
        assertThat(endpoint.toBuilder().resyncEvery(5).build().location()).isEqualTo(sddc);
        assertThat(endpoint.toString()).contains("location=SiteLocation[cloud=aws, region=eu-central-1]");
        assertThat(EndpointConfig.builder("paris", "paris-dc1", Platform.PROXMOX).build().location()).isNull();
    }
}
