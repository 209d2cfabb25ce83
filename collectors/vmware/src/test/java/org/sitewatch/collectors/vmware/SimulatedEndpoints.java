package org.sitewatch.collectors.vmware;

import java.time.Duration;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.settings.PropertyTree;
import org.sitewatch.events.Platform;
import org.sitewatch.simulator.SimulatedEndpoint;

/** The collector endpoint of a simulated vCenter, its settings bound as Spring binds the embedded default's properties. */
final class SimulatedEndpoints {

    private SimulatedEndpoints() {
    }

    static EndpointConfig of(SimulatedEndpoint simulated) {
        return EndpointConfig.builder(simulated.id(), simulated.site(), Platform.VSPHERE)
                .settings(PropertyTree.of(simulated.vendorProperties())).timeout(Duration.ofSeconds(5)).build();
    }
}
