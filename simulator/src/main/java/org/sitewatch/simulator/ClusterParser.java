package org.sitewatch.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a validated {@link SiteSpec} from one {@code sites[i]} mapping, applying defaults. Checks
 * names, references between nodes, guests and jobs, and PVE's id formats.
 */
final class SiteParser {

    private static final String SITE_NAME = "[A-Za-z0-9][A-Za-z0-9._-]*";
    private static final String TOKEN = "[^@!=\\s]+@[^@!=\\s]+![A-Za-z0-9][A-Za-z0-9._-]*=\\S+";
    private static final Set<String> HA_STATES = Set.of("started", "stopped", "enabled", "disabled", "ignored");
    static final String DEFAULT_PVE_VERSION = "8.2.4";

    private SiteParser() {
    }

    static SiteSpec parse(YamlObject site, int siteIndex) {
        String name = site.string("name");
        if (!name.matches(SITE_NAME)) {
            throw site.error("name", "'" + name + "' must match " + SITE_NAME + " (it is a URL path segment)");
        }
        String token = site.string("token");
        if (!token.matches(TOKEN)) {
            throw site.error("token", "must look like USER@REALM!TOKENID=SECRET");
        }
        BooleanStyle booleans;
        try {
            booleans = BooleanStyle.fromScenario(site.string("booleans", "int"));
        } catch (IllegalArgumentException e) {
            throw site.error("booleans", e.getMessage());
        }
        HaTiming ha = parseHa(site.object("ha"));
        List<NodeSpec> nodes = parseNodes(site, siteIndex);
        Set<String> nodeNames = new HashSet<>();
        nodes.forEach(n -> nodeNames.add(n.name()));
        List<GuestSpec> vms = new ArrayList<>();
        Set<Integer> vmids = new HashSet<>();
        for (YamlObject vm : site.objects("vms")) {
            GuestSpec g = parseGuest(vm, nodeNames);
            vm.rejectUnknown();
            if (!vmids.add(g.vmid())) {
                throw vm.error("vmid", "duplicate vmid " + g.vmid());
            }
            vms.add(g);
        }
        List<ReplicationJobSpec> jobs = ReplicationJobParser.parseAll(site, nodeNames, vms);
        SiteSpec spec = new SiteSpec(name, site.string("cluster", name), token, booleans,
                site.string("pveVersion", DEFAULT_PVE_VERSION), ha, nodes, vms, jobs);
        site.rejectUnknown();
        return spec;
    }

    private static HaTiming parseHa(YamlObject ha) {
        if (ha == null) {
            return HaTiming.DEFAULT;
        }
        HaTiming t = new HaTiming(ha.duration("fenceDelay", HaTiming.DEFAULT.fenceDelay()),
                ha.duration("recoveryDelay", HaTiming.DEFAULT.recoveryDelay()),
                ha.duration("crmRound", HaTiming.DEFAULT.crmRound()));
        ha.rejectUnknown();
        return t;
    }

    private static List<NodeSpec> parseNodes(YamlObject site, int siteIndex) {
        List<YamlObject> raw = site.objects("nodes");
        if (raw.isEmpty()) {
            throw site.error("nodes", "at least one node is required");
        }
        List<NodeSpec> nodes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            YamlObject n = raw.get(i);
            String name = n.string("name");
            if (!name.matches(SITE_NAME)) {
                throw n.error("name", "'" + name + "' is not a valid node name");
            }
            if (!names.add(name)) {
                throw n.error("name", "duplicate node '" + name + "'");
            }
            nodes.add(new NodeSpec(name, n.string("ip", "10." + (siteIndex + 1) + ".0." + (11 + i)),
                    n.integer("nodeid", i + 1), n.bool("online", true), n.integer("maxcpu", 16),
                    n.bytes("maxmem", 128L << 30)));
            n.rejectUnknown();
        }
        return nodes;
    }

    /** Parses guest fields; the caller rejects unknown fields (vm-add steps allow more). */
    static GuestSpec parseGuest(YamlObject vm, Set<String> nodeNames) {
        int vmid = vm.integer("vmid");
        if (vmid < 100 || vmid > 999_999_999) {
            throw vm.error("vmid", "must be between 100 and 999999999, got " + vmid);
        }
        String node = vm.string("node");
        if (!nodeNames.contains(node)) {
            throw vm.error("node", "no node '" + node + "' in this site (nodes: " + nodeNames + ")");
        }
        String type = vm.string("type", "qemu");
        if (!type.equals("qemu") && !type.equals("lxc")) {
            throw vm.error("type", "must be qemu or lxc, got '" + type + "'");
        }
        String status = vm.string("status", "running");
        if (!status.equals("running") && !status.equals("stopped")) {
            throw vm.error("status", "must be running or stopped, got '" + status + "'");
        }
        boolean running = status.equals("running");
        boolean ha = vm.bool("ha", false);
        String haState = vm.string("haState", running ? "started" : "stopped");
        if (!HA_STATES.contains(haState)) {
            throw vm.error("haState", "must be one of " + HA_STATES + ", got '" + haState + "'");
        }
        return new GuestSpec(vmid, vm.string("name", "vm-" + vmid), node, type, running,
                vm.bool("template", false), ha, haState, vm.integer("maxcpu", 2),
                vm.bytes("maxmem", 4L << 30), vm.bytes("maxdisk", 32L << 30),
                vm.integer("maxRestart", 1), vm.integer("maxRelocate", 1));
    }

    static Duration positive(YamlObject o, String field, Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw o.error(field, "must be greater than zero");
        }
        return d;
    }
}
