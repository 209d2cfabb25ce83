package org.sitewatch.simulator.ovirt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.sitewatch.simulator.engine.ClusterState;
import org.sitewatch.simulator.engine.GuestState;
import org.sitewatch.simulator.engine.NodeState;
import org.sitewatch.simulator.engine.ReplicationLinkState;

/**
 * The engine's collections in REST API v4 JSON: one key named after the type holding the array,
 * links as {@code {"href","id"}}, enum words in lower case, dates as epoch milliseconds; booleans and
 * small numbers as JSON values or, with {@code typing: strings}, as strings.
 * <ul>
 *   <li>data center per site: {@code up} while a host of it is online, else {@code not_operational};</li>
 *   <li>host: {@code up}, or {@code non_responsive} while offline; the home data center's first
 *       online host is the SPM;</li>
 *   <li>VM: {@code up} with its host link while running on an online host, {@code unknown} while its
 *       host is lost, {@code migrating} during a live migration, {@code down} when stopped;</li>
 *   <li>storage domains per replication link: the primary {@code active} in the source's data center,
 *       {@code maintenance} after a failover; the secondary in the target's data center,
 *       {@code maintenance} (a read-only replica) or {@code active} after a failover; while the link
 *       fails, the primary's {@code external_status} is {@code error}, as a storage plugin would set it.</li>
 * </ul>
 */
final class OvirtViews {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String API = "/ovirt-engine/api";

    private final ClusterState cluster;
    private final OvirtNames names;
    private final boolean strings;

    OvirtViews(ClusterState cluster, OvirtNames names, OvirtSettings settings) {
        this.cluster = cluster;
        this.names = names;
        this.strings = settings.strings();
    }

    JsonNode dataCenters() {
        ArrayNode list = F.arrayNode();
        for (String site : cluster.spec().sites()) {
            boolean up = cluster.nodes().stream().anyMatch(n -> n.online() && names.siteOf(n.name()).equals(site));
            ObjectNode dc = object("datacenters", names.dataCenterId(site), names.dataCenter(site));
            dc.put("status", up ? "up" : "not_operational");
            dc.set("local", flag(false));
            list.add(dc);
        }
        return F.objectNode().set("data_center", list);
    }

    JsonNode clusters() {
        ArrayNode list = F.arrayNode();
        for (String site : cluster.spec().sites()) {
            ObjectNode c = object("clusters", names.clusterId(site), names.cluster(site));
            c.set("data_center", link("datacenters", names.dataCenterId(site)));
            c.set("error_handling", F.objectNode().put("on_error", "migrate"));
            c.set("ha_reservation", flag(false));
            list.add(c);
        }
        return F.objectNode().set("cluster", list);
    }

    JsonNode hosts() {
        ArrayNode list = F.arrayNode();
        String spm = cluster.nodes().stream().filter(n -> n.online() && names.siteOf(n.name()).equals(cluster.spec().site()))
                .map(NodeState::name).findFirst().orElse(null);
        for (NodeState n : cluster.nodes()) {
            ObjectNode h = object("hosts", names.hostId(n.name()), n.name());
            h.put("address", n.spec().ip());
            h.put("status", n.online() ? "up" : "non_responsive");
            h.put("external_status", "ok");
            ObjectNode spmNode = F.objectNode();
            spmNode.set("priority", number(5));
            spmNode.put("status", n.name().equals(spm) ? "spm" : "none");
            h.set("spm", spmNode);
            h.set("cluster", link("clusters", names.clusterId(names.siteOf(n.name()))));
            list.add(h);
        }
        return F.objectNode().set("host", list);
    }

