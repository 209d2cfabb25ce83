package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.actuate.endpoint.SanitizableData;

class SecretSanitizingTest {

    private static final String SECRET = "Act-s3cret-4Zq";

    private static Object shown(String key, Object value) {
        return SecretSanitizing.sanitize(new SanitizableData(null, key, value)).getValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sitewatch.collectors.endpoints[0].proxmox.api-token",
            "sitewatch.collectors.endpoints[1].vsphere.login.password", "sitewatch.alerting.webhooks[0].secret",
            "sitewatch.kafka.properties.sasl.jaas.config", "sitewatch.kafka.properties[ssl.key.password]",
            "sitewatch.collectors.endpoints[3].azure.client-secret", "sitewatch.collectors.endpoints[4].kubevirt.kubeconfig",
            "secret", "SITEWATCH_COLLECTORS_ENDPOINTS_0_PROXMOX_APITOKEN"})
    void shouldHideTheValueOfEveryKeyNamingACredential(String key) {
        assertThat(shown(key, SECRET)).isEqualTo(SanitizableData.SANITIZED_VALUE);
    }

    @Test
    void shouldRedactUrlsInOtherValuesAndShowWhereSecretsAre() {
        assertThat(shown("sitewatch.alerting.alertmanager.urls[0]", "http://am:" + SECRET + "@am.example:9093"))
                .isEqualTo("http://******@am.example:9093");
        assertThat(shown("url", URI.create("https://hooks.example/in?token=" + SECRET)))
                .isEqualTo("https://hooks.example/in?token=******");
        assertThat(shown("sitewatch.collectors.endpoints[0].proxmox.api-token-env", "PVE_TOKEN")).isEqualTo("PVE_TOKEN");
        assertThat(shown("sitewatch.kafka.property-files.sasl.jaas.config", "/run/secrets/jaas")).isEqualTo("/run/secrets/jaas");
        assertThat(shown("server.port", 8080)).isEqualTo(8080);
        assertThat(shown("x", null)).isNull();
    }
}
