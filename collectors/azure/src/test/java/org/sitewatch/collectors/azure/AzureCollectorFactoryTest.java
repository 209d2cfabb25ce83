package org.sitewatch.collectors.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CollectorFactory;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.settings.SettingsBinder;
import org.sitewatch.collectors.spi.settings.SettingsException;
import org.sitewatch.events.Platform;

/** Registration by ServiceLoader and the {@code endpoints[n].azure} block's binding and checks. */
class AzureCollectorFactoryTest {

    private static final Map<String, Object> VALID = Map.of("tenant-id", "72f988bf-0000-0000-0000-000000000001",
            "client-id", "0f8e4c2a-1111-2222-3333-444455556666", "client-secret-env", "AZURE_SECRET",
            "subscription-id", "11111111-2222-3333-4444-555555555555");

    private static AzureSettings bind(Map<String, Object> block) {
        return new SettingsBinder(name -> name.equals("AZURE_SECRET") ? "the-secret-value" : null)
                .bind("endpoints[0].azure", block, AzureSettings.class);
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> block = new java.util.HashMap<>(VALID);
        block.put(key, value);
        return block;
    }

    @Test
    void shouldBeFoundByServiceLoaderForAzure() {
        List<CollectorFactory> azure = ServiceLoader.load(CollectorFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.platform() == Platform.AZURE).collect(Collectors.toList());

        assertThat(azure).singleElement().isInstanceOf(AzureCollectorFactory.class);
        assertThat(azure.get(0).settingsType()).isEqualTo(AzureSettings.class);
    }

    @Test
    void shouldDefaultToPublicAzureAndReadTheSecretFromTheEnvironment() {
        AzureSettings s = bind(VALID);

        assertThat(s.authorityHost()).hasToString("https://login.microsoftonline.com/");
        assertThat(s.resourceManagerEndpoint()).hasToString("https://management.azure.com/");
        assertThat(s.tokenScope()).isEqualTo("https://management.azure.com/.default");
        assertThat(s.publicAuthority()).isTrue();
        assertThat(s.vaults()).isEmpty();
        assertThat(s.maxPages()).isEqualTo(100);
        assertThat(s.vmStateEvery()).isEqualTo(4);
        assertThat(s.policyEvery()).isEqualTo(10);
        assertThat(s.clientSecret().reveal()).isEqualTo("the-secret-value");
        assertThat(s.toString()).doesNotContain("the-secret-value");
    }

    @Test
    void shouldBindVaultsSitesAndACustomEnvironment() {
        Map<String, Object> block = new java.util.HashMap<>(VALID);
        block.put("vaults", List.of(Map.of("resource-group", "rg-dr", "name", "rsv-weu")));
        block.put("sites", Map.of("WestEurope", "azure-weu", "hv-cluster-paris", "paris"));
        block.put("authority-host", "https://127.0.0.1:8443/");
        block.put("resource-manager-endpoint", "https://127.0.0.1:8443/arm/");

        AzureSettings s = bind(block);

        assertThat(s.vaults()).containsExactly(new AzureSettings.Vault("rg-dr", "rsv-weu"));
        assertThat(s.siteOf("westeurope")).contains("azure-weu");
        assertThat(s.siteOf("HV-CLUSTER-PARIS")).contains("paris");
        assertThat(s.siteOf("northeurope")).isEmpty();
        assertThat(s.publicAuthority()).isFalse();
        assertThat(s.tokenScope()).isEqualTo("https://127.0.0.1:8443/.default");
    }

    @Test
    void aUrlIsTheDefaultOfBothTheAuthorityAndTheResourceManager() {
        AzureSettings s = bind(with("url", "https://127.0.0.1:8443"));

        assertThat(s.authorityHost()).hasToString("https://127.0.0.1:8443");
        assertThat(s.resourceManagerEndpoint()).hasToString("https://127.0.0.1:8443");
        assertThat(s.tokenScope()).isEqualTo("https://127.0.0.1:8443/.default");
        assertThat(s.publicAuthority()).isFalse();
        Map<String, Object> both = with("url", "https://127.0.0.1:8443");
        both.put("resource-manager-endpoint", "https://127.0.0.1:9443/");
        assertThat(bind(both).resourceManagerEndpoint()).hasToString("https://127.0.0.1:9443/");
        assertThatThrownBy(() -> bind(with("url", "http://127.0.0.1:8443"))).isInstanceOfSatisfying(
                SettingsException.class, e -> assertThat(String.join("\n", e.problems())).contains("url")
                        .contains("must be an https:// URL"));
    }

    @Test
    void shouldNameEveryMissingKey() {
        assertThatThrownBy(() -> bind(Map.of())).isInstanceOfSatisfying(SettingsException.class, e ->
                assertThat(String.join("\n", e.problems())).contains("endpoints[0].azure.tenant-id")
                        .contains("endpoints[0].azure.client-id").contains("endpoints[0].azure.client-secret")
                        .contains("endpoints[0].azure.subscription-id"));
    }

    @Test
    void shouldRefuseBadValuesNamingTheKey() {
        assertThatThrownBy(() -> bind(with("resource-manager-endpoint", "http://127.0.0.1:8080/")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("endpoints[0].azure.resource-manager-endpoint")
                .hasMessageContaining("https://");
        assertThatThrownBy(() -> bind(with("subscription-id", "11111111/../x")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("endpoints[0].azure.subscription-id");
        assertThatThrownBy(() -> bind(with("max-pages", 0)))
                .isInstanceOf(SettingsException.class).hasMessageContaining("endpoints[0].azure.max-pages");
        assertThatThrownBy(() -> bind(with("policy-every", 0)))
                .isInstanceOf(SettingsException.class).hasMessageContaining("endpoints[0].azure.policy-every")
                .hasMessageContaining("at least 1 but was 0");
        assertThatThrownBy(() -> bind(with("sites", Map.of("hv-paris", "Paris DC 1"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("endpoints[0].azure.sites.hv-paris")
                .hasMessageContaining("'Paris DC 1'");
        assertThatThrownBy(() -> bind(with("vaults", List.of(Map.of("name", "rsv-weu")))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("resource-group");
    }

    @Test
    void shouldValidateAnEndpointBlockBeforeStart() {
        EndpointConfig endpoint = EndpointConfig.builder("az", "azure-weu", Platform.AZURE)
                .setting("tenant-id", "t").setting("client-id", "c").setting("client-secret", "x").build();

        assertThat(new AzureCollectorFactory().validate(endpoint))
                .anySatisfy(p -> assertThat(p).contains("endpoints[az].azure.subscription-id"));
    }
}
