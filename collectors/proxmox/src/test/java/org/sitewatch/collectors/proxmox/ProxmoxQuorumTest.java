package org.sitewatch.collectors.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.collectors.proxmox.ProxmoxFixtures.NOW;
import static org.sitewatch.collectors.proxmox.ProxmoxFixtures.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.HaCluster;

/**
 * Failover capacity counted in corosync votes, from fixtures of {@code /cluster/status},
 * {@code /cluster/config/nodes} and {@code /cluster/config/qdevice}: the standard small Proxmox
 * set-up (two nodes and a QDevice) can lose a node while the QDevice votes.
 */
class ProxmoxQuorumTest {

    private static HaCluster cluster(String clusterStatus, JsonNode configNodes, JsonNode qdevice)
            throws CollectorException {
        ProxmoxReadings readings = new ProxmoxReadings(NOW, data(clusterStatus), data("resources-vm.json"),
                data("resources-node.json"), data("ha-status.json"), data("replication-config.json"), Map.of(),
                configNodes, qdevice);
        Snapshot snapshot = new ProxmoxMapper(ProxmoxFixtures.settings()).map(readings);
        return snapshot.states().stream().filter(HaCluster.class::isInstance).map(HaCluster.class::cast)
                .findFirst().orElseThrow();
    }

    @Test
    void shouldLetTwoNodesWithAConnectedQDeviceLoseOneNode() throws Exception {
        HaCluster small = cluster("cluster-status-two-nodes.json", data("config-nodes-two.json"),
                data("qdevice-connected.json"));

        assertThat(small.hostsTotal()).isEqualTo(2);
        assertThat(small.failoverCapacity()).isEqualTo(1);
    }

    @Test
    void shouldGiveTwoNodesNoCapacityWhileTheQDeviceIsDisconnected() throws Exception {
        assertThat(cluster("cluster-status-two-nodes.json", data("config-nodes-two.json"),
                data("qdevice-disconnected.json")).failoverCapacity()).isZero();
    }

    /** Found by ProxmoxMapperFuzzTest: a vote count past Integer.MAX_VALUE threw an ArithmeticException out of the poll. */
    @Test
    void shouldReadAVoteCountNoIntCanHoldAsTheDefaultVote() {
        PveQuorum quorum = PveQuorum.read(ProxmoxFixtures.object("[{'name':'s1','quorum_votes':'1'},"
                + "{'name':'s2','quorum_votes':2147483648}]"), null, 2);

        assertThat(quorum.votesOf("s1")).isEqualTo(1);
        assertThat(quorum.votesOf("s2")).isEqualTo(1);
    }

    @Test
    void shouldGiveTwoNodesWithoutAQDeviceNoCapacity() throws Exception {
        assertThat(cluster("cluster-status-two-nodes.json", data("config-nodes-two.json"), data("qdevice-none.json"))
                .failoverCapacity()).isZero();
    }

    @Test
    void shouldGiveThreeNodesACapacityOfOne() throws Exception {
        JsonNode threeOnline = ProxmoxFixtures.envelope(ProxmoxFixtures.text("cluster-status.json")
                .replace("\"online\":0", "\"online\":1"));
        ProxmoxReadings readings = new ProxmoxReadings(NOW, threeOnline, data("resources-vm.json"),
                data("resources-node.json"), data("ha-status.json"), data("replication-config.json"), Map.of(),
                null, data("qdevice-none.json"));

        HaCluster paris = new ProxmoxMapper(ProxmoxFixtures.settings()).map(readings).states().stream()
                .filter(HaCluster.class::isInstance).map(HaCluster.class::cast).findFirst().orElseThrow();

        assertThat(paris.hostsTotal()).isEqualTo(3);
        assertThat(paris.failoverCapacity()).isEqualTo(1);
    }

    @Test
    void shouldFallBackToOneVotePerNodeWhenTheQuorumDetailsWereNotRead() throws Exception {
        assertThat(cluster("cluster-status-two-nodes.json", null, null).failoverCapacity()).isZero();
    }

    @ParameterizedTest(name = "s1 votes {0}, s2 votes {1}, s2 online={2}, QDevice connected={3} -> {4}")
    @CsvSource({
        "1, 1, true,  true,  1",
        "1, 1, false, true,  0",
        "2, 1, true,  false, 0",   // 4 votes, quorum 3: 3 cast, any loss breaks it
        "3, 1, true,  true,  0",   // 5 votes, quorum 3: s1 holds 3, its loss alone breaks it
        "1, 1, true,  false, 0",
    })
    void shouldCountVotesNotNodes(int s1Votes, int s2Votes, boolean s2Online, boolean connected, int expected) {
        JsonNode nodes = ProxmoxFixtures.envelope("{\"data\":[{\"name\":\"s1\",\"quorum_votes\":\"" + s1Votes
                + "\"},{\"name\":\"s2\",\"quorum_votes\":" + s2Votes + "}]}");
        JsonNode qdevice = data(connected ? "qdevice-connected.json" : "qdevice-disconnected.json");
        PveCluster cluster = new PveCluster("small", true, java.util.List.of(new PveCluster.Node("s1", true),
                new PveCluster.Node("s2", s2Online)));

        assertThat(PveQuorum.read(nodes, qdevice, 2).failoverCapacity(cluster)).isEqualTo(expected);
    }

    @Test
    void shouldGiveAnLmsQDeviceOneVoteLessThanTheNodes() {
        JsonNode lms = ProxmoxFixtures.envelope(ProxmoxFixtures.text("qdevice-connected.json")
                .replace("Fifty-Fifty split", "LMS"));

        assertThat(PveQuorum.read(null, lms, 3).qdeviceVotes()).isEqualTo(2);
        assertThat(PveQuorum.read(null, data("qdevice-connected.json"), 3).qdeviceVotes()).isEqualTo(1);
    }
}
