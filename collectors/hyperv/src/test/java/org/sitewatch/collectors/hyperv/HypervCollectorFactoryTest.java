package org.sitewatch.collectors.hyperv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.CollectorFactory;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.events.Platform;

/** The plug-in as the runtime finds and configures it: registration, settings checked with the full key. */
class HypervCollectorFactoryTest {

    private static final Map<String, Object> LOGIN = Map.of("username", "monitor", "password", "s3cret");

    @Test
    void isFoundForHypervByServiceLoader() {
        assertThat(ServiceLoader.load(CollectorFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.platform() == Platform.HYPERV)).singleElement().isInstanceOf(HypervCollectorFactory.class);
    }

    @Test
    void makesAPollingSourceFromValidSettingsWithoutTouchingTheNetwork() throws Exception {
        EndpointConfig endpoint = endpoint(Map.of("url", "https://hv-a1.corp.example:5986/wsman",
                "basic-login", LOGIN, "node-urls", Map.of("HV-A2", "https://10.0.0.12:5986/wsman")));

        assertThat(new HypervCollectorFactory().validate(endpoint)).isEmpty();
        try (var source = new HypervCollectorFactory().create(endpoint, new CollectorContext(Clock.systemUTC()))) {
            assertThat(source).isInstanceOf(PollingSource.class);
        }
    }

    @Test
    void refusesBadSettingsNamingTheFullKey() {
        EndpointConfig plainHttp = endpoint(Map.of("url", "http://hv-a1:5985/wsman", "basic-login", LOGIN));

        assertThat(new HypervCollectorFactory().validate(plainHttp)).singleElement().asString()
                .contains("endpoints[0].hyperv.url");
        assertThatThrownBy(() -> new HypervCollectorFactory().create(plainHttp, new CollectorContext(Clock.systemUTC())))
                .isInstanceOf(CollectorException.class).hasMessageContaining("hyperv.url");
    }

    private static EndpointConfig endpoint(Map<String, ?> block) {
        return EndpointConfig.builder("paris-hv", "paris", Platform.HYPERV).vendorKey("sitewatch.collectors.endpoints[0].hyperv")
                .settings(block).build();
    }
}
