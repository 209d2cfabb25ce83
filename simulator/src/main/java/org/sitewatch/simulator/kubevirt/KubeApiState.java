package org.sitewatch.simulator.kubevirt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.sitewatch.simulator.NodeSpec;
import org.sitewatch.simulator.engine.ClusterState;
import org.sitewatch.simulator.engine.GuestState;
import org.sitewatch.simulator.engine.NodeState;

/**
 * What the simulated API server of one cluster remembers between calls: its {@link ResourceStore}
 * and the KubeVirt objects of each guest. {@link #refresh} renders the engine's cluster as
 * Kubernetes objects (Nodes, VirtualMachines, VMIs, VMIMs) and lets the store turn the differences
 * into changes. Used under the engine's lock.
 */
final class KubeApiState {

    private final KubeSettings settings;
    private final String clusterName;
    private final ResourceStore store;
    private final Map<Integer, GuestObjects> guests = new HashMap<>();
    private final Map<String, Instant> nodesCreated = new HashMap<>();
    private int uidsIssued;

    KubeApiState(KubeSettings settings, String clusterName) {
        this.settings = settings;
        this.clusterName = clusterName;
        this.store = new ResourceStore(settings.watchHistory());
    }

    ResourceStore store() {
        return store;
    }

    /** Renders the cluster as it is at {@code now}; the store records what changed since the last refresh. */
    void refresh(ClusterState state, Instant now) {
        store.beginRefresh();
        for (NodeState n : state.nodes()) {
            store.put(KubeResource.NODES.plural(), node(n, nodesCreated.computeIfAbsent(n.name(), k -> now)));
        }
        guests.keySet().retainAll(state.guests().stream().map(GuestState::vmid).toList());
        Map<Integer, GuestState> ordered = new TreeMap<>();
        state.guests().forEach(g -> ordered.put(g.vmid(), g));
        for (GuestState g : ordered.values()) {
            guests.computeIfAbsent(g.vmid(), id -> new GuestObjects(settings.namespace(), g, now, this::nextUid))
                    .refresh(state, g, now, state.spec().ha().crmRound(), store);
        }
        store.endRefresh();
    }

    private String nextUid() {
        return KubeNames.uid(clusterName, "object-" + ++uidsIssued);
    }

    private ObjectNode node(NodeState n, Instant created) {
        NodeSpec spec = n.spec();
        ObjectNode o = Json.object().put("apiVersion", "v1").put("kind", "Node");
        ObjectNode m = o.putObject("metadata");
        m.put("name", spec.name()).put("uid", KubeNames.uid(clusterName, "node/" + spec.name()))
                .put("creationTimestamp", Json.time(created));
        m.putObject("labels").put("kubernetes.io/hostname", spec.name()).put("kubernetes.io/os", "linux")
                .put("node-role.kubernetes.io/worker", "").put("topology.kubernetes.io/zone", spec.site())
                .put("kubevirt.io/schedulable", Boolean.toString(n.online()));
        ObjectNode nodeSpec = o.putObject("spec");
        if (!n.online()) {
            // What the node lifecycle controller adds when the kubelet stops posting status.
            ArrayNode taints = nodeSpec.putArray("taints");
            taints.addObject().put("key", "node.kubernetes.io/unreachable").put("effect", "NoSchedule")
                    .put("timeAdded", Json.time(n.since()));
            taints.addObject().put("key", "node.kubernetes.io/unreachable").put("effect", "NoExecute")
                    .put("timeAdded", Json.time(n.since()));
        }
        ObjectNode status = o.putObject("status");
        status.putObject("capacity").put("cpu", Integer.toString(Math.max(1, spec.maxcpu())))
                .put("memory", spec.maxmem() / 1024 + "Ki").put("devices.kubevirt.io/kvm", "1k");
        ArrayNode conditions = status.putArray("conditions");
        for (String pressure : new String[] {"MemoryPressure", "DiskPressure", "PIDPressure"}) {
            conditions.add(n.online() ? Json.condition(pressure, "False", n.since(), "KubeletHasNo" + pressure.replace("Pressure", "") + "Pressure", null)
                    : Json.condition(pressure, "Unknown", n.since(), "NodeStatusUnknown", "Kubelet stopped posting node status."));
        }
        conditions.add(n.online() ? Json.condition("Ready", "True", n.since(), "KubeletReady", "kubelet is posting ready status")
                : Json.condition("Ready", "Unknown", n.since(), "NodeStatusUnknown", "Kubelet stopped posting node status."));
        ArrayNode addresses = status.putArray("addresses");
        if (spec.ip() != null) {
            addresses.addObject().put("type", "InternalIP").put("address", spec.ip());
        }
        addresses.addObject().put("type", "Hostname").put("address", spec.name());
        status.putObject("nodeInfo").put("kubeletVersion", "v1.31.6").put("operatingSystem", "linux")
                .put("architecture", "amd64").put("containerRuntimeVersion", "cri-o://1.31.6");
        return o;
    }
}
