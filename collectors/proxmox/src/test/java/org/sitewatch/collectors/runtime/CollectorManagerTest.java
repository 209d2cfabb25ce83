package org.sitewatch.collectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CollectorFactory;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.Platform;
import org.sitewatch.testsupport.MutableClock;

class CollectorManagerTest {

    private final InMemoryEventSink sink = new InMemoryEventSink();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-07T10:00:00Z"));

    private CollectorManager manager(List<EndpointConfig> endpoints, CollectorFactory... factories) {
        return new CollectorManager(endpoints, new CollectorRegistry(List.of(factories)), sink, new SimpleMeterRegistry(),
                clock, RetryPolicy.DEFAULT);
    }

    @Test
    void shouldRunEveryEndpointAndCloseTheSinkOnStop() {
        ScriptedSources.ScriptedFactory factory = new ScriptedSources.ScriptedFactory(c -> ScriptedSources.vms(c, "x", "1"));
        CollectorManager manager = manager(List.of(ScriptedSources.endpoint("a", "site-a"),
                ScriptedSources.endpoint("b", "site-b")), factory);

        manager.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.lastHeartbeat("a") != null && sink.lastHeartbeat("b") != null);
        manager.stop();

        assertThat(manager.isRunning()).isFalse();
        assertThat(sink.closed()).isTrue();
        assertThat(sink.lastHeartbeat("b").status()).isEqualTo(CollectorStatus.OK);
        assertThatThrownBy(manager::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseABadConfigurationListingEveryProblem() {
        EndpointConfig noToken = EndpointConfig.builder("a", "site-a", Platform.PROXMOX)
                .setting("url", "https://pve:8006/api2/json").build();
        EndpointConfig duplicate = ScriptedSources.endpoint("a", "site-b");
        EndpointConfig vsphere = EndpointConfig.builder("vc", "site-c", Platform.VSPHERE).build();

        assertThatThrownBy(() -> new CollectorManager(List.of(noToken, duplicate, vsphere), CollectorRegistry.discover(),
                sink, new SimpleMeterRegistry(), clock, RetryPolicy.DEFAULT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("endpoint 'a': endpoints[a].proxmox.api-token: is required")
                .hasMessageContaining("endpoint 'a': the id is used twice")
                .hasMessageContaining("endpoint 'vc': no collector is installed for platform 'vsphere' (installed: proxmox)");
    }
}
