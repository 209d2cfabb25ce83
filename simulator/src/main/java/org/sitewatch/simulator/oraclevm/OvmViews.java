package org.sitewatch.simulator.oraclevm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.sitewatch.simulator.engine.ClusterState;
import org.sitewatch.simulator.engine.GuestState;
import org.sitewatch.simulator.engine.NodeState;

/**
 * Oracle VM Manager's objects for one cluster, as the Web Services REST API writes them: the
 * {@code Manager}, the cluster as one {@code ServerPool} (with one {@code Cluster}, so HA is on),
 * each node as a {@code Server} and each guest as a {@code Vm}. Every reference is an ID object
 * {@code {type, value, uri, name}} whose {@code uri} is built on the request's own base.
 *
 * <p>Words: a node online is {@code serverRunState} RUNNING, offline STOPPED; a guest is
 * {@code vmRunState} TEMPLATE (a template), RUNNING or STOPPED, with a {@code serverId} only while it
 * runs. Ids have Oracle VM's shapes (servers: a colon-separated SMBIOS UUID; other objects:
 * {@code 0004fb00000N0000} and 16 hex digits), derived from the names so they are stable.
 *
 * <p>Limits: no repositories, networks, disks or jobs beyond the ids that name them; no
 * maintenance mode (always false) and no other run states (the engine has none to show).
 */
final class OvmViews {

    static final String MODEL = "com.oracle.ovm.mgr.ws.model.";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ClusterState cluster;
    private final OvmSettings settings;
    /** The REST root this request came to, e.g. {@code https://ovmm:7002/ovm/core/wsapi/rest}. */
    private final String base;

    OvmViews(ClusterState cluster, OvmSettings settings, String base) {
        this.cluster = cluster;
        this.settings = settings;
        this.base = base;
    }

    /** All objects of a type, or null when the type is not simulated. */
    ArrayNode list(String type) {
        ArrayNode out = JSON.arrayNode();
        switch (type) {
            case "Manager" -> out.add(manager());
            case "ServerPool" -> out.add(pool());
            case "Server" -> cluster.nodes().forEach(n -> out.add(server(n)));
            case "Vm" -> cluster.guests().forEach(g -> out.add(vm(g)));
            default -> {
                return null;
            }
        }
        return out;
    }

    /** The ID objects of every object of a type ({@code GET /<Type>/id}), or null when not simulated. */
    ArrayNode ids(String type) {
        ArrayNode all = list(type);
        if (all == null) {
            return null;
        }
        ArrayNode out = JSON.arrayNode();
        all.forEach(o -> out.add(o.get("id")));
        return out;
    }

    /** One object by its id value, or null when there is none. */
    ObjectNode one(String type, String id) {
        ArrayNode all = list(type);
        if (all == null) {
            return null;
        }
        for (var o : all) {
            if (o.path("id").path("value").asText().equals(id)) {
                return (ObjectNode) o;
            }
        }
        return null;
    }

    private ObjectNode manager() {
        ObjectNode m = JSON.objectNode();
        m.set("id", id("Manager", hexId(1, "manager"), cluster.spec().clusterName()));
        m.put("name", cluster.spec().clusterName());
        m.put("managerRunState", settings.managerRunState());
        m.put("managerVersion", "3.4.7.1814");
        m.put("managerUuid", hexId(1, "uuid"));
        return m;
    }

    private ObjectNode pool() {
        ObjectNode p = JSON.objectNode();
        p.set("id", poolId());
        p.put("name", settings.poolName());
        ArrayNode servers = p.putArray("serverIds");
        cluster.nodes().forEach(n -> servers.add(serverId(n.name())));
        NodeState master = cluster.nodes().stream().filter(NodeState::online).findFirst().orElse(null);
        p.set("masterServerId", master == null ? JSON.nullNode() : serverId(master.name()));
        p.set("clusterId", clusterId());
        p.put("virtualIp", "");
        ArrayNode vms = p.putArray("vmIds");
        cluster.guests().stream().filter(g -> !g.spec().template()).forEach(g -> vms.add(vmId(g)));
        p.putArray("unassignedVmIds");
        p.put("vmStartPolicy", "BEST_SERVER");
        p.put("secureVmMigrate", true);
        return p;
    }

