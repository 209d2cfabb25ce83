package org.sitewatch.collectors.kubevirt;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.EventData;
import org.sitewatch.events.EventType;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.VmState;

/**
 * One cluster as the watches last showed it: VMs, VMIs and nodes by key. Every change recomputes
 * the records it touches and hands those that may have changed to the {@link Output} (the runtime
 * drops unchanged states); HA actions (finished migrations, restarts) go there too. A full
 * {@link #snapshot} is built from the same maps. Not thread-safe: the collector calls it from its one
 * event thread.
 */
final class ClusterModel {

    /** The API path of nodes, the scope of a partial read when nodes may not be listed. */
    static final String NODES_PATH = "/api/v1/nodes";

    /** Where changed records go. */
    interface Output {
        void state(EventData state);

        void action(ObservedAction action);
    }

    private final VmStateMapper vmMapper;
    private final NodeMapper nodeMapper;
    private final MigrationMapper migrationMapper;
    private final RestartDetector restarts;
    private final Output output;
    private final Map<String, GenericKubernetesResource> vms = new HashMap<>();
    private final Map<String, GenericKubernetesResource> vmis = new HashMap<>();
    private final Map<String, HaHost> hosts = new TreeMap<>();
    /** VMs whose run strategy restarts them: whether the cluster record says HA is enabled. */
    private final Set<String> restartingVms = new HashSet<>();
    /** The VM state last handed out per VM, to report a removal (and a move to another site). */
    private final Map<String, VmState> lastVmStates = new HashMap<>();
    private String nodesUnreadable;

    ClusterModel(Sites sites, RestartDetector restarts, Output output) {
        this.vmMapper = new VmStateMapper(sites);
        this.nodeMapper = new NodeMapper(sites);
        this.migrationMapper = new MigrationMapper(sites);
        this.restarts = restarts;
        this.output = output;
    }

    void vmChanged(GenericKubernetesResource vm) {
        String key = KubeFields.key(vm);
        vms.put(key, vm);
        boolean wasEnabled = !restartingVms.isEmpty();
        if (VmStateMapper.restartsByItself(vm)) {
            restartingVms.add(key);
        } else {
            restartingVms.remove(key);
        }
        vmUpdated(key);
        if (wasEnabled != !restartingVms.isEmpty()) {
            clusterUpdated();
        }
    }

    void vmDeleted(GenericKubernetesResource vm) {
        String key = KubeFields.key(vm);
        vms.remove(key);
        boolean wasEnabled = !restartingVms.isEmpty();
        restartingVms.remove(key);
        restarts.onVmDeleted(key);
        vmUpdated(key);
        if (wasEnabled != !restartingVms.isEmpty()) {
            clusterUpdated();
        }
    }

    void vmiChanged(GenericKubernetesResource vmi, Instant seenAt) {
        String key = KubeFields.key(vmi);
        vmis.put(key, vmi);
        vmUpdated(key);
        restarts.onVmi(vmi, this::nodeTrouble, seenAt).ifPresent(output::action);
    }

    void vmiDeleted(GenericKubernetesResource vmi) {
        String key = KubeFields.key(vmi);
        GenericKubernetesResource known = vmis.get(key);
        // A late deletion of a VMI that was already replaced by its successor must not remove the successor.
        if (known != null && KubeFields.uid(known) != null && KubeFields.uid(known).equals(KubeFields.uid(vmi))) {
            vmis.remove(key);
        }
        restarts.onVmiDeleted(vmi);
        vmUpdated(key);
    }

    void migrationChanged(GenericKubernetesResource vmim, Instant seenAt) {
        String vmiName = KubeFields.text(vmim, "spec", "vmiName");
        GenericKubernetesResource vmi = vmiName == null ? null : vmis.get(vmim.getMetadata().getNamespace() + "/" + vmiName);
        migrationMapper.map(vmim, vmi, seenAt).ifPresent(output::action);
    }

    void nodeChanged(Node node) {
        HaHost host = nodeMapper.map(node);
        hosts.put(host.hostId(), host);
        output.state(host);
        clusterUpdated();
    }

    void nodeDeleted(Node node) {
        HaHost last = hosts.remove(node.getMetadata().getName());
        if (last != null) {
            output.state(new HaHost(last.site(), last.platform(), last.hostId(), last.hostName(), last.cluster(),
                    last.state(), last.vendorState(), last.detail(), true));
            clusterUpdated();
        }
    }

    /** Nodes could not be listed (no right to): hosts and the cluster record are a partial read. */
    void nodesUnreadable(String reason) {
        nodesUnreadable = reason;
    }

    /** Everything as it stands: the full state the runtime compares with what it published. */
    Snapshot snapshot(Instant at) {
        Snapshot.Builder snapshot = Snapshot.builder(at);
        Set<String> keys = new LinkedHashSet<>(vms.keySet());
        keys.addAll(vmis.keySet());
        lastVmStates.clear();
        for (String key : keys) {
            try {
                VmState state = vmMapper.map(key, vms.get(key), vmis.get(key));
                lastVmStates.put(key, state);
                snapshot.state(state);
            } catch (RuntimeException e) {
                snapshot.skipped("VM " + key + ": " + e).partial(EventType.VM_STATE);
            }
        }
        if (nodesUnreadable != null) {
            snapshot.unreadable(EventType.HA_HOST, Scope.endpoint(NODES_PATH), nodesUnreadable);
            snapshot.unreadable(EventType.HA_CLUSTER, Scope.endpoint(NODES_PATH), nodesUnreadable);
        } else {
            hosts.values().forEach(snapshot::state);
            snapshot.state(cluster());
        }
        return snapshot.build();
    }

    private void vmUpdated(String key) {
        GenericKubernetesResource vm = vms.get(key);
        GenericKubernetesResource vmi = vmis.get(key);
        VmState last = lastVmStates.get(key);
        if (vm == null && vmi == null) {
            lastVmStates.remove(key);
            if (last != null) {
                output.state(removed(last));
            }
            return;
        }
        VmState state = vmMapper.map(key, vm, vmi);
        if (last != null && !last.site().equals(state.site())) {
            // It moved to a node of another site: it is gone from the old one.
            output.state(removed(last));
        }
        lastVmStates.put(key, state);
        output.state(state);
    }

    private void clusterUpdated() {
        if (nodesUnreadable == null) {
            output.state(cluster());
        }
    }

    private HaCluster cluster() {
        return nodeMapper.cluster(hosts.values(), !restartingVms.isEmpty());
    }

    /** Why a node is not Ready, for a restart's detail; empty when it is Ready or unknown. */
    private Optional<String> nodeTrouble(String node) {
        HaHost host = node == null ? null : hosts.get(node);
        return host != null && host.state() == HaHostState.FAILED ? Optional.ofNullable(host.detail()) : Optional.empty();
    }

    private static VmState removed(VmState last) {
        return new VmState(last.site(), last.platform(), last.vmId(), last.name(), last.host(), last.cluster(),
                last.power(), last.vendorState(), last.haProtected(), last.haState(), true);
    }
}
