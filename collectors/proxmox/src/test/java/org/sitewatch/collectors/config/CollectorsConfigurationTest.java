package org.sitewatch.collectors.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.collectors.proxmox.ProxmoxSettings;
import org.sitewatch.collectors.runtime.CollectorManager;
import org.sitewatch.collectors.runtime.EventSink;
import org.sitewatch.collectors.runtime.InMemoryEventSink;
import org.sitewatch.collectors.runtime.KafkaEventSink;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.EventValidator;
import org.sitewatch.events.Platform;
import org.sitewatch.events.VmState;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.proxmox.ProxmoxSimulator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Binding, validation and wiring of {@code sitewatch.collectors.*}, without starting any collector. */
class CollectorsConfigurationTest {

    private static final String TOKEN = "monitor@pve!sitewatch=00000000-0000-0000-0000-000000000000";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CollectorsConfiguration.class));

    @Configuration(proxyBeanMethods = false)
    static class InMemorySink {
        @Bean
        EventSink eventSink() {
            return new InMemoryEventSink();
        }
    }

    @Test
    void shouldBindIndexedEndpointPropertiesAsTheLauncherSetsThem() {
        runner.withUserConfiguration(InMemorySink.class).withPropertyValues(
                "sitewatch.collectors.endpoints[0].id=paris-pve",
                "sitewatch.collectors.endpoints[0].site=paris-dc1",
                "sitewatch.collectors.endpoints[0].platform=proxmox",
                "sitewatch.collectors.endpoints[0].proxmox.url=http://127.0.0.1:8006/paris-dc1/api2/json",
                "sitewatch.collectors.endpoints[0].proxmox.api-token=" + TOKEN,
                "sitewatch.collectors.endpoints[0].proxmox.ca-file=/etc/sitewatch/pve-root-ca.pem",
                "sitewatch.collectors.endpoints[0].poll-interval=5s",
                "sitewatch.collectors.endpoints[0].target-rpo=4h",
                "sitewatch.collectors.endpoints[0].node-sites.pve3=london-dr",
                "sitewatch.collectors.endpoints[0].proxmox.critical-fail-count=3",
                "sitewatch.collectors.endpoints[1].id=london-pve",
                "sitewatch.collectors.endpoints[1].site=london-dr",
                "sitewatch.collectors.endpoints[1].platform=PROXMOX",
                "sitewatch.collectors.endpoints[1].proxmox.url=https://127.0.0.1:1/london-dr/api2/json",
                "sitewatch.collectors.endpoints[1].proxmox.api-token=" + TOKEN,
                "sitewatch.collectors.endpoints[1].proxmox.insecure-skip-tls-verify=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    List<EndpointConfig> endpoints = context.getBean(CollectorManager.class).endpoints();
                    assertThat(endpoints).hasSize(2);
                    EndpointConfig paris = endpoints.get(0);
                    assertThat(paris.platform()).isEqualTo(Platform.PROXMOX);
                    assertThat(paris.vendor().key()).isEqualTo("sitewatch.collectors.endpoints[0].proxmox");
                    ProxmoxSettings proxmox = paris.settings(ProxmoxSettings.class);
                    assertThat(proxmox.url()).isEqualTo(URI.create("http://127.0.0.1:8006/paris-dc1/api2/json"));
                    assertThat(proxmox.apiToken().reveal()).isEqualTo(TOKEN);
                    assertThat(proxmox.caFile()).isEqualTo(Path.of("/etc/sitewatch/pve-root-ca.pem"));
                    assertThat(proxmox.criticalFailCount()).isEqualTo(3);
                    assertThat(paris.address()).isEqualTo("http://127.0.0.1:8006/paris-dc1/api2/json");
                    assertThat(paris.pollInterval()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(paris.timeout()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(paris.resyncEvery()).isEqualTo(20);
                    assertThat(paris.targetRpo()).isEqualTo(Duration.ofHours(4));
                    assertThat(paris.nodeSites()).isEqualTo(Map.of("pve3", "london-dr"));
                    assertThat(endpoints.get(1).insecureSkipTlsVerify()).isTrue();
                    assertThat(endpoints.get(1).settings(ProxmoxSettings.class).insecureSkipTlsVerify()).isTrue();
                    assertThat(endpoints.get(1).pollInterval()).isEqualTo(Duration.ofSeconds(15));
                });
    }

    @Test
    void shouldCollectFromTheSimulatorWhenConfiguredOnlyByProperties() {
        Scenario scenario = Scenario.parse("""
                sites:
                  - name: paris-dc1
                    token: "sitewatch@pve!launcher=0f0f0f0f-1111-4222-8333-444444444444"
                    nodes: [ { name: pve1 }, { name: pve2 } ]
                    vms: [ { vmid: 100, name: web, node: pve1, ha: true } ]
                """);
        try (ProxmoxSimulator simulator = ProxmoxSimulator.builder(scenario).build().start()) {
            runner.withUserConfiguration(InMemorySink.class).withPropertyValues(
                    "sitewatch.collectors.endpoints[0].id=sim-paris",
                    "sitewatch.collectors.endpoints[0].site=paris-dc1",
                    "sitewatch.collectors.endpoints[0].platform=proxmox",
                    "sitewatch.collectors.endpoints[0].proxmox.url=" + simulator.baseUrl("paris-dc1"),
                    "sitewatch.collectors.endpoints[0].proxmox.api-token=" + simulator.apiToken("paris-dc1"),
                    "sitewatch.collectors.endpoints[0].poll-interval=100ms")
                    .run(context -> {
                        InMemoryEventSink sink = (InMemoryEventSink) context.getBean(EventSink.class);
                        await().atMost(Duration.ofSeconds(10)).until(() -> sink.lastHeartbeat("sim-paris") != null);
                        assertThat(sink.lastHeartbeat("sim-paris").status()).isEqualTo(CollectorStatus.OK);
                        assertThat(sink.data(VmState.class)).extracting(VmState::vmId).containsExactly("100");
                    });
        }
    }

    @Test
    void shouldAddEndpointsFromCollectorEndpointsBeans() {
        runner.withUserConfiguration(InMemorySink.class)
                .withBean(CollectorEndpoints.class, () -> () -> List.of(EndpointConfig.builder("sim-paris", "paris-dc1",
                        Platform.PROXMOX).setting("url", "http://127.0.0.1:1/paris-dc1/api2/json")
                        .setting("api-token", TOKEN).build()))
                .run(context -> assertThat(context.getBean(CollectorManager.class).endpoints())
                        .extracting(EndpointConfig::id).containsExactly("sim-paris"));
    }

    @Test
    void shouldFailStartUpNamingTheBadPropertyAndTheReason() {
        runner.withUserConfiguration(InMemorySink.class).withPropertyValues(
                "sitewatch.collectors.endpoints[0].id=paris-pve",
                "sitewatch.collectors.endpoints[0].site=paris/dc1",
                "sitewatch.collectors.endpoints[0].platform=proxmox",
                "sitewatch.collectors.endpoints[0].poll-interval=0s")
                .run(context -> {
                    assertThat(context).hasFailed();
                    String message = rootMessage(context.getStartupFailure());
                    assertThat(message).contains("sitewatch.collectors.endpoints[0].site")
                            .contains("endpoints[0].pollInterval")
                            .contains("must be at least 50ms");
                });
    }

    @Test
    void shouldFailStartUpNamingEveryMissingVendorKey() {
        runner.withUserConfiguration(InMemorySink.class).withPropertyValues(
                "sitewatch.collectors.endpoints[0].id=paris-pve", "sitewatch.collectors.endpoints[0].site=paris-dc1",
                "sitewatch.collectors.endpoints[0].platform=proxmox")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(rootMessage(context.getStartupFailure()))
                            .contains("sitewatch.collectors.endpoints[0].proxmox.url: is required, e.g. https://pve1:8006/api2/json")
                            .contains("sitewatch.collectors.endpoints[0].proxmox.api-token: is required: give api-token-env");
                });
    }

    @Test
    void shouldRefuseAVendorKeyWrittenAtTheEndpointLevelAndSayWhereItGoes() {
        runner.withUserConfiguration(InMemorySink.class).withPropertyValues(
                "sitewatch.collectors.endpoints[0].id=paris-pve", "sitewatch.collectors.endpoints[0].site=paris-dc1",
                "sitewatch.collectors.endpoints[0].platform=proxmox",
                "sitewatch.collectors.endpoints[0].api-token=" + TOKEN,
                "sitewatch.collectors.endpoints[0].proxmox.url=https://pve1:8006/api2/json",
                "sitewatch.collectors.endpoints[0].proxmox.api-token=" + TOKEN)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(rootMessage(context.getStartupFailure()))
                            .contains("sitewatch.collectors.endpoints[0].api-token: unknown key")
                            .contains("sitewatch.collectors.endpoints[0].proxmox.api-token")
                            .doesNotContain("00000000-0000");
                });
    }

    @Test
    void shouldRefuseAnUnknownKeyInTheVendorBlock() {
        runner.withUserConfiguration(InMemorySink.class).withPropertyValues(
                "sitewatch.collectors.endpoints[0].id=paris-pve", "sitewatch.collectors.endpoints[0].site=paris-dc1",
                "sitewatch.collectors.endpoints[0].platform=proxmox",
                "sitewatch.collectors.endpoints[0].proxmox.url=https://pve1:8006/api2/json",
                "sitewatch.collectors.endpoints[0].proxmox.api-token=" + TOKEN,
                "sitewatch.collectors.endpoints[0].proxmox.verify-tls=false")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(rootMessage(context.getStartupFailure()))
                            .contains("sitewatch.collectors.endpoints[0].proxmox.verify-tls: unknown key")
                            .contains("insecure-skip-tls-verify");
                });
    }

    @Test
    void shouldBindTheVendorBlockFromEnvironmentVariables(@TempDir Path dir) throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("pve-token"), TOKEN);
        Map<String, Object> environment = Map.of(
                "SITEWATCH_COLLECTORS_ENDPOINTS_0_ID", "paris-pve",
                "SITEWATCH_COLLECTORS_ENDPOINTS_0_SITE", "paris-dc1",
                "SITEWATCH_COLLECTORS_ENDPOINTS_0_PLATFORM", "proxmox",
                "SITEWATCH_COLLECTORS_ENDPOINTS_0_PROXMOX_URL", "https://pve1:8006/api2/json",
                "SITEWATCH_COLLECTORS_ENDPOINTS_0_PROXMOX_APITOKENFILE", tokenFile.toString(),
                "SITEWATCH_COLLECTORS_ENDPOINTS_0_PROXMOX_CRITICALFAILCOUNT", "4");
        runner.withUserConfiguration(InMemorySink.class)
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                environment)))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ProxmoxSettings proxmox = context.getBean(CollectorManager.class).endpoints().get(0)
                            .settings(ProxmoxSettings.class);
                    assertThat(proxmox.apiToken().reveal()).isEqualTo(TOKEN);
                    assertThat(proxmox.criticalFailCount()).isEqualTo(4);
                });
    }

    @Test
    void shouldReadTheTokenFromAFileAndRefuseAnUnsetVariable(@TempDir Path dir) throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("pve-token"), TOKEN + "\n");
        runner.withUserConfiguration(InMemorySink.class).withPropertyValues(
                "sitewatch.collectors.endpoints[0].id=paris-pve", "sitewatch.collectors.endpoints[0].site=paris-dc1",
                "sitewatch.collectors.endpoints[0].platform=proxmox",
                "sitewatch.collectors.endpoints[0].proxmox.url=https://pve1:8006/api2/json",
                "sitewatch.collectors.endpoints[0].proxmox.api-token-file=" + tokenFile)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    EndpointConfig paris = context.getBean(CollectorManager.class).endpoints().get(0);
                    assertThat(paris.settings(ProxmoxSettings.class).apiToken().reveal()).isEqualTo(TOKEN);
                    assertThat(paris.toString()).doesNotContain("00000000-0000");
                });
        runner.withUserConfiguration(InMemorySink.class).withPropertyValues(
                "sitewatch.collectors.endpoints[0].id=paris-pve", "sitewatch.collectors.endpoints[0].site=paris-dc1",
                "sitewatch.collectors.endpoints[0].platform=proxmox",
                "sitewatch.collectors.endpoints[0].proxmox.url=https://pve1:8006/api2/json",
                "sitewatch.collectors.endpoints[0].proxmox.api-token-env=SITEWATCH_TEST_SURELY_UNSET_4711")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(rootMessage(context.getStartupFailure())).contains("sitewatch.collectors.endpoints[0]"
                            + ".proxmox.api-token-env: environment variable SITEWATCH_TEST_SURELY_UNSET_4711 is not set");
                });
    }

    @Test
    void shouldFailStartUpOnAnUnknownPlatform() {
        runner.withUserConfiguration(InMemorySink.class).withPropertyValues(
                "sitewatch.collectors.endpoints[0].id=x", "sitewatch.collectors.endpoints[0].site=s",
                "sitewatch.collectors.endpoints[0].platform=xen")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(rootMessage(context.getStartupFailure())).contains("xen");
                });
    }

    @Test
    void shouldFailStartUpOnAMalformedTokenWithoutShowingIt() {
        runner.withUserConfiguration(InMemorySink.class).withPropertyValues(
                "sitewatch.collectors.endpoints[0].id=paris-pve", "sitewatch.collectors.endpoints[0].site=paris-dc1",
                "sitewatch.collectors.endpoints[0].platform=proxmox",
                "sitewatch.collectors.endpoints[0].proxmox.url=https://pve1:8006/api2/json",
                "sitewatch.collectors.endpoints[0].proxmox.api-token=just-the-secret-value")
                .run(context -> {
                    assertThat(context).hasFailed();
                    String message = rootMessage(context.getStartupFailure());
                    assertThat(message).contains("endpoint 'paris-pve': sitewatch.collectors.endpoints[0].proxmox.api-token: "
                            + "must look like USER@REALM!TOKENID=SECRET")
                            .doesNotContain("just-the-secret-value");
                });
    }

    @Test
    void shouldCreateAKafkaSinkFromTheBootstrapServers() {
        runner.withPropertyValues("sitewatch.kafka.bootstrap-servers=127.0.0.1:9",
                        "sitewatch.collectors.producer.max.block.ms=100")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(KafkaEventSink.class);
                    assertThat(context.getBean(CollectorManager.class).endpoints()).isEmpty();
                });
    }

    @Test
    void shouldExplainAMissingBootstrapServers() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootMessage(context.getStartupFailure())).contains("sitewatch.kafka.bootstrap-servers is not set");
        });
    }

    @Test
    void shouldCreateNothingWhenDisabled() {
        runner.withPropertyValues("sitewatch.collectors.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CollectorManager.class)
                        .doesNotHaveBean(EventSink.class));
    }

    @Test
    void shouldUseTheEventContractsNamePatternForSitesAndIds() {
        assertThat(CollectorsProperties.NAME_PATTERN).isEqualTo(EventValidator.SITE_NAME.pattern());
    }

    private static String rootMessage(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
