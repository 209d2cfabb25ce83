package org.sitewatch.collectors.hyperv;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sitewatch.collectors.hyperv.HypervEnums.GroupState;
import org.sitewatch.collectors.hyperv.HypervEnums.GroupType;
import org.sitewatch.collectors.hyperv.HypervEnums.NodeState;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.Platform;

/**
 * Derives {@code ha.action} records from successive snapshots of a cluster's VM roles
 * (GroupType VirtualMachine), since Get-ClusterGroup tells where a role is, not what happened to it:
 * <ul>
 *   <li>the owner node changed while the old owner is now Down, Unknown or no longer a node: RESTART
 *       (the cluster failed the VM over and started it on the new owner);</li>
 *   <li>the owner changed while the old owner is Up (or Paused, i.e. drained): MIGRATE;</li>
 *   <li>the role became Pending while its owner is Down: RECOVERY (the failover is under way);</li>
 *   <li>the role became Failed: ERROR (the cluster could not bring it online; it retries within
 *       the role's failover threshold, then leaves it failed).</li>
 * </ul>
 * What a snapshot cannot infer: moves that go and come back between two polls, how many restarts
 * a role had, whether a move was live or quick, or started by an operator, by node drain or by
 * load balancing (all are MIGRATE); a role seen for the first time (including after a collector
 * restart) gives no action, so an action is reported once per change this tracker saw. The VM is
 * named by the role's VM id when the script read it (VmID parameter), else by the VM of the same
 * name on the polled node, else by the role's own id.
 *
 * <p>Not thread-safe: one endpoint's polls are sequential.
 */
final class ClusterGroupTracker {

    private record Seen(String owner, GroupState state) {
    }

    private final Map<String, Seen> lastSeen = new HashMap<>();

    /**
     * @param vmIdsByName VM ids of the polled node's VMs by VM name, for roles whose VM id was not reported
     * @return the actions derived from what changed since the previous call
     */
    List<HaAction> update(String site, HypervReport.Clustering clustering, Map<String, String> vmIdsByName,
                          Instant now) {
        Map<String, NodeState> nodeStates = new HashMap<>();
        clustering.nodes().forEach(node -> nodeStates.put(node.name().toLowerCase(Locale.ROOT), node.state().known()));
        List<HaAction> actions = new ArrayList<>();
        Map<String, Seen> current = new HashMap<>();
        for (HypervReport.Group group : clustering.groups()) {
            if (!group.type().is(GroupType.VirtualMachine)) {
                continue;
            }
            String key = group.id() != null ? group.id() : group.name();
            Seen seenNow = new Seen(group.ownerNode(), group.state().known());
            current.put(key, seenNow);
            Seen before = lastSeen.get(key);
            if (before == null) {
                continue;
            }
            HaAction action = action(site, clustering.name(), group, before, seenNow, nodeStates, vmIdsByName, now);
            if (action != null) {
                actions.add(action);
            }
        }
        lastSeen.clear();
        lastSeen.putAll(current);
        return actions;
    }

    private static HaAction action(String site, String cluster, HypervReport.Group group, Seen before, Seen now,
                                   Map<String, NodeState> nodeStates, Map<String, String> vmIdsByName,
                                   Instant observedAt) {
        HaActionKind kind;
        String detail;
        boolean ownerChanged = now.owner() != null && before.owner() != null
                && !now.owner().equalsIgnoreCase(before.owner());
        if (ownerChanged) {
            NodeState oldOwner = nodeStates.get(before.owner().toLowerCase(Locale.ROOT));
            boolean oldOwnerFailed = oldOwner == null || oldOwner == NodeState.Down || oldOwner == NodeState.Unknown;
            kind = oldOwnerFailed ? HaActionKind.RESTART : HaActionKind.MIGRATE;
            detail = "role " + group.name() + " moved from " + before.owner() + " ("
                    + (oldOwner == null ? "no longer a node" : oldOwner.name()) + ") to " + now.owner();
        } else if (now.state() == GroupState.Failed && before.state() != GroupState.Failed) {
            kind = HaActionKind.ERROR;
            detail = "role " + group.name() + " failed on " + now.owner();
        } else if (now.state() == GroupState.Pending && before.state() != GroupState.Pending
                && now.owner() != null && nodeStates.get(now.owner().toLowerCase(Locale.ROOT)) == NodeState.Down) {
            kind = HaActionKind.RECOVERY;
            detail = "role " + group.name() + " pending while its owner " + now.owner() + " is Down";
        } else {
            return null;
        }
        String vmId = group.vmId() != null ? group.vmId()
                : vmIdsByName.getOrDefault(group.name(), group.id() != null ? group.id() : group.name());
        String actionId = (group.id() != null ? group.id() : group.name()) + "/" + kind.name().toLowerCase(Locale.ROOT) + "/"
                + observedAt.toEpochMilli();
        return new HaAction(site, Platform.HYPERV, actionId, vmId, cluster, kind,
                before.owner(), ownerChanged ? now.owner() : null, group.state().raw(), detail);
    }
}