    private ObjectNode server(NodeState n) {
        ObjectNode s = JSON.objectNode();
        s.set("id", serverId(n.name()));
        s.put("name", n.name());
        s.put("hostname", n.name());
        if (n.spec().ip() != null) {
            s.put("ipAddress", n.spec().ip());
        }
        s.put("serverRunState", n.online() ? "RUNNING" : "STOPPED");
        s.put("maintenanceMode", false);
        s.set("serverPoolId", poolId());
        s.set("clusterId", clusterId());
        ArrayNode vms = s.putArray("vmIds");
        cluster.guests().stream().filter(g -> runsOn(g, n)).forEach(g -> vms.add(vmId(g)));
        s.put("ovmVersion", "3.4.7-1814");
        s.putArray("serverRoles").add("UTILITY").add("VM");
        s.putObject("serverAbilities").put("highAvailability", true);
        s.putObject("hypervisor").put("type", "XEN").put("version", "4.4.4OVM");
        s.put("cpuCount", n.spec().maxcpu());
        s.put("memory", n.spec().maxmem() >> 20);
        return s;
    }

    private ObjectNode vm(GuestState g) {
        ObjectNode v = JSON.objectNode();
        boolean template = g.spec().template();
        boolean running = !template && g.running() && cluster.isOnline(g.node());
        v.set("id", vmId(g));
        v.put("name", g.spec().name());
        v.put("description", "");
        v.put("locked", false);
        v.put("readOnly", false);
        v.put("generation", 1);
        v.put("vmRunState", template ? "TEMPLATE" : running ? "RUNNING" : "STOPPED");
        v.put("highAvailability", g.ha());
        v.put("restartActionOnCrash", g.ha() ? "RESTART" : "STOP");
        v.put("restartActionOnPowerOff", "STOP");
        v.put("restartActionOnRestart", "RESTART");
        v.put("vmStartPolicy", "USE_POOL_POLICY");
        v.set("serverId", running ? serverId(g.node()) : JSON.nullNode());
        v.set("serverPoolId", poolId());
        v.set("repositoryId", id("Repository", hexId(3, "repository"), settings.poolName() + "-repo"));
        v.put("vmDomainType", "XEN_HVM_PV_DRIVERS");
        v.put("cpuCount", g.spec().maxcpu());
        v.put("memory", g.spec().maxmem() >> 20);
        v.put("currentMemory", running ? g.spec().maxmem() >> 20 : 0);
        v.put("currentDomainId", running ? 1 + g.vmid() % 1000 : -1);
        v.put("osType", "Oracle Linux 8");
        return v;
    }

    private boolean runsOn(GuestState g, NodeState n) {
        return !g.spec().template() && g.running() && n.online() && n.name().equals(g.node());
    }

    private ObjectNode poolId() {
        return id("ServerPool", hexId(2, "pool"), settings.poolName());
    }

    private ObjectNode clusterId() {
        return id("Cluster", hexId(0xf, "cluster"), settings.poolName() + "-cluster");
    }

    private ObjectNode serverId(String node) {
        return id("Server", smbiosUuid(node), node);
    }

    private ObjectNode vmId(GuestState g) {
        return id("Vm", hexId(6, "vm/" + g.vmid()), g.spec().name());
    }

    private ObjectNode id(String type, String value, String name) {
        ObjectNode id = JSON.objectNode();
        id.put("type", MODEL + type);
        id.put("value", value);
        id.put("uri", base + "/" + type + "/" + value);
        id.put("name", name);
        return id;
    }

    /** Oracle VM's object id shape: {@code 0004fb0000} + 2 digits of the object kind + {@code 0000} + 16 hex digits. */
    private String hexId(int kind, String what) {
        UUID uuid = UUID.nameUUIDFromBytes((cluster.name() + "/" + what).getBytes(StandardCharsets.UTF_8));
        return String.format("0004fb0000%02x0000%016x", kind, uuid.getLeastSignificantBits());
    }

    /** A server's id: its SMBIOS UUID written as colon-separated bytes, e.g. {@code 36:34:31:...}. */
    private String smbiosUuid(String node) {
        UUID uuid = UUID.nameUUIDFromBytes((cluster.name() + "/server/" + node).getBytes(StandardCharsets.UTF_8));
        String hex = String.format("%016x%016x", uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
        List<String> bytes = new ArrayList<>();
        for (int i = 0; i < hex.length(); i += 2) {
            bytes.add(hex.substring(i, i + 2));
        }
        return String.join(":", bytes);
    }
}
