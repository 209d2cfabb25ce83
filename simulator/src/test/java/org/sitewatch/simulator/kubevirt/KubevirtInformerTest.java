package org.sitewatch.simulator.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;

/**
 * fabric8 kubernetes-client 8 on the JDK HTTP client, the KubeVirt collector's client, configured from
 * the kubeconfig the front's collector settings name: its informers list and watch the front (the
 * WebSocket attempt is refused and it falls back to HTTP watches), and see a VMI restarted as a new
 * VMI on another node after its node goes offline.
 */
class KubevirtInformerTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final String SCENARIO = """
            name: kubevirt-informer-test
            clusters:
              - name: ocp-par
                platform: kubevirt
                site: paris
                namespace: prod
                ha: { fenceDelay: 2s, recoveryDelay: 2s, crmRound: 1s }
                nodes:
                  - { name: worker-1 }
                  - { name: worker-2 }
                  - { name: worker-3 }
                vms:
                  - { vmid: 100, name: db01, node: worker-1, ha: true }
                  - { vmid: 101, name: web01, node: worker-2 }
            timeline:
              - { at: 10s, cluster: ocp-par, action: node-offline, node: worker-1 }
            """;
    private static final ResourceDefinitionContext VMIS = new ResourceDefinitionContext.Builder()
            .withGroup("kubevirt.io").withVersion("v1").withKind("VirtualMachineInstance")
            .withPlural("virtualmachineinstances").withNamespaced(true).build();

    private final ManualClock clock = new ManualClock(T0);
    private Simulator simulator;
    private KubernetesClient kube;

    @BeforeEach
    void start() throws Exception {
        simulator = Simulator.builder(Scenario.parse(SCENARIO)).clock(clock).tickInterval(null).build().start();
        SimulatedEndpoint ep = simulator.endpoints().get(0);
        Config config = Config.fromKubeconfig(Files.readString(Path.of(ep.settings().get("kubeconfig-file"))));
        kube = new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(new JdkHttpClientFactory()).build();
    }

    @AfterEach
    void stop() {
        if (kube != null) {
            kube.close();
        }
        simulator.close();
    }

    @Test
    void informersSeeAVmiRestartedOnAnotherNodeAfterItsNodeWentOffline() {
        List<String> handled = new CopyOnWriteArrayList<>();
        SharedIndexInformer<GenericKubernetesResource> vmis = kube.genericKubernetesResources(VMIS).inAnyNamespace()
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(GenericKubernetesResource r) {
                        handled.add("add " + describe(r));
                    }

                    @Override
                    public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource r) {
                        handled.add("update " + describe(r));
                    }

                    @Override
                    public void onDelete(GenericKubernetesResource r, boolean finalStateUnknown) {
                        handled.add("delete " + describe(r));
                    }
                }, 0);
        SharedIndexInformer<Node> nodes = kube.nodes().inform();
        List<String> watched = new CopyOnWriteArrayList<>();
        Watch watch = kube.genericKubernetesResources(VMIS).inNamespace("prod").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, GenericKubernetesResource r) {
                watched.add(action + " " + describe(r));
            }

            @Override
            public void onClose(WatcherException cause) {
                watched.add("closed " + cause);
            }
        });
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> vmis.hasSynced() && nodes.hasSynced());
            GenericKubernetesResource before = vmis.getStore().getByKey("prod/db01");
            assertThat(before.<String>get("status", "nodeName")).isEqualTo("worker-1");
            String oldUid = before.getMetadata().getUid();

            clock.set(T0.plusSeconds(11));
            await().atMost(Duration.ofSeconds(5)).until(() -> "Unknown".equals(ready(nodes.getStore().getByKey("worker-1"))));
            await().atMost(Duration.ofSeconds(5)).until(() -> "Unknown".equals(vmis.getStore().getByKey("prod/db01")
                    .get("status", "phase")));

            clock.set(T0.plusSeconds(13)); // fenced
            await().atMost(Duration.ofSeconds(5)).until(() -> "Failed".equals(vmis.getStore().getByKey("prod/db01")
                    .get("status", "phase")));

            clock.set(T0.plusSeconds(15)); // restarted
            await().atMost(Duration.ofSeconds(5)).until(() -> !oldUid.equals(vmis.getStore().getByKey("prod/db01")
                    .getMetadata().getUid()));
            GenericKubernetesResource after = vmis.getStore().getByKey("prod/db01");
            assertThat(after.<String>get("status", "phase")).isEqualTo("Running");
            assertThat(after.<String>get("status", "nodeName")).isIn("worker-2", "worker-3");

            assertThat(handled).containsSubsequence("update db01 Unknown worker-1", "update db01 Failed worker-1",
                    "delete db01 Failed worker-1", "add db01 Running " + after.get("status", "nodeName"));
            // A plain watch saw the same changes as events, so they came over the watch, not from re-lists.
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(watched).containsSubsequence(
                    "MODIFIED db01 Unknown worker-1", "MODIFIED db01 Failed worker-1", "DELETED db01 Failed worker-1",
                    "ADDED db01 Running " + after.get("status", "nodeName")));
            assertThat(watched).noneMatch(w -> w.startsWith("closed"));
        } finally {
            watch.close();
            vmis.close();
            nodes.close();
        }
    }

    private static String describe(GenericKubernetesResource r) {
        return r.getMetadata().getName() + " " + r.get("status", "phase") + " " + r.get("status", "nodeName");
    }

    private static String ready(Node node) {
        return node.getStatus().getConditions().stream().filter(c -> c.getType().equals("Ready"))
                .map(c -> c.getStatus()).findFirst().orElse(null);
    }
}
