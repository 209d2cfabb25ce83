package org.sitewatch.collectors.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.collectors.proxmox.ProxmoxFixtures.NOW;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;

class ProxmoxHaMapperTest {

    @ParameterizedTest(name = "online={0} hastate={1} lrm alive={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
        "true,  online,      true,  HEALTHY",
        "true,  -,           true,  HEALTHY",
        "true,  -,           -,     HEALTHY",
        "true,  online,      false, DEGRADED",
        "true,  maintenance, true,  MAINTENANCE",
        "false, maintenance, false, MAINTENANCE",
        "false, online,      false, FAILED",
        "false, -,           -,     FAILED",
        "true,  fence,       false, FAILED",
        "false, fence,       false, FAILED",
        "true,  unknown,     true,  UNKNOWN",
        "true,  gone,        -,     UNKNOWN",
        "true,  rebooting,   true,  UNKNOWN",
        "-,     -,           -,     UNKNOWN",
    })
    void shouldDeriveTheHostStateFromMembershipHaStateAndLrmLiveness(Boolean online, String hastate, Boolean alive,
                                                                     HaHostState expected) {
        assertThat(ProxmoxHaMapper.hostState(online, hastate, alive)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} nodes, {1} online -> can lose {2}")
    @CsvSource({"1,1,0", "2,2,0", "3,3,1", "3,2,0", "3,1,0", "4,4,1", "5,5,2", "5,3,0", "7,6,2"})
    void shouldCountHowManyMoreNodesCanFailWithQuorumKept(int total, int online, int expected) {
        List<PveCluster.Node> nodes = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            nodes.add(new PveCluster.Node("pve" + i, i < online));
        }
        assertThat(PveQuorum.ONE_VOTE_PER_NODE.failoverCapacity(new PveCluster("c", true, nodes))).isEqualTo(expected);
    }

    @Test
    void shouldTreatAnLrmTimestampOlderThanThirtySecondsAsDead() throws CollectorException {
        Map<String, HaHost> hosts = hosts(
                "{'id':'lrm:pve1','type':'lrm','node':'pve1','status':'x','timestamp':" + (NOW.getEpochSecond() - 30) + "}",
                "{'id':'lrm:pve2','type':'lrm','node':'pve2','status':'x','timestamp':" + (NOW.getEpochSecond() - 31) + "}");

        assertThat(hosts.get("pve1").state()).isEqualTo(HaHostState.HEALTHY);
        assertThat(hosts.get("pve2").state()).isEqualTo(HaHostState.DEGRADED);
    }

    @Test
    void shouldKeepTheLrmStatusTextAsDetailWithoutParsingIt() throws CollectorException {
        String text = "pve1 (lost_agent_lock, watchdog active, Tue Jan  7 10:00:02 2025)";
        Map<String, HaHost> hosts = hosts("{'id':'lrm:pve1','type':'lrm','node':'pve1','status':'" + text
                + "','timestamp':" + NOW.getEpochSecond() + "}");

        assertThat(hosts.get("pve1").detail()).isEqualTo(text);
        assertThat(hosts.get("pve1").state()).isEqualTo(HaHostState.HEALTHY);
    }

    @Test
    void shouldFallBackToTheHaQuorumEntryAndReportHaDisabledWithoutServices() throws CollectorException {
        Snapshot.Builder out = Snapshot.builder(NOW);
        PveCluster cluster = new PveCluster("paris", null, List.of(new PveCluster.Node("pve1", true),
                new PveCluster.Node("pve2", false)));
        new ProxmoxHaMapper("s").map(cluster, PveQuorum.ONE_VOTE_PER_NODE, PveJson.list(ProxmoxFixtures.envelope(
                "{\"data\":[{\"id\":\"quorum\",\"type\":\"quorum\",\"node\":\"pve1\",\"status\":\"No quorum on node 'pve1'!\",\"quorate\":0}]}"),
                "ha"), Map.of(), NOW, out);

        HaCluster result = out.build().states().stream().filter(HaCluster.class::isInstance).map(HaCluster.class::cast)
                .findFirst().orElseThrow();
        assertThat(result.quorate()).isFalse();
        assertThat(result.haEnabled()).isFalse();
        assertThat(result.vendorState()).isEqualTo("No quorum on node 'pve1'!");
        assertThat(result.failoverCapacity()).isZero();
    }

    @Test
    void shouldPublishNoClusterForAStandaloneNode() {
        Snapshot.Builder out = Snapshot.builder(NOW);
        new ProxmoxHaMapper("s").map(new PveCluster(null, null, List.of(new PveCluster.Node("pve1", true))),
                PveQuorum.ONE_VOTE_PER_NODE,
                List.of(), Map.of(), NOW, out);

        assertThat(out.build().states()).singleElement().isInstanceOf(HaHost.class);
    }

    private static Map<String, HaHost> hosts(String... lrmEntries) throws CollectorException {
        Snapshot.Builder out = Snapshot.builder(NOW);
        PveCluster cluster = new PveCluster("paris", true, List.of(new PveCluster.Node("pve1", true),
                new PveCluster.Node("pve2", true)));
        String json = "{\"data\":[" + String.join(",", lrmEntries).replace('\'', '"') + "]}";
        new ProxmoxHaMapper("s").map(cluster, PveQuorum.ONE_VOTE_PER_NODE, PveJson.list(ProxmoxFixtures.envelope(json), "ha"), Map.of(), NOW, out);
        return out.build().states().stream().filter(HaHost.class::isInstance).map(HaHost.class::cast)
                .collect(java.util.stream.Collectors.toMap(HaHost::hostId, h -> h));
    }
}
