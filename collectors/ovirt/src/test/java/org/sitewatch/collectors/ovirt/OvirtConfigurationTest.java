package org.sitewatch.collectors.ovirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.collectors.config.CollectorsConfiguration;
import org.sitewatch.collectors.runtime.CollectorManager;
import org.sitewatch.collectors.runtime.EventSink;
import org.sitewatch.collectors.runtime.InMemoryEventSink;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The endpoint block as a user writes it, bound by Spring from properties, and the start-up refusal naming bad keys. */
class OvirtConfigurationTest {

    private static final String BLOCK = "sitewatch.collectors.endpoints[0].ovirt.";
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CollectorsConfiguration.class))
            .withUserConfiguration(InMemorySink.class);

    @Configuration(proxyBeanMethods = false)
    static class InMemorySink {
        @Bean
        EventSink eventSink() {
            return new InMemoryEventSink();
        }
    }

    @Test
    void shouldBindTheOvirtBlockWithItsDrMappingAndDataCenterSites(@TempDir Path dir) throws Exception {
        Path password = Files.writeString(dir.resolve("rhv-password"), "s3cret\n");
        runner.withPropertyValues(
                "sitewatch.collectors.enabled=true",
                "sitewatch.collectors.endpoints[0].id=rhv-rome",
                "sitewatch.collectors.endpoints[0].site=rome-dc7",
                "sitewatch.collectors.endpoints[0].platform=ovirt",
                // Port 1 on the loopback: the runtime starts the endpoint and finds nothing there.
                BLOCK + "url=https://127.0.0.1:1",
                BLOCK + "login.username=sitewatch@internal",
                BLOCK + "login.password-file=" + password,
                BLOCK + "data-center-sites.dc-madrid=madrid-dr",
                BLOCK + "dr-mappings[0].primary=data-rome-db",
                BLOCK + "dr-mappings[0].secondary=data-rome-db-replica",
                BLOCK + "dr-mappings[0].secondary-site=madrid-dr",
                BLOCK + "event-page=50")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    EndpointConfig endpoint = context.getBean(CollectorManager.class).endpoints().get(0);
                    OvirtSettings settings = endpoint.settings(OvirtSettings.class);
                    assertThat(settings.apiRoot()).isEqualTo(URI.create("https://127.0.0.1:1/ovirt-engine/api"));
                    assertThat(settings.login().password().reveal()).isEqualTo("s3cret");
                    assertThat(settings.dataCenterSites()).isEqualTo(Map.of("dc-madrid", "madrid-dr"));
                    assertThat(settings.drMappings()).containsExactly(
                            new OvirtSettings.DrMapping("data-rome-db", "data-rome-db-replica", "madrid-dr"));
                    assertThat(settings.eventPage()).isEqualTo(50);
                });
    }

    @Test
    void shouldRefuseToStartNamingEveryBadKey() {
        assertThat(startupFailure(BLOCK + "login.username=sitewatch@internal", BLOCK + "dr-mappings[0].primary=data-rome-db"))
                .contains(BLOCK + "dr-mappings[0].secondary: is required")
                .contains(BLOCK + "dr-mappings[0].secondary-site: is required");
        assertThat(startupFailure(BLOCK + "login.username=sitewatch")).contains(BLOCK + "login.username: must be user@domain");
    }

    /** The start-up failure's messages for an endpoint with a URL, a password and {@code more}. */
    private String startupFailure(String... more) {
        StringBuilder messages = new StringBuilder();
        runner.withPropertyValues(
                "sitewatch.collectors.enabled=true",
                "sitewatch.collectors.endpoints[0].id=rhv-rome",
                "sitewatch.collectors.endpoints[0].site=rome-dc7",
                "sitewatch.collectors.endpoints[0].platform=ovirt",
                BLOCK + "url=https://engine.example.com",
                BLOCK + "login.password=x")
                .withPropertyValues(more)
                .run(context -> {
                    assertThat(context).hasFailed();
                    for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                        messages.append(t.getMessage()).append('\n');
                    }
                });
        return messages.toString();
    }

    @Test
    void shouldTakeTheEngineAddressWithOrWithoutTheApiPath() {
        for (String url : new String[] {"https://engine.example.com", "https://engine.example.com/",
                "https://engine.example.com/ovirt-engine", "https://engine.example.com/ovirt-engine/api/"}) {
            OvirtSettings settings = new OvirtSettings(URI.create(url), new org.sitewatch.collectors.spi.settings.UserPassword(
                    "a@internal", org.sitewatch.collectors.spi.settings.Secret.inline("x")), null, false, null, null, null, null);
            assertThat(settings.apiRoot()).as(url).isEqualTo(URI.create("https://engine.example.com/ovirt-engine/api"));
            assertThat(settings.engineRoot()).as(url).isEqualTo(URI.create("https://engine.example.com/ovirt-engine"));
        }
    }
}
