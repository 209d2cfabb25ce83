package org.sitewatch.collectors.kubevirt;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;

/**
 * Kubernetes nodes as HA hosts, and the cluster's HA record. A node's {@code Ready} condition is
 * what KubeVirt acts on: when it is not True the node controller evicts the node's pods and VMs with
 * a restarting run strategy are started elsewhere.
 *
 * <ul>
 *   <li>{@code Ready} False or Unknown (kubectl's NotReady; Unknown is a node that stopped reporting)
 *       → FAILED, with the condition's reason and message as detail;</li>
 *   <li>no {@code Ready} condition → UNKNOWN;</li>
 *   <li>Ready and cordoned ({@code spec.unschedulable}) → MAINTENANCE;</li>
 *   <li>Ready with a pressure condition (Memory, Disk, PID) or NetworkUnavailable True → DEGRADED;</li>
 *   <li>otherwise HEALTHY.</li>
 * </ul>
 * {@code vendorState} is what kubectl prints: {@code Ready}, {@code NotReady} or {@code Unknown},
 * with {@code ,SchedulingDisabled} when cordoned.
 */
final class NodeMapper {

    private static final List<String> TROUBLE_CONDITIONS =
            List.of("MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable");

    private final Sites sites;

    NodeMapper(Sites sites) {
        this.sites = sites;
    }

    HaHost map(Node node) {
        String name = node.getMetadata().getName();
        Optional<NodeCondition> ready = condition(node, "Ready");
        boolean cordoned = node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
        HaHostState state;
        String word;
        String detail = null;
        if (ready.isEmpty()) {
            state = HaHostState.UNKNOWN;
            word = "Unknown";
            detail = "the node reports no Ready condition";
        } else if (!"True".equals(ready.get().getStatus())) {
            state = HaHostState.FAILED;
            word = "NotReady";
            detail = describe(ready.get());
        } else {
            List<String> trouble = new ArrayList<>();
            for (String type : TROUBLE_CONDITIONS) {
                condition(node, type).filter(c -> "True".equals(c.getStatus())).ifPresent(c -> trouble.add(describe(c)));
            }
            state = cordoned ? HaHostState.MAINTENANCE : trouble.isEmpty() ? HaHostState.HEALTHY : HaHostState.DEGRADED;
            word = "Ready";
            detail = trouble.isEmpty() ? null : String.join("; ", trouble);
        }
        if (cordoned) {
            word += ",SchedulingDisabled";
        }
        return new HaHost(sites.siteOfNode(name), Platform.KUBEVIRT, name, name, sites.cluster(), state, word, detail, false);
    }

    /**
     * The cluster's HA record: hosts total and healthy. Kubernetes keeps no spare-capacity figure and
     * its quorum (etcd) is not visible through the API, so both stay null.
     *
     * @param restartingVms whether any VM has a run strategy that restarts it (Always, RerunOnFailure)
     */
    HaCluster cluster(Collection<HaHost> hosts, boolean restartingVms) {
        int healthy = (int) hosts.stream().filter(h -> h.state() == HaHostState.HEALTHY).count();
        long ready = hosts.stream().filter(h -> h.vendorState().startsWith("Ready")).count();
        return new HaCluster(sites.endpoint().site(), Platform.KUBEVIRT, sites.cluster(), sites.cluster(), restartingVms,
                hosts.size(), healthy, null, null, ready + "/" + hosts.size() + " nodes Ready");
    }

    private static Optional<NodeCondition> condition(Node node, String type) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return node.getStatus().getConditions().stream().filter(c -> c != null && type.equals(c.getType())).findFirst();
    }

    private static String describe(NodeCondition condition) {
        StringBuilder text = new StringBuilder(condition.getType()).append('=').append(condition.getStatus());
        if (condition.getReason() != null) {
            text.append(" (").append(condition.getReason()).append(')');
        }
        if (condition.getMessage() != null && !condition.getMessage().isBlank()) {
            text.append(": ").append(condition.getMessage());
        }
        return text.toString();
    }
}
