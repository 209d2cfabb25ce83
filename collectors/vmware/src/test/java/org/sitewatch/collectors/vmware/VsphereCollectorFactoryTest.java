package org.sitewatch.collectors.vmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.runtime.CollectorRegistry;
import org.sitewatch.collectors.spi.archunit.CollectorArchitecture;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.events.Platform;

/** The plug-in as the runtime finds and configures it: registration, settings checked with the full key, the vendor rules. */
class VsphereCollectorFactoryTest {

    @Test
    void isFoundForVsphereByServiceLoader() {
        assertThat(CollectorRegistry.discover().find(Platform.VSPHERE)).get()
                .isInstanceOf(VsphereCollectorFactory.class);
    }

    @Test
    void makesAPollingSourceWithAnEventHistoryFromValidSettingsWithoutTouchingTheNetwork() throws Exception {
        EndpointConfig endpoint = endpoint(Map.of("url", "https://vc1.example.org",
                "login", Map.of("username", "monitor@vsphere.local", "password", "s3cret")));

        try (var source = new VsphereCollectorFactory().create(endpoint, new CollectorContext(Clock.systemUTC()))) {
            assertThat(source).isInstanceOf(PollingSource.class);
            assertThat(((PollingSource) source).eventHistory()).isPresent();
        }
    }

    @Test
    void refusesAUrlWithCredentialsOrAnotherSchemeNamingTheKey() {
        assertThatThrownBy(() -> endpoint(Map.of("url", "ftp://vc1", "login",
                Map.of("username", "u", "password", "p"))).settings(VsphereSettings.class))
                .isInstanceOf(CollectorException.class).hasMessageContaining("vsphere.url");
        assertThatThrownBy(() -> endpoint(Map.of("url", "https://admin:pw@vc1", "login",
                Map.of("username", "u", "password", "p"))).settings(VsphereSettings.class))
                .isInstanceOf(CollectorException.class).hasMessageContaining("login.password-env")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw@"));
    }

    @Test
    void bindsTheReplicationBlockAndNamesItsKeysInFull() throws Exception {
        Map<String, Object> login = Map.of("username", "monitor@vsphere.local", "password", "s3cret");
        EndpointConfig withReplication = endpoint(Map.of("url", "https://vc1.example.org", "login", login,
                "replication", Map.of("url", "https://vr1.example.org", "srm-url", "https://srm1.example.org",
                        "sites", Map.of("vc-b-guid", "london-dr"))));

        VsphereSettings settings = withReplication.settings(VsphereSettings.class);
        assertThat(settings.replication().sites()).containsEntry("vc-b-guid", "london-dr");
        try (var source = new VsphereCollectorFactory().create(withReplication, new CollectorContext(Clock.systemUTC()))) {
            assertThat(source).isInstanceOf(PollingSource.class);
        }
        assertThatThrownBy(() -> endpoint(Map.of("url", "https://vc1.example.org", "login", login,
                "replication", Map.of("sites", Map.of("a", "b")))).settings(VsphereSettings.class))
                .isInstanceOf(CollectorException.class).hasMessageContaining("vsphere.replication.url");
    }

    @Test
    void refusesAMissingLoginNamingTheKey() {
        assertThatThrownBy(() -> endpoint(Map.of("url", "https://vc1.example.org")).settings(VsphereSettings.class))
                .isInstanceOf(CollectorException.class).hasMessageContaining("vsphere.login");
    }

    @Test
    void dependsOnlyOnTheSpiTheContractAndItsOwnLibraries() {
        CollectorArchitecture.vendorModule("org.sitewatch.collectors.vmware..", "org.slf4j..", "com.fasterxml.jackson..")
                .check(CollectorArchitecture.mainClasses("org.sitewatch.collectors.vmware"));
    }

    private static EndpointConfig endpoint(Map<String, ?> block) {
        return EndpointConfig.builder("paris-vc", "paris-dc1", Platform.VSPHERE).settings(block).build();
    }
}
