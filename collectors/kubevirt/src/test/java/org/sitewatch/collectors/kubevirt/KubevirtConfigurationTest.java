package org.sitewatch.collectors.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The endpoint block as Spring binds it from properties (indexed lists included), and its start-up checks. */
class KubevirtConfigurationTest {

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
    void shouldBindTheKubevirtBlockFromProperties(@TempDir Path dir) throws Exception {
        // Port 1 on the loopback: the runtime starts the endpoint and finds nothing there.
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), Kv.kubeconfig("http://127.0.0.1:1"));
        runner.withPropertyValues(
                "sitewatch.collectors.enabled=true",
                "sitewatch.collectors.endpoints[0].id=ocp-par",
                "sitewatch.collectors.endpoints[0].site=paris-dc1",
                "sitewatch.collectors.endpoints[0].platform=kubevirt",
                "sitewatch.collectors.endpoints[0].node-sites.worker-9=london-dr",
                "sitewatch.collectors.endpoints[0].kubevirt.kubeconfig-file=" + kubeconfig,
                "sitewatch.collectors.endpoints[0].kubevirt.namespaces[0]=prod",
                "sitewatch.collectors.endpoints[0].kubevirt.namespaces[1]=finance",
                "sitewatch.collectors.endpoints[0].kubevirt.resync-period=2m")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    EndpointConfig endpoint = context.getBean(CollectorManager.class).endpoints().get(0);
                    KubevirtSettings settings = endpoint.settings(KubevirtSettings.class);
                    assertThat(settings.namespaces()).containsExactly("prod", "finance");
                    assertThat(settings.kubeconfig().origin()).isEqualTo("file " + kubeconfig);
                    assertThat(endpoint.nodeSites()).isEqualTo(Map.of("worker-9", "london-dr"));
                });
    }

    @Test
    void shouldRefuseToStartNamingTheKubevirtKey() {
        runner.withPropertyValues(
                "sitewatch.collectors.enabled=true",
                "sitewatch.collectors.endpoints[0].id=ocp-par",
                "sitewatch.collectors.endpoints[0].site=paris-dc1",
                "sitewatch.collectors.endpoints[0].platform=kubevirt",
                "sitewatch.collectors.endpoints[0].kubevirt.namespaces[0]=Prod")
                .run(context -> {
                    assertThat(context).hasFailed();
                    StringBuilder messages = new StringBuilder();
                    for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                        messages.append(t.getMessage()).append('\n');
                    }
                    assertThat(messages.toString()).contains(
                            "sitewatch.collectors.endpoints[0].kubevirt.kubeconfig: is required: give kubeconfig-file");
                });
    }
}
