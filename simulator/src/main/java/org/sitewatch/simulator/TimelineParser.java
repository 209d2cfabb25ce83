package org.sitewatch.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the {@code timeline} list into validated {@link ScenarioStep}s. References (cluster, node,
 * vmid, sid, job) are checked against the clusters' initial contents plus every guest any
 * {@code vm-add} step creates, since a loop can apply steps in any order over time. A step names
 * its cluster with {@code cluster}; {@code site} is the first format's name for the same key.
 */
final class TimelineParser {

    static final String DEFAULT_REPLICATION_ERROR =
            "command 'zfs recv -F -- rpool/data/vm-disk-0' failed: exit code 1";

    private final Map<String, ClusterSpec> sites;
    private final Map<String, Map<Integer, GuestSpec>> guests = new HashMap<>();

    TimelineParser(List<ClusterSpec> siteList) {
        this.sites = new HashMap<>();
        for (ClusterSpec s : siteList) {
            sites.put(s.name(), s);
            Map<Integer, GuestSpec> byId = new HashMap<>();
            s.vms().forEach(g -> byId.put(g.vmid(), g));
            guests.put(s.name(), byId);
        }
    }

    List<ScenarioStep> parse(List<YamlObject> raw, Duration loop) {
        collectAddedGuests(raw);
        List<ScenarioStep> steps = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            YamlObject o = raw.get(i);
            Duration at = o.duration("at");
            if (loop != null && at.compareTo(loop) >= 0) {
                throw o.error("at", Durations.format(at) + " is not before the loop period "
                        + Durations.format(loop));
            }
            String key = clusterKey(o);
            String site = o.string(key);
            if (!sites.containsKey(site)) {
                throw o.error(key, "no cluster '" + site + "' (clusters: " + sites.keySet() + ")");
            }
            StepAction action = parseAction(o, sites.get(site), o.string("action"));
            o.rejectUnknown();
            steps.add(new ScenarioStep(i, at, site, action));
        }
        return steps;
    }

    private static String clusterKey(YamlObject o) {
        return o.peek("cluster") == null && o.peek("site") != null ? "site" : "cluster";
    }

    /** Look-ahead: guests created by vm-add steps may be referenced by any other step. */
    private void collectAddedGuests(List<YamlObject> raw) {
        for (YamlObject o : raw) {
            String cluster = o.peek(clusterKey(o));
            Map<Integer, GuestSpec> byId = guests.get(cluster);
            if ("vm-add".equals(o.peek("action")) && byId != null) {
                Set<String> nodeNames = nodeNames(sites.get(cluster));
                // Errors here are reported with the same path by the main pass.
                try {
                    GuestSpec g = ClusterParser.parseGuest(new YamlObject(o.rawCopy(), o.path()), nodeNames);
                    byId.putIfAbsent(g.vmid(), g);
                } catch (ScenarioException ignored) {
                    // reported later
                }
            }
        }
    }

    private StepAction parseAction(YamlObject o, ClusterSpec site, String action) {
        return switch (action) {
            case "replication-fail" -> new StepAction.ReplicationFail(job(o, site),
                    o.string("error", DEFAULT_REPLICATION_ERROR));
            case "replication-recover" -> new StepAction.ReplicationRecover(job(o, site));
            case "ha-fence" -> new StepAction.HaFence(sid(o, site));
            case "ha-migrate" -> new StepAction.HaMigrate(sid(o, site), node(o, site));
            case "node-offline" -> new StepAction.NodeOffline(node(o, site));
            case "node-online" -> new StepAction.NodeOnline(node(o, site));
            case "vm-stop" -> new StepAction.VmStop(vmid(o, site));
            case "vm-start" -> new StepAction.VmStart(vmid(o, site));
            case "vm-remove" -> new StepAction.VmRemove(vmid(o, site));
            case "vm-add" -> {
                o.allow("at", "site", "cluster", "action");
                yield new StepAction.VmAdd(ClusterParser.parseGuest(o, nodeNames(site)));
            }
            case "api-fault" -> new StepAction.ApiFault(faultKind(o), scope(o, FaultScope.wholeApi()),
                    o.has("duration") ? ClusterParser.positive(o, "duration", o.duration("duration")) : null);
            case "api-ok" -> new StepAction.ApiOk(scope(o, null));
            case "test-failover" -> new StepAction.TestFailover(job(o, site));
            case "replication-failover" -> new StepAction.ReplicationFailover(job(o, site));
            case "replication-failback" -> new StepAction.ReplicationFailback(job(o, site));
            case "qdevice-connect" -> new StepAction.QDevice(qdevice(o, site, true));
            case "qdevice-disconnect" -> new StepAction.QDevice(qdevice(o, site, false));
            default -> throw o.error("action", "unknown action '" + action + "' (allowed: replication-fail,"
                    + " replication-recover, test-failover, replication-failover, replication-failback, ha-fence, ha-migrate, node-offline, node-online,"
                    + " vm-stop, vm-start, vm-remove, vm-add, api-fault, api-ok, qdevice-connect,"
                    + " qdevice-disconnect)");
        };
    }

    private static ApiFaultKind faultKind(YamlObject o) {
        try {
            return ApiFaultKind.fromScenario(o.string("kind"));
        } catch (IllegalArgumentException e) {
            throw o.error("kind", e.getMessage());
        }
    }

    /** The {@code path} a fault is limited to, or {@code fallback} when the step names none. */
    private static FaultScope scope(YamlObject o, FaultScope fallback) {
        if (!o.has("path")) {
            return fallback;
        }
        try {
            return FaultScope.path(o.string("path"));
        } catch (IllegalArgumentException e) {
            throw o.error("path", e.getMessage());
        }
    }

    private static boolean qdevice(YamlObject o, ClusterSpec cluster, boolean connected) {
        if (cluster.qdevice() == null) {
            throw o.error("action", "cluster '" + cluster.name() + "' has no qdevice");
        }
        return connected;
    }

    private static String job(YamlObject o, ClusterSpec site) {
        String job = o.string("job");
        if (site.replication().stream().noneMatch(j -> j.id().equals(job))) {
            throw o.error("job", "no replication job '" + job + "' in cluster '" + site.name() + "'");
        }
        return job;
    }

    private String sid(YamlObject o, ClusterSpec site) {
        String sid = o.string("sid");
        boolean known = guests.get(site.name()).values().stream()
                .anyMatch(g -> g.ha() && g.sid().equals(sid));
        if (!known) {
            throw o.error("sid", "no HA-managed guest with sid '" + sid + "' in cluster '" + site.name() + "'");
        }
        return sid;
    }

    private static String node(YamlObject o, ClusterSpec site) {
        String node = o.string("node");
        if (!nodeNames(site).contains(node)) {
            throw o.error("node", "no node '" + node + "' in cluster '" + site.name() + "'");
        }
        return node;
    }

    private int vmid(YamlObject o, ClusterSpec site) {
        int vmid = o.integer("vmid");
        if (!guests.get(site.name()).containsKey(vmid)) {
            throw o.error("vmid", "no guest " + vmid + " in cluster '" + site.name() + "'");
        }
        return vmid;
    }

    private static Set<String> nodeNames(ClusterSpec site) {
        Set<String> names = new HashSet<>();
        site.nodes().forEach(n -> names.add(n.name()));
        return names;
    }
}
