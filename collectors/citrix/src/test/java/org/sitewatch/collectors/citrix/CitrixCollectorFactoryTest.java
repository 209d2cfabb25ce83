package org.sitewatch.collectors.citrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CollectorFactory;
import org.sitewatch.collectors.spi.settings.SettingsBinder;
import org.sitewatch.collectors.spi.settings.SettingsException;
import org.sitewatch.events.Platform;

/** Registration by ServiceLoader and the {@code endpoints[n].citrix} block's binding and checks, in both modes. */
class CitrixCollectorFactoryTest {

    private static final Map<String, Object> CLOUD = Map.of("url", "https://api-eu.cloud.com/",
            "customer-id", "acme1234", "client-id", "6a1c-api-client", "client-secret-env", "CTX_SECRET");
    private static final Map<String, Object> ON_PREM = Map.of("mode", "on-prem", "url", "https://ddc01.corp.example",
            "domain", "CORP", "username", "svc-sitewatch", "password-env", "CTX_SECRET");

    private static CitrixSettings bind(Map<String, Object> block) {
        return new SettingsBinder(name -> name.equals("CTX_SECRET") ? "the-secret-value" : null)
                .bind("endpoints[0].citrix", block, CitrixSettings.class);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> block = new HashMap<>(base);
        block.put(key, value);
        return block;
    }

    @Test
    void shouldBeFoundByServiceLoaderForCitrix() {
        List<CollectorFactory> citrix = ServiceLoader.load(CollectorFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.platform() == Platform.CITRIX).toList();
        assertThat(citrix).singleElement().isInstanceOf(CitrixCollectorFactory.class);
        assertThat(citrix.get(0).settingsType()).isEqualTo(CitrixSettings.class);
    }

    @Test
    void cloudModeIsTheDefaultWithTheTokenEndpointOfTheGatewayAndTheDefaults() {
        CitrixSettings s = bind(CLOUD);
        assertThat(s.mode()).isEqualTo(CitrixSettings.Mode.CLOUD);
        assertThat(s.dataRoot()).hasToString("https://api-eu.cloud.com/monitorodata");
        assertThat(s.tokenUrl()).hasToString("https://api-eu.cloud.com/cctrustoauth2/root/tokens/clients");
        assertThat(s.groupBy()).isEqualTo(CitrixSettings.GroupBy.DELIVERY_GROUP);
        assertThat(s.registeredThreshold()).isEqualTo(80);
        assertThat(s.maxThrottleWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.maxPages()).isEqualTo(100);
        assertThat(s.clientSecret().reveal()).isEqualTo("the-secret-value");
        assertThat(s.toString()).doesNotContain("the-secret-value");
        assertThat(bind(with(CLOUD, "token-url", "https://api-us.cloud.com/cctrustoauth2/root/tokens/clients")).tokenUrl())
                .hasToString("https://api-us.cloud.com/cctrustoauth2/root/tokens/clients");
    }

    @Test
    void onPremModeReadsTheMonitorServiceOfADeliveryController() {
        CitrixSettings s = bind(ON_PREM);
        assertThat(s.dataRoot()).hasToString("https://ddc01.corp.example/Citrix/Monitor/OData/v4/Data");
        assertThat(s.tokenUrl()).isNull();
    }

    @Test
    void badSettingsAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> bind(with(CLOUD, "registered-threshold", 0))).isInstanceOf(SettingsException.class)
                .hasMessageContaining("endpoints[0].citrix.registered-threshold: must be a percentage from 1 to 100 but was 0");
        Map<String, Object> noCustomer = new HashMap<>(CLOUD);
        noCustomer.remove("customer-id");
        assertThatThrownBy(() -> bind(noCustomer)).hasMessageContaining("customer-id: is required with mode cloud");
        assertThatThrownBy(() -> bind(with(CLOUD, "username", "x")))
                .hasMessageContaining("username: belongs to mode on-prem");
        assertThatThrownBy(() -> bind(with(ON_PREM, "client-id", "x")))
                .hasMessageContaining("client-id: belongs to mode cloud");
        assertThatThrownBy(() -> bind(with(CLOUD, "url", "ftp://api.cloud.com"))).hasMessageContaining("url: must be an https:// URL");
        assertThatThrownBy(() -> bind(with(CLOUD, "group-by", "zone")))
                .hasMessageContaining("group-by: must be one of delivery-group, endpoint but was 'zone'");
        assertThatThrownBy(() -> bind(with(CLOUD, "max-pages", 0))).hasMessageContaining("max-pages: must be at least 1");
    }
}
