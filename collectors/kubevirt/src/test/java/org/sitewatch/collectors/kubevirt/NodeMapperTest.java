package org.sitewatch.collectors.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;

class NodeMapperTest {

    private final NodeMapper mapper = new NodeMapper(new Sites(VmStateMapperTest.ENDPOINT, "ocp-par"));

    /** Found by KubevirtMapperFuzzTest: a null entry in status.conditions threw a NullPointerException. */
    @Test
    void shouldPassOverANullCondition() {
        Node node = Kv.node("worker-1", "True");
        node.getStatus().getConditions().add(0, null);

        assertThat(mapper.map(node).state()).isEqualTo(HaHostState.HEALTHY);
    }

    @Test
    void shouldMapTheReadyCondition() {
        assertThat(List.of(mapper.map(Kv.node("worker-1", "True")),
                mapper.map(Kv.node("worker-2", "False", "KubeletNotReady", "container runtime is down")),
                mapper.map(Kv.node("worker-9", "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status.")),
                mapper.map(new NodeBuilder().withNewMetadata().withName("worker-4").endMetadata().build())))
                .extracting(HaHost::hostId, HaHost::site, HaHost::state, HaHost::vendorState, HaHost::detail)
                .containsExactly(
                        tuple("worker-1", "paris-dc1", HaHostState.HEALTHY, "Ready", null),
                        tuple("worker-2", "paris-dc1", HaHostState.FAILED, "NotReady",
                                "Ready=False (KubeletNotReady): container runtime is down"),
                        tuple("worker-9", "london-dr", HaHostState.FAILED, "NotReady",
                                "Ready=Unknown (NodeStatusUnknown): Kubelet stopped posting node status."),
                        tuple("worker-4", "paris-dc1", HaHostState.UNKNOWN, "Unknown", "the node reports no Ready condition"));
    }

    @Test
    void shouldTakeACordonedNodeAsMaintenanceAndPressureAsDegraded() {
        Node cordoned = new NodeBuilder(Kv.node("worker-1", "True")).withNewSpec().withUnschedulable(true).endSpec().build();
        Node pressed = new NodeBuilder(Kv.node("worker-2", "True")).editStatus()
                .addToConditions(new NodeConditionBuilder().withType("MemoryPressure").withStatus("True")
                        .withReason("KubeletHasInsufficientMemory").build())
                .addToConditions(new NodeConditionBuilder().withType("DiskPressure").withStatus("False").build())
                .endStatus().build();
        Node down = new NodeBuilder(Kv.node("worker-3", "Unknown")).withNewSpec().withUnschedulable(true).endSpec().build();

        assertThat(List.of(mapper.map(cordoned), mapper.map(pressed), mapper.map(down)))
                .extracting(HaHost::state, HaHost::vendorState, HaHost::detail)
                .containsExactly(tuple(HaHostState.MAINTENANCE, "Ready,SchedulingDisabled", null),
                        tuple(HaHostState.DEGRADED, "Ready", "MemoryPressure=True (KubeletHasInsufficientMemory)"),
                        tuple(HaHostState.FAILED, "NotReady,SchedulingDisabled", "Ready=Unknown"));
    }

    @Test
    void shouldCountHostsForTheClusterRecord() {
        HaCluster cluster = mapper.cluster(List.of(mapper.map(Kv.node("worker-1", "True")),
                mapper.map(Kv.node("worker-2", "False"))), true);

        assertThat(cluster).extracting(HaCluster::site, HaCluster::clusterId, HaCluster::haEnabled, HaCluster::hostsTotal,
                HaCluster::hostsHealthy, HaCluster::failoverCapacity, HaCluster::quorate, HaCluster::vendorState)
                .containsExactly("paris-dc1", "ocp-par", true, 2, 1, null, null, "1/2 nodes Ready");
    }
}
