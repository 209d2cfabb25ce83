package org.sitewatch.simulator.vsphere;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitewatch.simulator.ApiFaultKind;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.NodeSpec;
import org.sitewatch.simulator.front.FrontExchange;

/**
 * The inventory objects whose properties the scenario's faults make unreadable now, each with the
 * fault the PropertyCollector reports for them in a {@code missingSet}. A fault scoped to
 * {@code /inventory/host/<host name>} hits that HostSystem, {@code /inventory/cluster/<cluster name>}
 * the cluster ({@code /inventory/host} every host, {@code /inventory} both kinds): kind {@code auth}
 * is {@code NoPermission} (the monitoring role lost its read privilege there), any other kind a
 * {@code SystemError}.
 */
final class UnreadableObjects {

    static final UnreadableObjects NONE = new UnreadableObjects(Map.of());
    static final String PATH_ROOT = "inventory";
    /** vCenter's answer to a read without the privilege, as its LocalizedMethodFault says it. */
    static final String NO_PERMISSION_MESSAGE = "Permission to perform this operation was denied.";

    private final Map<MoRef, WireValue> faults;

    private UnreadableObjects(Map<MoRef, WireValue> faults) {
        this.faults = Map.copyOf(faults);
    }

    /** The faults of the cluster's hosts and its cluster object at this moment. */
    static UnreadableObjects of(FrontExchange fx) {
        ClusterSpec spec = fx.cluster();
        Map<MoRef, WireValue> faults = new LinkedHashMap<>();
        for (NodeSpec node : spec.nodes()) {
            ApiFaultKind kind = fx.faultFor(List.of(PATH_ROOT, "host", node.name()));
            if (kind != null) {
                MoRef ref = VimIds.host(spec, node.name());
                faults.put(ref, fault(kind, ref, "host " + node.name()));
            }
        }
        ApiFaultKind kind = fx.faultFor(List.of(PATH_ROOT, "cluster", spec.clusterName()));
        if (kind != null) {
            faults.put(VimIds.CLUSTER_REF, fault(kind, VimIds.CLUSTER_REF, "cluster " + spec.clusterName()));
        }
        return faults.isEmpty() ? NONE : new UnreadableObjects(faults);
    }

    /** The {@code LocalizedMethodFault} of every property of {@code ref}, or null when it can be read. */
    WireValue faultOf(MoRef ref) {
        return faults.get(ref);
    }

    private static WireValue fault(ApiFaultKind kind, MoRef ref, String what) {
        if (kind == ApiFaultKind.AUTH) {
            return WireValue.plain("LocalizedMethodFault")
                    .field("fault", WireValue.typed("NoPermission").field("object", ref.wire())
                            .field("privilegeId", "System.Read").build())
                    .field("localizedMessage", NO_PERMISSION_MESSAGE)
                    .build();
        }
        String reason = "simulated " + kind.scenarioName() + " reading " + what;
        return WireValue.plain("LocalizedMethodFault")
                .field("fault", WireValue.typed("SystemError").field("reason", reason).build())
                .field("localizedMessage", "A general system error occurred: " + reason)
                .build();
    }
}
