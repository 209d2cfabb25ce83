package org.sitewatch.collectors.oraclevm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorFactory;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.events.Platform;

/** The plug-in is found by its platform and checks its block before anything starts. */
class OracleVmCollectorFactoryTest {

    @Test
    void isRegisteredForTheOracleVmPlatform() {
        assertThat(ServiceLoader.load(CollectorFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.platform() == Platform.ORACLEVM)).singleElement()
                .isInstanceOf(OracleVmCollectorFactory.class);
    }

    @Test
    void createsAPollingSourceFromAValidBlock() throws Exception {
        OracleVmCollectorFactory factory = new OracleVmCollectorFactory();

        assertThat(factory.validate(Fixtures.ENDPOINT)).isEmpty();
        assertThat(factory.create(Fixtures.ENDPOINT, new CollectorContext(Clock.systemUTC()))).isInstanceOf(PollingSource.class);
    }

    @Test
    void validationNamesAMissingLogin() {
        EndpointConfig endpoint = EndpointConfig.builder("ovmm", "zurich", Platform.ORACLEVM)
                .setting("url", "https://ovmm:7002").build();

        assertThat(new OracleVmCollectorFactory().validate(endpoint)).singleElement().asString().contains("oraclevm.login");
    }
}
