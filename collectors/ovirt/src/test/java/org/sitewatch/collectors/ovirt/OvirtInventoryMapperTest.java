package org.sitewatch.collectors.ovirt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.VmState;

/** The inventory of a composed engine answer: sites from data centers, links resolved, strings for numbers, bad records skipped. */
class OvirtInventoryMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DATA_CENTERS = """
            [{"id":"dc1","name":"dc-rome","status":"up"},{"id":"dc2","name":"dc-madrid","status":"problematic"}]""";
    private static final String CLUSTERS = """
            [{"id":"c1","name":"rhv-rome","data_center":{"id":"dc1"}},{"id":"c2","name":"rhv-madrid","data_center":{"id":"dc2"}}]""";
    private static final String HOSTS = """
            [{"id":"h1","name":"hv01","status":"up","spm":{"priority":"5","status":"spm"},"cluster":{"id":"c1"}},
             {"id":"h2","name":"hv02","status":"non_responsive","cluster":{"id":"c1"}},
             {"id":"h3","name":"hv03","status":"up","external_status":"error","cluster":{"id":"c1"}},
             {"id":"h4","name":"hv04","status":"up","cluster":{"id":"c1"}},
             {"id":"h9","name":"mad01","status":"up","cluster":{"id":"c2"}},
             {"name":"no-id","status":"up"}]""";
    private static final String VMS = """
            [{"id":"v1","name":"db01","status":"up","host":{"id":"h1"},"cluster":{"id":"c1"},
              "high_availability":{"enabled":"true","priority":"50"}},
             {"id":"v2","name":"web01","status":"paused","status_detail":"eio","cluster":{"id":"c1"},
              "high_availability":{"enabled":false,"priority":1}},
             {"id":"v3","name":"odd","status":"up","cluster":{"id":"c1"},"high_availability":{"enabled":"maybe"}},
             {"id":"v4","name":"dr01","status":"down","cluster":{"id":"c2"}},
             {"id":"v5","name":"dr02","status":"up","cluster":{"id":"c2"},"high_availability":{"enabled":true}}]""";

    @Test
    void shouldMapVmsHostsAndClustersIntoTheSitesOfTheirDataCenters() throws Exception {
        OvirtInventory inventory = new OvirtInventory("rome-dc7", Map.of("dc-madrid", "madrid-dr"));
        Snapshot.Builder out = Snapshot.builder(Instant.parse("2026-03-02T08:00:00Z"));
        new OvirtInventoryMapper(inventory, out).map(list(DATA_CENTERS), list(CLUSTERS), list(HOSTS), list(VMS));
        Snapshot snapshot = out.build();

        List<VmState> vms = of(snapshot, VmState.class);
        assertThat(vms).extracting(VmState::vmId).containsExactly("v1", "v2", "v4", "v5");
        VmState db = vms.get(0);
        assertThat(db.site()).isEqualTo("rome-dc7");
        assertThat(db.host()).isEqualTo("hv01");
        assertThat(db.cluster()).isEqualTo("rhv-rome");
        assertThat(db.power()).isEqualTo(PowerState.RUNNING);
        assertThat(db.haProtected()).isTrue();
        assertThat(db.haState()).isEqualTo("priority 50");
        assertThat(vms.get(1).power()).isEqualTo(PowerState.PAUSED);
        assertThat(vms.get(1).vendorState()).isEqualTo("paused (eio)");
        assertThat(vms.get(1).haProtected()).isFalse();
        assertThat(vms.get(2).site()).isEqualTo("madrid-dr");

        List<HaHost> hosts = of(snapshot, HaHost.class);
        assertThat(hosts).extracting(HaHost::hostName).containsExactly("hv01", "hv02", "hv03", "hv04", "mad01");
        assertThat(hosts.get(0).detail()).isEqualTo("storage pool manager");
        assertThat(hosts.get(1).state()).isEqualTo(HaHostState.FAILED);
        assertThat(hosts.get(1).vendorState()).isEqualTo("non_responsive");
        assertThat(hosts.get(2).state()).as("up, but its external status is error").isEqualTo(HaHostState.DEGRADED);
        assertThat(hosts.get(2).detail()).isEqualTo("external status error");
        assertThat(hosts.get(4).site()).isEqualTo("madrid-dr");

        List<HaCluster> clusters = of(snapshot, HaCluster.class);
        HaCluster rome = clusters.get(0);
        assertThat(rome.clusterId()).isEqualTo("rhv-rome");
        assertThat(rome.hostsTotal()).isEqualTo(4);
        assertThat(rome.hostsHealthy()).isEqualTo(2);
        assertThat(rome.failoverCapacity()).isEqualTo(1);
        assertThat(rome.haEnabled()).isTrue();
        assertThat(rome.vendorState()).isEqualTo("data center dc-rome: up");
        HaCluster madrid = clusters.get(1);
        assertThat(madrid.site()).isEqualTo("madrid-dr");
        assertThat(madrid.failoverCapacity()).as("its data center is problematic").isZero();
        assertThat(madrid.haEnabled()).isTrue();
        assertThat(clusters).hasSize(2);

        assertThat(snapshot.skipped()).hasSize(2).anyMatch(s -> s.startsWith("host no-id"))
                .anyMatch(s -> s.startsWith("VM odd") && s.contains("enabled"));
        assertThat(inventory.vmNames).containsEntry("v1", "db01");
    }

    private static List<JsonNode> list(String json) throws Exception {
        return toList(JSON.readTree(json));
    }

    private static List<JsonNode> toList(JsonNode array) {
        java.util.List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    static <T> List<T> of(Snapshot snapshot, Class<T> type) {
        return snapshot.states().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
