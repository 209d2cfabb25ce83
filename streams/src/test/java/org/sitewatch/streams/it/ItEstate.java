package org.sitewatch.streams.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.EventData;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.VmState;
import org.sitewatch.core.fold.AggregateLimits;
import org.sitewatch.core.fold.Counters;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.InMemoryEstate;

/**
 * A known estate of four sites (VMs, HA hosts and clusters, replicated items across several pairs,
 * collectors), its events, and the expected views from the functional core ({@link InMemoryEstate}):
 * what every instance must answer, whole.
 */
final class ItEstate {

    static final List<String> SITES = List.of("it-berlin", "it-london", "it-lyon", "it-paris");
    static final int VMS_PER_SITE = 8;

    /** Fields whose value depends on the instant of the request. */
    private static final Set<String> TIME_VARYING = Set.of("asOf", "since", "lagSeconds", "worstLagSeconds", "p95LagSeconds");

    final List<SitewatchEvent> events = new ArrayList<>();
    final InMemoryEstate expected = new InMemoryEstate(HealthRules.defaultRules(), AggregateLimits.DEFAULTS);
    private final Instant t;

    ItEstate(Instant t) {
        this.t = t;
        for (String site : SITES) {
            add(new CollectorHeartbeat(site, Platform.PROXMOX, site, "https://" + site + ".example:8006", CollectorStatus.OK,
                    null, null, 100L, t, 3600, null));
            for (int i = 0; i < VMS_PER_SITE; i++) {
                add(new VmState(site, Platform.PROXMOX, Integer.toString(100 + i), site + "-vm" + i, "pve1", site,
                        i == 7 ? PowerState.STOPPED : PowerState.RUNNING, "running", i % 2 == 0, null, false));
            }
            for (int h = 1; h <= 3; h++) {
                boolean failed = site.equals("it-berlin") && h == 2;
                add(new HaHost(site, Platform.PROXMOX, "pve" + h, "pve" + h, site, failed ? HaHostState.FAILED : HaHostState.HEALTHY,
                        failed ? "offline" : "online", null, false));
            }
            add(new HaCluster(site, Platform.PROXMOX, site, site, true, 3, site.equals("it-berlin") ? 2 : 3,
                    site.equals("it-berlin") ? 0 : 1, true, "OK"));
        }
        items("it-paris", "it-london", 5, ReplicationState.REPLICATING);
        items("it-lyon", "it-lyon", 3, ReplicationState.REPLICATING);
        items("it-london", "it-paris", 2, ReplicationState.REPLICATING);
        items("it-berlin", "it-london", 1, ReplicationState.REPLICATING);
        items("it-berlin", "it-london", 1, ReplicationState.FAILED);
        events.forEach(e -> expected.apply(e, t));
    }

    private int itemCounter;

    private void items(String source, String target, int n, ReplicationState state) {
        for (int i = 0; i < n; i++) {
            String id = (200 + itemCounter++) + "-0";
            add(new ReplicationStatus(source, Platform.PROXMOX, id, id.substring(0, 3), "item-" + id, source, target, "pve1",
                    "pve2", "pvesr", state, state == ReplicationState.FAILED ? ReplicationHealth.CRITICAL : ReplicationHealth.OK,
                    "ok", 86_400L, t.minusSeconds(30), null, t.minus(Duration.ofDays(10)), 0, null, false));
        }
    }

    private void add(EventData data) {
        events.add(SitewatchEvent.observed(URI.create("/sitewatch/collectors/proxmox/" + data.site()), t, data));
    }

    int items() {
        return (int) expected.sites().values().stream().mapToLong(a -> a.count(Counters.REPLICATED)).sum();
    }

    /** Every GET the views API offers, over the whole estate. */
    List<String> paths() {
        List<String> paths = new ArrayList<>(List.of("/api/sites", "/api/site-pairs", "/api/replication/items?limit=100",
                "/api/replication/items?outsideRpo=false&sort=ID&offset=3&limit=4", "/api/ha/hosts", "/api/ha/clusters",
                "/api/collectors"));
        for (String site : SITES) {
            paths.add("/api/sites/" + site);
            paths.add("/api/sites/" + site + "/vms?limit=5");
            paths.add("/api/sites/" + site + "/vms?offset=5&limit=5");
        }
        expected.pairs().values().forEach(p -> paths.add("/api/site-pairs/" + p.source() + "/" + p.target()));
        return paths;
    }

    /** Asserts an answer is the full expected view for its path, not a part of it. */
    void assertComplete(String path, JsonNode body) {
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("/api/replication/items?limit=100", (long) items());
        totals.put("/api/ha/hosts", 3L * SITES.size());
        totals.put("/api/ha/clusters", (long) SITES.size());
        totals.put("/api/collectors", (long) SITES.size());
        if (path.equals("/api/sites")) {
            assertThat(body.path("sites")).hasSize(SITES.size());
            body.path("sites").forEach(this::assertSite);
        } else if (path.equals("/api/site-pairs")) {
            assertThat(body.path("pairs")).hasSize(expected.pairs().size());
            body.path("pairs").forEach(this::assertPair);
        } else if (path.startsWith("/api/site-pairs/")) {
            assertPair(body);
        } else if (path.contains("/vms")) {
            assertThat(body.path("total").asLong()).as(path).isEqualTo(VMS_PER_SITE);
            assertThat(body.path("items")).hasSize(path.contains("offset=5") ? VMS_PER_SITE - 5 : 5);
        } else if (path.startsWith("/api/sites/")) {
            assertSite(body);
        } else if (path.contains("offset=3")) {
            assertThat(body.path("total").asLong()).isEqualTo(items());
            assertThat(body.path("items")).hasSize(4);
        } else {
            assertThat(body.path("total").asLong()).as(path).isEqualTo(totals.get(path));
            assertThat(body.path("items")).hasSize(totals.get(path).intValue());
        }
    }

    private void assertSite(JsonNode s) {
        String site = s.path("site").asText();
        var agg = expected.site(site).orElseThrow();
        assertThat(s.path("status").asText()).as(site).isEqualTo(expected.health(site, t).status().name());
        assertThat(s.path("counts").path("vms").path("total").asLong()).isEqualTo(agg.count(Counters.VMS));
        assertThat(s.path("counts").path("haHosts").path("total").asLong()).isEqualTo(agg.count(Counters.HA_HOSTS));
        assertThat(s.path("counts").path("replication").path("total").asLong()).isEqualTo(agg.count(Counters.REPLICATED));
    }

    private void assertPair(JsonNode p) {
        var agg = expected.pair(p.path("pair").asText()).orElseThrow();
        assertThat(p.path("items").path("total").asLong()).isEqualTo(agg.count(Counters.REPLICATED));
        assertThat(p.path("readiness").asText()).isNotBlank();
    }

    /** The answer without the fields that depend on the instant it was computed at. */
    static JsonNode normalized(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                if (TIME_VARYING.contains(it.next())) {
                    it.remove();
                }
            }
        }
        node.forEach(ItEstate::strip);
    }
}
