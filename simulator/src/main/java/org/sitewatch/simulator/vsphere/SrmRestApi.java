package org.sitewatch.simulator.vsphere;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.engine.ClusterState;
import org.sitewatch.simulator.engine.ReplicationLinkState;

/**
 * Site Recovery Manager's REST gateway at {@code /api/rest/srm/v2}: one protection group per remote
 * target vCenter ({@link DrTarget}) holding the VMs replicated there, one recovery plan per group,
 * and a plan's history made of the scenario's {@code test-failover} steps on those links (each a
 * successful TEST run at the step's time; none before the first). Replication inside the vCenter
 * is not SRM's business, so it has no group.
 */
public final class SrmRestApi extends DrGateway {

    public SrmRestApi() {
        super(List.of("srm", "v2"));
    }

    @Override
    List<Map<String, Object>> listing(ClusterState state, List<ClusterSpec> estate, List<String> path, Instant now) {
        ClusterSpec cluster = state.spec();
        if (path.equals(List.of("protection-groups"))) {
            return remoteTargets(cluster, estate).stream().map(t -> group(cluster, t)).toList();
        }
        if (path.equals(List.of("recovery-plans"))) {
            return remoteTargets(cluster, estate).stream().map(SrmRestApi::plan).toList();
        }
        if (path.size() != 3) {
            return null;
        }
        DrTarget target = remoteTargets(cluster, estate).stream()
                .filter(t -> path.get(1).equals(path.get(0).equals("recovery-plans") ? planId(t) : groupId(t)))
                .findFirst().orElse(null);
        if (target == null) {
            return null;
        }
        if (path.get(0).equals("protection-groups") && path.get(2).equals("virtual-machines")) {
            return vms(state, estate, target, now);
        }
        if (path.get(0).equals("recovery-plans") && path.get(2).equals("history")) {
            return history(state, estate, target);
        }
        return null;
    }

    private static List<DrTarget> remoteTargets(ClusterSpec cluster, List<ClusterSpec> estate) {
        return DrTarget.all(cluster, estate).stream().filter(t -> !t.local()).toList();
    }

    private static Map<String, Object> group(ClusterSpec cluster, DrTarget target) {
        return VrReplications.map("id", groupId(target), "name", target.site() + " protection", "replication_type", "HBR",
                "protected_site_name", cluster.site(), "recovery_site_name", target.vcName(), "status", "READY");
    }

    private static Map<String, Object> plan(DrTarget target) {
        return VrReplications.map("id", planId(target), "name", "recover to " + target.site(), "status", "READY_STATE",
                "protection_groups", List.of(groupId(target)));
    }

    private static List<Map<String, Object>> vms(ClusterState state, List<ClusterSpec> estate, DrTarget target,
            Instant now) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReplicationLinkState link : protectedLinks(state, estate, target)) {
            var guest = state.guest(link.spec().guest());
            out.add(VrReplications.map("id", VimIds.vm(link.spec().guest()).value(),
                    "name", guest == null ? "vm-" + link.spec().guest() : guest.spec().name(),
                    "replication_status", VrReplications.status(state, link, now)));
        }
        return out;
    }

    /** One successful TEST run per distinct test-failover time of the group's links, oldest first. */
    private static List<Map<String, Object>> history(ClusterState state, List<ClusterSpec> estate, DrTarget target) {
        TreeSet<Instant> tests = new TreeSet<>();
        protectedLinks(state, estate, target).stream().map(ReplicationLinkState::lastTestFailover).filter(t -> t != null)
                .forEach(tests::add);
        return tests.stream().map(t -> VrReplications.map("id", "test-" + t.getEpochSecond(), "operation", "TEST",
                "result", "SUCCESS", "start_time", t.toString(), "end_time", t.toString())).toList();
    }

    /** Links of the group: those declared towards the target (a link keeps its group when it swaps direction). */
    private static List<ReplicationLinkState> protectedLinks(ClusterState state, List<ClusterSpec> estate,
            DrTarget target) {
        return state.links().stream().filter(l -> DrTarget.of(state.spec(), l.spec().target(), estate).equals(target))
                .toList();
    }

    private static String groupId(DrTarget target) {
        return "pg-" + target.vcId();
    }

    private static String planId(DrTarget target) {
        return "rp-" + target.vcId();
    }
}
