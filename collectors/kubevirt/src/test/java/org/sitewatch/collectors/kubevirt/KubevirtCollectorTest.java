package org.sitewatch.collectors.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CheckpointStore;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PartialRead;
import org.sitewatch.collectors.spi.PushSource;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.EventType;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.VmState;

/** The collector's informers against fabric8's API server stand-in in CRUD mode, the test playing KubeVirt. */
class KubevirtCollectorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final KubevirtResources VM = KubevirtResources.VIRTUAL_MACHINES;
    private static final KubevirtResources VMI = KubevirtResources.VIRTUAL_MACHINE_INSTANCES;
    private static final KubevirtResources VMIM = KubevirtResources.MIGRATIONS;

    private final MockCluster cluster = new MockCluster();
    private final CheckpointStore checkpoints = CheckpointStore.inMemory();
    private PushSource source;

    @AfterEach
    void close() {
        if (source != null) {
            source.stop();
        }
        cluster.close();
    }

    private EndpointConfig endpoint() {
        return EndpointConfig.builder("ocp-par", "paris-dc1", Platform.KUBEVIRT)
                .setting("kubeconfig", cluster.kubeconfig())
                .timeout(Duration.ofSeconds(2))
                .build();
    }

    private RecordingSink start() throws Exception {
        source = (PushSource) new KubevirtCollectorFactory().create(endpoint(),
                new CollectorContext(Clock.systemUTC(), checkpoints));
        RecordingSink sink = new RecordingSink();
        source.start(sink);
        await().atMost(WAIT).until(() -> !sink.snapshots().isEmpty());
        return sink;
    }

    private static GenericKubernetesResource runningVmi(String name, String node) {
        return Kv.vmi("prod", name, null, "Running", node);
    }

    @Test
    void shouldFollowAVmThroughItsLifeAMigrationAHostFailureAndARestart() throws Exception {
        cluster.put(Kv.node("worker-1", "True"));
        cluster.put(Kv.node("worker-2", "True"));
        cluster.put(VM, Kv.vm("prod", "db01", "Always", "Running"));
        String firstUid = cluster.put(VMI, runningVmi("db01", "worker-1")).getMetadata().getUid();
        // A migration that finished long before Sitewatch watched: history, not news.
        cluster.put(VMIM, Kv.migration("prod", "old", null, "db01").set("status.phase", "Succeeded")
                .phaseAt("Succeeded", Instant.now().minus(Duration.ofDays(2)))
                .set("status.migrationState", Kv.migrationState("worker-2", "worker-1", true, false)).build());

        RecordingSink sink = start();

        Snapshot first = sink.snapshots().get(0);
        assertThat(first.states()).filteredOn(VmState.class::isInstance).map(VmState.class::cast)
                .extracting(VmState::vmId, VmState::power, VmState::host, VmState::haProtected, VmState::cluster)
                .containsExactly(tuple("prod/db01", PowerState.RUNNING, "worker-1", true, "ocp-par"));
        assertThat(first.states()).filteredOn(HaHost.class::isInstance).map(HaHost.class::cast)
                .extracting(HaHost::hostId, HaHost::state)
                .containsExactly(tuple("worker-1", HaHostState.HEALTHY), tuple("worker-2", HaHostState.HEALTHY));
        assertThat(first.states()).filteredOn(HaCluster.class::isInstance).map(HaCluster.class::cast)
                .extracting(HaCluster::hostsTotal, HaCluster::hostsHealthy, HaCluster::haEnabled).containsExactly(tuple(2, 2, true));

        // Paused, then running again.
        cluster.put(VM, Kv.vm("prod", "db01", "Always", "Paused"));
        await().atMost(WAIT).until(() -> lastVm(sink) != null && lastVm(sink).power() == PowerState.PAUSED);
        cluster.put(VM, Kv.vm("prod", "db01", "Always", "Running"));

        // A live migration from worker-1 to worker-2.
        cluster.put(VMIM, Kv.migration("prod", "db01-mig", null, "db01").set("status.phase", "Pending").build());
        cluster.put(VMIM, Kv.migration("prod", "db01-mig", null, "db01").set("status.phase", "Running")
                .set("status.migrationState", Kv.migrationState("worker-1", "worker-2", false, false)).build());
        cluster.put(VM, Kv.vm("prod", "db01", "Always", "Migrating"));
        await().atMost(WAIT).until(() -> lastVm(sink).power() == PowerState.MIGRATING);
        String migrationUid = cluster.put(VMIM, Kv.migration("prod", "db01-mig", null, "db01").set("status.phase", "Succeeded")
                .set("status.migrationState", Kv.migrationState("worker-1", "worker-2", true, false)).build())
                .getMetadata().getUid();
        cluster.put(VMI, runningVmi("db01", "worker-2"));
        cluster.put(VM, Kv.vm("prod", "db01", "Always", "Running"));
        await().atMost(WAIT).until(() -> "worker-2".equals(lastVm(sink).host()) && lastVm(sink).power() == PowerState.RUNNING);
        // Migrations and VMIs are watched apart: their events may arrive in either order.
        await().atMost(WAIT).until(() -> !sink.observed(HaAction.class).isEmpty());
        assertThat(sink.observed(HaAction.class)).extracting(HaAction::actionId, HaAction::action, HaAction::fromHost,
                HaAction::toHost, HaAction::vendorState)
                .containsExactly(tuple("migration/" + migrationUid, HaActionKind.MIGRATE, "worker-1", "worker-2", "Succeeded"));

        // worker-2 stops reporting; KubeVirt evicts the VMI and the VM controller starts a new one on worker-1.
        cluster.put(Kv.node("worker-2", "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status."));
        await().atMost(WAIT).until(() -> {
            HaHost host = sink.lastObserved(HaHost.class, h -> h.hostId().equals("worker-2"));
            return host != null && host.state() == HaHostState.FAILED;
        });
        await().atMost(WAIT).until(() -> sink.lastObserved(HaCluster.class, c -> true).hostsHealthy() == 1);
        cluster.delete(VMI, "prod", "db01");
        String secondUid = cluster.put(VMI, Kv.vmi("prod", "db01", null, "Scheduled", "worker-1")).getMetadata().getUid();
        await().atMost(WAIT).until(() -> sink.observed(HaAction.class).size() == 2);
        HaAction restart = sink.observed(HaAction.class).get(1);
        assertThat(restart).extracting(HaAction::actionId, HaAction::vmId, HaAction::action, HaAction::fromHost, HaAction::toHost)
                .containsExactly("restart/" + secondUid, "prod/db01", HaActionKind.RESTART, "worker-2", "worker-1");
        assertThat(restart.detail()).contains("node worker-2 NotReady: Ready=Unknown (NodeStatusUnknown)");
        assertThat(secondUid).isNotEqualTo(firstUid);

        // The VM is deleted: its state is removed.
        cluster.delete(VMI, "prod", "db01");
        cluster.delete(VM, "prod", "db01");
        await().atMost(WAIT).until(() -> lastVm(sink).removed());
        assertThat(sink.observed(HaAction.class)).hasSize(2);
        assertThat(sink.failures()).isEmpty();
    }

    @Test
    void shouldResumeAfterARestartWithoutRepeatingAnAction() throws Exception {
        cluster.put(Kv.node("worker-1", "True"));
        cluster.put(VM, Kv.vm("prod", "web", "Always", "Running"));
        cluster.put(VMI, runningVmi("web", "worker-1"));
        RecordingSink before = start();
        cluster.put(VMIM, Kv.migration("prod", "web-mig-1", null, "web").set("status.phase", "Succeeded")
                .set("status.migrationState", Kv.migrationState("worker-1", "worker-2", true, false)).build());
        await().atMost(WAIT).until(() -> before.observed(HaAction.class).size() == 1);
        source.stop();

        // While the collector is down a second migration finishes.
        String whileDown = cluster.put(VMIM, Kv.migration("prod", "web-mig-2", null, "web").set("status.phase", "Succeeded")
                .set("status.migrationState", Kv.migrationState("worker-2", "worker-1", true, false)).build())
                .getMetadata().getUid();

        RecordingSink after = start();
        await().atMost(WAIT).until(() -> after.observed(HaAction.class).size() == 1);
        // A later snapshot (as after a re-list) repeats nothing either.
        source.resync();
        await().atMost(WAIT).until(() -> after.snapshots().size() == 2);

        assertThat(after.observed(HaAction.class)).extracting(HaAction::actionId).containsExactly("migration/" + whileDown);
        assertThat(after.snapshots()).allSatisfy(s -> assertThat(s.actions()).isEmpty());
        assertThat(checkpoints.get(KubevirtCollector.RESOURCE_VERSIONS_KEY)).hasValueSatisfying(v ->
                assertThat(v).contains("virtualmachineinstancemigrations=", "nodes="));
    }

    @Test
    void shouldWatchOnlyTheConfiguredNamespaces() throws Exception {
        cluster.put(Kv.node("worker-1", "True"));
        cluster.put(VM, Kv.vm("prod", "in-prod", "Always", "Running"));
        cluster.put(VM, Kv.vm("dev", "in-dev", "Always", "Running"));
        source = (PushSource) new KubevirtCollectorFactory().create(endpoint().toBuilder().setting("namespaces", List.of("prod"))
                .build(), new CollectorContext(Clock.systemUTC(), checkpoints));
        RecordingSink sink = new RecordingSink();
        source.start(sink);
        await().atMost(WAIT).until(() -> !sink.snapshots().isEmpty());

        assertThat(sink.snapshots().get(0).states()).filteredOn(VmState.class::isInstance).map(VmState.class::cast)
                .extracting(VmState::vmId).containsExactly("prod/in-prod");
    }

    @Test
    void shouldReportVmsAndNameNodesAsUnreadableWhenTheAccountMayNotListNodes() throws Exception {
        cluster.server.expect().get().withPath("/api/v1/nodes?resourceVersion=0")
                .andReturn(403, new StatusBuilder().withStatus("Failure").withCode(403).withReason("Forbidden")
                        .withMessage("nodes is forbidden: User \"sitewatch\" cannot list resource \"nodes\"").build())
                .always();
        cluster.put(VM, Kv.vm("prod", "db01", "Always", "Stopped"));

        RecordingSink sink = start();

        Snapshot first = sink.snapshots().get(0);
        assertThat(first.states()).singleElement().isInstanceOf(VmState.class);
        assertThat(first.unreadable()).extracting(PartialRead::type, PartialRead::scope).containsExactly(
                tuple(EventType.HA_HOST, Scope.endpoint("/api/v1/nodes")), tuple(EventType.HA_CLUSTER, Scope.endpoint("/api/v1/nodes")));
        assertThat(first.unreadable().get(0).reason()).contains("may not list and watch", "/api/v1/nodes", "403");
        assertThat(sink.failures()).isEmpty();
    }

    @Test
    void shouldReportALostApiServerThroughTheSink() throws Exception {
        cluster.put(Kv.node("worker-1", "True"));
        RecordingSink sink = start();

        cluster.server.destroy();

        await().atMost(Duration.ofSeconds(20)).until(() -> !sink.failures().isEmpty());
        assertThat(sink.failures().get(0).kind()).isEqualTo(CollectorErrorKind.CONNECT);
        assertThat(sink.failures().get(0).permanent()).isFalse();
        assertThat(sink.failures()).hasSize(1);
    }

    private static VmState lastVm(RecordingSink sink) {
        return sink.lastObserved(VmState.class, v -> v.vmId().equals("prod/db01"));
    }
}