    JsonNode vms() {
        ArrayNode list = F.arrayNode();
        for (GuestState g : cluster.guests()) {
            if (g.spec().template()) {
                continue;
            }
            ObjectNode v = object("vms", names.vmId(g.vmid()), g.spec().name());
            boolean hostUp = cluster.isOnline(g.node());
            String status = !hostUp && (g.running() || g.ha()) ? "unknown"
                    : g.migrateTarget() != null ? "migrating" : g.running() ? "up" : "down";
            v.put("status", status);
            if (g.running() && hostUp) {
                v.set("host", link("hosts", names.hostId(g.node())));
                v.put("start_time", g.startedAt().toEpochMilli());
            }
            v.set("cluster", link("clusters", names.clusterId(names.siteOf(g.node()))));
            ObjectNode ha = F.objectNode();
            ha.set("enabled", flag(g.ha()));
            ha.set("priority", number(g.ha() ? 50 : 1));
            v.set("high_availability", ha);
            v.set("memory", F.numberNode(g.spec().maxmem()));
            list.add(v);
        }
        return F.objectNode().set("vm", list);
    }

    JsonNode storageDomains() {
        ArrayNode list = F.arrayNode();
        for (ReplicationLinkState link : cluster.links()) {
            GuestState g = cluster.guest(link.spec().guest());
            String guestName = g == null ? "vm-" + link.spec().guest() : g.spec().name();
            String sourceSite = cluster.spec().site();
            String targetSite = names.siteOf(link.target());
            boolean failing = link.failCount() > 0;
            String primary = names.primaryDomain(link, guestName);
            String secondary = names.secondaryDomain(link, guestName);
            list.add(domain(primary, link.failedOver() ? "maintenance" : "active", failing ? "error" : "ok", sourceSite,
                    !link.failedOver()));
            list.add(domain(secondary, link.failedOver() ? "active" : "maintenance", "ok", targetSite,
                    link.failedOver()));
        }
        return F.objectNode().set("storage_domain", list);
    }

    private ObjectNode domain(String name, String status, String external, String site, boolean master) {
        ObjectNode sd = object("storagedomains", names.id("storagedomain", name), name);
        sd.put("type", "data");
        sd.put("status", status);
        sd.put("external_status", external);
        sd.set("master", flag(master));
        sd.set("data_centers", F.objectNode().set("data_center", F.arrayNode().add(link("datacenters",
                names.dataCenterId(site)))));
        return sd;
    }

    JsonNode events(List<OvirtEvent> events) {
        ArrayNode list = F.arrayNode();
        for (OvirtEvent e : events) {
            ObjectNode n = F.objectNode();
            n.put("id", Long.toString(e.index()));
            n.put("href", API + "/events/" + e.index());
            n.set("index", number(e.index()));
            n.set("code", number(e.code()));
            n.put("severity", e.severity());
            n.put("time", e.time().toEpochMilli());
            n.put("description", e.description());
            n.put("origin", "oVirt");
            n.set("custom_id", number(-1));
            n.set("flood_rate", number(30));
            if (e.vmId() != null) {
                n.set("vm", link("vms", e.vmId()));
            }
            if (e.hostId() != null) {
                n.set("host", link("hosts", e.hostId()));
            }
            if (e.clusterId() != null) {
                n.set("cluster", link("clusters", e.clusterId()));
            }
            list.add(n);
        }
        return F.objectNode().set("event", list);
    }

    static JsonNode fault(String reason, String detail) {
        return F.objectNode().set("fault", F.objectNode().put("reason", reason).put("detail", detail));
    }

    static JsonNode token(String token, Instant expires, String scope) {
        return F.objectNode().put("access_token", token).put("scope", scope).put("exp", Long.toString(expires.toEpochMilli()))
                .put("token_type", "bearer");
    }

    private static ObjectNode object(String collection, String id, String name) {
        ObjectNode o = F.objectNode();
        o.put("href", API + "/" + collection + "/" + id);
        o.put("id", id);
        o.put("name", name);
        return o;
    }

    private static ObjectNode link(String collection, String id) {
        return F.objectNode().put("href", API + "/" + collection + "/" + id).put("id", id);
    }

    private JsonNode flag(boolean value) {
        return strings ? F.textNode(Boolean.toString(value)) : F.booleanNode(value);
    }

    private JsonNode number(long value) {
        return strings ? F.textNode(Long.toString(value)) : F.numberNode(value);
    }
}
