package org.sitewatch.simulator.vsphere;

import java.util.List;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.NodeSpec;

/**
 * The managed object ids of a simulated vCenter, stable for a scenario: one root folder, one
 * datacenter and one cluster, a host per node ({@code host-10}, {@code host-11}, ... in node order)
 * and a VM per guest ({@code vm-<vmid>}). The singletons use the names vCenter gives them.
 */
final class VimIds {

    static final String VM = "VirtualMachine";
    static final String HOST = "HostSystem";
    static final String CLUSTER = "ClusterComputeResource";
    static final String DATACENTER = "Datacenter";

    static final MoRef SERVICE_INSTANCE = new MoRef("ServiceInstance", "ServiceInstance");
    static final MoRef ROOT_FOLDER = new MoRef("Folder", "group-d1");
    static final MoRef PROPERTY_COLLECTOR = new MoRef("PropertyCollector", "propertyCollector");
    static final MoRef VIEW_MANAGER = new MoRef("ViewManager", "ViewManager");
    static final MoRef SESSION_MANAGER = new MoRef("SessionManager", "SessionManager");
    static final MoRef EVENT_MANAGER = new MoRef("EventManager", "EventManager");
    static final MoRef TASK_MANAGER = new MoRef("TaskManager", "TaskManager");
    static final MoRef DATACENTER_REF = new MoRef(DATACENTER, "datacenter-2");
    static final MoRef CLUSTER_REF = new MoRef(CLUSTER, "domain-c7");
    private static final int FIRST_HOST = 10;

    private VimIds() {
    }

    static MoRef host(ClusterSpec cluster, String node) {
        List<NodeSpec> nodes = cluster.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).name().equals(node)) {
                return new MoRef(HOST, "host-" + (FIRST_HOST + i));
            }
        }
        throw new IllegalArgumentException("no node " + node);
    }

    static MoRef vm(int vmid) {
        return new MoRef(VM, "vm-" + vmid);
    }
}
