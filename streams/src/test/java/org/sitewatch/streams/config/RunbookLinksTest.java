package org.sitewatch.streams.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.core.alerts.AlertRule;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** Where the alerts' runbook links point by default: this app's own /runbooks, at the address it is reached at. */
class RunbookLinksTest {

    @Test
    void shouldUseTheAdvertisedHostAndTheServerPort() {
        MockEnvironment env = new MockEnvironment().withProperty("server.port", "8090");

        assertThat(RunbookLinks.ownBaseUrl(env, streams(Map.of()))).isEqualTo("http://127.0.0.1:8090/runbooks");
        assertThat(RunbookLinks.ownBaseUrl(env, streams(Map.of("sitewatch.streams.advertised-host", "sw1.example",
                "sitewatch.streams.advertised-port", "443")))).isEqualTo("http://sw1.example:443/runbooks");
    }

    @Test
    void shouldPreferTheExternalUrlUsersKnow() {
        MockEnvironment env = new MockEnvironment().withProperty("sitewatch.alerting.external-url", "https://sitewatch.corp/");

        assertThat(RunbookLinks.ownBaseUrl(env, streams(Map.of()))).isEqualTo("https://sitewatch.corp/runbooks");
    }

    @Test
    void shouldFallBackToARelativeLinkWhenThePortIsOnlyKnownAfterStartUp() {
        assertThat(RunbookLinks.ownBaseUrl(new MockEnvironment().withProperty("server.port", "0"), streams(Map.of())))
                .isEqualTo("/runbooks");
    }

    @Test
    void shouldKeepAConfiguredRunbookBaseUrl() {
        AlertProperties alerts = new Binder(new MapConfigurationPropertySource(Map.of(
                "sitewatch.alerts.runbook-base-url", "https://wiki.corp/sitewatch"))).bindOrCreate("sitewatch.alerts", AlertProperties.class);

        assertThat(alerts.toSettings("http://127.0.0.1:8080/runbooks").runbookUrl(AlertRule.SiteCritical))
                .isEqualTo("https://wiki.corp/sitewatch#sitecritical");
    }

    private static StreamsProperties streams(Map<String, String> props) {
        return new Binder(new MapConfigurationPropertySource(props)).bindOrCreate("sitewatch.streams", StreamsProperties.class);
    }
}
