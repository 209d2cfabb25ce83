package org.sitewatch.collectors.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.collectors.runtime.CollectorManager;
import org.sitewatch.collectors.runtime.CollectorRegistry;
import org.sitewatch.collectors.runtime.InMemoryEventSink;
import org.sitewatch.collectors.runtime.RetryPolicy;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.EventValidator;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.VmState;

/** The plug-in found by the runtime's ServiceLoader and run by its push loop, publishing to an in-memory sink. */
class KubevirtRuntimeTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private final MockCluster cluster = new MockCluster();
    private final InMemoryEventSink sink = new InMemoryEventSink();
    private CollectorManager manager;

    @AfterEach
    void close() {
        if (manager != null) {
            manager.stop();
        }
        cluster.close();
    }

    @Test
    void shouldPublishTheClusterThroughTheRuntimeAndFollowChanges(@TempDir Path dir) throws Exception {
        cluster.put(Kv.node("worker-1", "True"));
        cluster.put(KubevirtResources.VIRTUAL_MACHINES, Kv.vm("prod", "db01", "Always", "Running"));
        cluster.put(KubevirtResources.VIRTUAL_MACHINE_INSTANCES, Kv.vmi("prod", "db01", null, "Running", "worker-1"));
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), cluster.kubeconfig());
        EndpointConfig endpoint = EndpointConfig.builder("ocp-par", "paris-dc1", Platform.KUBEVIRT)
                .setting("kubeconfig-file", kubeconfig.toString())
                .pollInterval(Duration.ofMillis(200)).timeout(Duration.ofSeconds(2)).build();
        manager = new CollectorManager(List.of(endpoint), CollectorRegistry.discover(), sink, new SimpleMeterRegistry(),
                Clock.systemUTC(), new RetryPolicy(Duration.ofMillis(200), Duration.ofMillis(300)));

        manager.start();

        await().atMost(WAIT).until(() -> sink.lastHeartbeat("ocp-par") != null
                && sink.lastHeartbeat("ocp-par").status() == CollectorStatus.OK && !sink.data(VmState.class).isEmpty());
        assertThat(sink.data(VmState.class)).extracting(VmState::vmId, VmState::power)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("prod/db01", PowerState.RUNNING));
        assertThat(sink.data(HaHost.class)).extracting(HaHost::hostId).containsExactly("worker-1");

        cluster.put(KubevirtResources.VIRTUAL_MACHINES, Kv.vm("prod", "db01", "Always", "Stopped"));
        cluster.delete(KubevirtResources.VIRTUAL_MACHINE_INSTANCES, "prod", "db01");
        await().atMost(WAIT).until(() -> sink.data(VmState.class).get(sink.data(VmState.class).size() - 1).power()
                == PowerState.STOPPED);
        cluster.delete(KubevirtResources.VIRTUAL_MACHINES, "prod", "db01");
        await().atMost(WAIT).until(() -> sink.data(VmState.class).get(sink.data(VmState.class).size() - 1).removed());

        assertThat(sink.events()).allSatisfy(e -> assertThat(EventValidator.problems(e.data())).isEmpty());
        assertThat(sink.events()).extracting(SitewatchEvent::source).containsOnly(URI.create("/sitewatch/collectors/kubevirt/ocp-par"));
        assertThat(sink.lastHeartbeat("ocp-par").endpoint()).isEqualTo("kubevirt:ocp-par");
    }
}
