package org.sitewatch.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the {@code timeline} list into validated {@link ScenarioStep}s. References (site, node,
 * vmid, sid, job) are checked against the sites' initial contents plus every guest any
 * {@code vm-add} step creates, since a loop can apply steps in any order over time.
 */
final class TimelineParser {

    static final String DEFAULT_REPLICATION_ERROR =
            "command 'zfs recv -F -- rpool/data/vm-disk-0' failed: exit code 1";

    private final Map<String, SiteSpec> sites;
    private final Map<String, Map<Integer, GuestSpec>> guests = new HashMap<>();

    TimelineParser(List<SiteSpec> siteList) {
        this.sites = new HashMap<>();
        for (SiteSpec s : siteList) {
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
            String site = o.string("site");
            if (!sites.containsKey(site)) {
                throw o.error("site", "no site '" + site + "' (sites: " + sites.keySet() + ")");
            }
            StepAction action = parseAction(o, sites.get(site), o.string("action"));
            o.rejectUnknown();
            steps.add(new ScenarioStep(i, at, site, action));
        }
        return steps;
    }

    /** Look-ahead: guests created by vm-add steps may be referenced by any other step. */
    private void collectAddedGuests(List<YamlObject> raw) {
        for (YamlObject o : raw) {
            Map<Integer, GuestSpec> byId = guests.get(o.peek("site"));
            if ("vm-add".equals(o.peek("action")) && byId != null) {
                Set<String> nodeNames = nodeNames(sites.get(o.peek("site")));
                // Errors here are reported with the same path by the main pass.
                try {
                    GuestSpec g = SiteParser.parseGuest(new YamlObject(o.rawCopy(), o.path()), nodeNames);
                    byId.putIfAbsent(g.vmid(), g);
                } catch (ScenarioException ignored) {
                    // reported later
                }
            }
        }
    }

    private StepAction parseAction(YamlObject o, SiteSpec site, String action) {
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
                o.allow("at", "site", "action");
                yield new StepAction.VmAdd(SiteParser.parseGuest(o, nodeNames(site)));
            }
            case "api-fault" -> new StepAction.ApiFault(faultKind(o),
                    o.has("duration") ? SiteParser.positive(o, "duration", o.duration("duration")) : null);
            case "api-ok" -> new StepAction.ApiOk();
            default -> throw o.error("action", "unknown action '" + action + "' (allowed: replication-fail,"
                    + " replication-recover, ha-fence, ha-migrate, node-offline, node-online, vm-stop,"
                    + " vm-start, vm-remove, vm-add, api-fault, api-ok)");
        };
    }

    private static ApiFaultKind faultKind(YamlObject o) {
        try {
            return ApiFaultKind.fromScenario(o.string("kind"));
        } catch (IllegalArgumentException e) {
            throw o.error("kind", e.getMessage());
        }
    }

    private static String job(YamlObject o, SiteSpec site) {
        String job = o.string("job");
        if (site.replication().stream().noneMatch(j -> j.id().equals(job))) {
            throw o.error("job", "no replication job '" + job + "' in site '" + site.name() + "'");
        }
        return job;
    }

    private String sid(YamlObject o, SiteSpec site) {
        String sid = o.string("sid");
        boolean known = guests.get(site.name()).values().stream()
                .anyMatch(g -> g.ha() && g.sid().equals(sid));
        if (!known) {
            throw o.error("sid", "no HA-managed guest with sid '" + sid + "' in site '" + site.name() + "'");
        }
        return sid;
    }

    private static String node(YamlObject o, SiteSpec site) {
        String node = o.string("node");
        if (!nodeNames(site).contains(node)) {
            throw o.error("node", "no node '" + node + "' in site '" + site.name() + "'");
        }
        return node;
    }

    private int vmid(YamlObject o, SiteSpec site) {
        int vmid = o.integer("vmid");
        if (!guests.get(site.name()).containsKey(vmid)) {
            throw o.error("vmid", "no guest " + vmid + " in site '" + site.name() + "'");
        }
        return vmid;
    }

    private static Set<String> nodeNames(SiteSpec site) {
        Set<String> names = new HashSet<>();
        site.nodes().forEach(n -> names.add(n.name()));
        return names;
    }
}
