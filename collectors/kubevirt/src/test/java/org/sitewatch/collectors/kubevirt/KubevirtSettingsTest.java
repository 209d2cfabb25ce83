package org.sitewatch.collectors.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.Platform;

class KubevirtSettingsTest {

    private final KubevirtCollectorFactory factory = new KubevirtCollectorFactory();

    private static EndpointConfig.Builder endpoint() {
        return EndpointConfig.builder("ocp-par", "paris-dc1", Platform.KUBEVIRT).vendorKey("sitewatch.collectors.endpoints[0].kubevirt");
    }

    @Test
    void shouldBindAKubeconfigFileAndTheOptionalKeys(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n");
        EndpointConfig endpoint = endpoint().setting("kubeconfig-file", file.toString()).setting("context", "admin@ocp")
                .setting("namespaces", List.of("prod", "finance", "prod")).setting("cluster-name", "ocp-paris")
                .setting("resync-period", "5m").build();

        assertThat(factory.validate(endpoint)).isEmpty();
        KubevirtSettings settings = endpoint.settings(KubevirtSettings.class);
        assertThat(settings.kubeconfig().origin()).isEqualTo("file " + file);
        assertThat(settings.namespaces()).containsExactly("prod", "finance");
        assertThat(settings.resyncPeriod()).isEqualTo(Duration.ofMinutes(5));
        assertThat(Sites.of(endpoint, settings).cluster()).isEqualTo("ocp-paris");
    }

    @Test
    void shouldDefaultToAllNamespacesAndTheEndpointIdAsClusterName() throws Exception {
        EndpointConfig endpoint = endpoint().setting("in-cluster", true).build();

        KubevirtSettings settings = endpoint.settings(KubevirtSettings.class);

        assertThat(settings.allNamespaces()).isTrue();
        assertThat(settings.resyncPeriod()).isEqualTo(KubevirtSettings.DEFAULT_RESYNC_PERIOD);
        assertThat(Sites.of(endpoint, settings).cluster()).isEqualTo("ocp-par");
    }

    @Test
    void shouldNameTheKeyOfEveryProblem() {
        String block = "sitewatch.collectors.endpoints[0].kubevirt.";
        assertThat(factory.validate(endpoint().build())).singleElement().asString()
                .startsWith(block + "kubeconfig: is required: give kubeconfig-file");
        assertThat(factory.validate(endpoint().setting("kubeconfig", "x").setting("in-cluster", true).build()))
                .containsExactly(block + "in-cluster: give either kubeconfig or in-cluster: true, not both");
        assertThat(factory.validate(endpoint().setting("in-cluster", true).setting("context", "admin").build()))
                .containsExactly(block + "context: applies to a kubeconfig only, not to in-cluster: true");
        assertThat(factory.validate(endpoint().setting("in-cluster", true).setting("namespaces", List.of("prod", "Bad_NS")).build()))
                .containsExactly(block + "namespaces[1]: 'Bad_NS' is not a namespace name (lower-case letters, digits "
                        + "and '-', at most 63 characters)");
        assertThat(factory.validate(endpoint().setting("in-cluster", true).setting("resync-period", "10ms").build()))
                .containsExactly(block + "resync-period: must be at least 1s but was PT0.01S");
        assertThat(factory.validate(endpoint().setting("kubeconfig-file", "/nonexistent/kubeconfig").build()))
                .singleElement().asString().startsWith(block + "kubeconfig-file: ");
        assertThat(factory.validate(endpoint().setting("in-cluster", true).setting("url", "https://x").build()))
                .singleElement().asString().startsWith(block + "url: unknown key (known here: kubeconfig[-env|-file], in-cluster");
    }
}
