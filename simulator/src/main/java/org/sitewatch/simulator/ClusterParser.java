package org.sitewatch.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitewatch.simulator.front.VendorFront;
import org.sitewatch.simulator.front.VendorFronts;

/**
 * Builds a validated {@link ClusterSpec} from one {@code clusters[i]} mapping, applying defaults.
 * Checks names, sites, references between nodes, guests and jobs; the cluster's vendor front
 * checks the vendor settings (e.g. Proxmox's token).
 */
final class ClusterParser {

    static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]*";
    private static final Set<String> HA_STATES = Set.of("started", "stopped", "enabled", "disabled", "ignored");
    private static final String DEFAULT_PLATFORM = "proxmox";

    private ClusterParser() {
    }

    /** @param declaredSites the scenario's site list, or null when sites are implied by the clusters */
    static ClusterSpec parse(YamlObject o, int index, Set<String> declaredSites) {
        String name = o.string("name");
        if (!name.matches(NAME)) {
            throw o.error("name", "'" + name + "' must match " + NAME + " (it is a URL path segment)");
        }
        String site = site(o, "site", name, declaredSites);
        String platform = o.string("platform", DEFAULT_PLATFORM);
        VendorFront front;
        try {
            front = VendorFronts.forPlatform(platform);
        } catch (IllegalArgumentException e) {
            throw o.error("platform", e.getMessage());
        }
        Map<String, String> vendor = vendorSettings(o, front);
        HaTiming ha = parseHa(o.object("ha"));
        QDeviceSpec qdevice = parseQDevice(o.object("qdevice"));
        List<NodeSpec> nodes = parseNodes(o, index, site, declaredSites);
        Set<String> nodeNames = new HashSet<>();
        nodes.forEach(n -> nodeNames.add(n.name()));
        List<GuestSpec> vms = new ArrayList<>();
        Set<Integer> vmids = new HashSet<>();
        for (YamlObject vm : o.objects("vms")) {
            GuestSpec g = parseGuest(vm, nodeNames);
            vm.rejectUnknown();
            if (!vmids.add(g.vmid())) {
                throw vm.error("vmid", "duplicate vmid " + g.vmid());
            }
            vms.add(g);
        }
        List<ReplicationJobSpec> jobs = ReplicationJobParser.parseAll(o, nodeNames, vms, front.defaultTechnology());
        ClusterSpec spec = new ClusterSpec(name, o.string("cluster", name), site, platform, vendor, ha, qdevice,
                nodes, vms, jobs);
        o.rejectUnknown();
        return spec;
    }

    private static String site(YamlObject o, String field, String fallback, Set<String> declaredSites) {
        String site = o.string(field, fallback);
        if (!site.matches(NAME)) {
            throw o.error(field, "'" + site + "' must match " + NAME);
        }
        if (declaredSites != null && !declaredSites.contains(site)) {
            throw o.error(field, "no site '" + site + "' in the scenario's sites " + declaredSites);
        }
        return site;
    }

    private static Map<String, String> vendorSettings(YamlObject o, VendorFront front) {
        Map<String, String> vendor = new LinkedHashMap<>();
        for (String key : front.settingKeys()) {
            if (o.has(key)) {
                String value = o.string(key);
                try {
                    front.checkSetting(key, value);
                } catch (IllegalArgumentException e) {
                    throw o.error(key, e.getMessage());
                }
                vendor.put(key, value);
            }
        }
        for (String key : front.requiredSettings()) {
            if (!vendor.containsKey(key)) {
                throw o.error(key, "is required for platform " + front.platform());
            }
        }
        return vendor;
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

    private static QDeviceSpec parseQDevice(YamlObject q) {
        if (q == null) {
            return null;
        }
        int votes = q.integer("votes", 1);
        if (votes < 1) {
            throw q.error("votes", "must be at least 1");
        }
        QDeviceSpec spec = new QDeviceSpec(q.string("host"), votes, q.bool("connected", true));
        q.rejectUnknown();
        return spec;
    }

    private static List<NodeSpec> parseNodes(YamlObject cluster, int index, String homeSite, Set<String> declaredSites) {
        List<YamlObject> raw = cluster.objects("nodes");
        if (raw.isEmpty()) {
            throw cluster.error("nodes", "at least one node is required");
        }
        List<NodeSpec> nodes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            YamlObject n = raw.get(i);
            String name = n.string("name");
            if (!name.matches(NAME)) {
                throw n.error("name", "'" + name + "' is not a valid node name");
            }
            if (!names.add(name)) {
                throw n.error("name", "duplicate node '" + name + "'");
            }
            int votes = n.integer("votes", 1);
            if (votes < 0) {
                throw n.error("votes", "must not be negative");
            }
            nodes.add(new NodeSpec(name, n.string("ip", "10." + (index + 1) + ".0." + (11 + i)),
                    n.integer("nodeid", i + 1), n.bool("online", true), n.integer("maxcpu", 16),
                    n.bytes("maxmem", 128L << 30), site(n, "site", homeSite, declaredSites), votes));
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
            throw vm.error("node", "no node '" + node + "' in this cluster (nodes: " + nodeNames + ")");
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
