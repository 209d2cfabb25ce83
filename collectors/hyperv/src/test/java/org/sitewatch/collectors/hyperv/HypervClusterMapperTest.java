package org.sitewatch.collectors.hyperv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitewatch.events.HaCluster;

/** Failover capacity counted in quorum votes, and the quorum named as Windows Server 2016+ does. */
class HypervClusterMapperTest {

    @ParameterizedTest(name = "{0} + witness {1} ({2}) -> {3}")
    @CsvSource({
        "'Up,Up', Cloud Witness, Online, 1",
        "'Up,Down', Cloud Witness, Online, 0",
        "'Up,Up', Cloud Witness, Offline, 0",
        "'Up,Up,Up', , , 1",
        "'Up,Up,Up,Up', File Share Witness, Online, 2",
        "'Up,Up,Paused', , , 1",
        "'Up,Down,Down', , , 0",
    })
    void shouldCountFailoverCapacityInVotes(String states, String witness, String witnessState, int expected) {
        HaCluster cluster = HypervClusterMapper.cluster("paris-dc1", clustering(states, "Majority", witness,
                witnessState));

        assertThat(cluster.failoverCapacity()).isEqualTo(expected);
        assertThat(cluster.quorate()).isTrue();
    }

    @Test
    void shouldSurviveOnADiskOnlyQuorumWhileTheDiskIsOnline() {
        assertThat(HypervClusterMapper.cluster("s", clustering("Up,Up,Up", "DiskOnly", "Cluster Disk 1", "Online"))
                .failoverCapacity()).isEqualTo(2);
        assertThat(HypervClusterMapper.cluster("s", clustering("Up,Up,Up", "DiskOnly", "Cluster Disk 1", "Failed"))
                .failoverCapacity()).isZero();
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
        "Majority, , NodeMajority",
        "Majority, Physical Disk, NodeAndDiskMajority",
        "Majority, File Share Witness, NodeAndFileShareMajority",
        "Majority, File Share Quorum Witness, NodeAndFileShareMajority",
        "Majority, Cloud Witness, NodeAndCloudMajority",
        "Majority, Storage Spaces Witness, Majority (Storage Spaces Witness)",
        "DiskOnly, Physical Disk, DiskOnly",
        "NodeAndFileShareMajority, File Share Witness, NodeAndFileShareMajority",
    })
    void shouldNameTheQuorum(String type, String resourceType, String expected) {
        HypervReport.Quorum quorum = new HypervReport.Quorum(PsWord.read(TextNode.valueOf(type),
                HypervEnums.QuorumType.class), resourceType == null ? null : "Witness", resourceType, "Online");

        assertThat(HypervClusterMapper.quorumWord(quorum)).isEqualTo(expected);
    }

    private static HypervReport.Clustering clustering(String states, String quorumType, String witnessType,
                                                      String witnessState) {
        List<HypervReport.Node> nodes = new ArrayList<>();
        int n = 0;
        for (String state : states.split(",")) {
            n++;
            nodes.add(new HypervReport.Node("HV-A" + n, String.valueOf(n),
                    PsWord.read(TextNode.valueOf(state), HypervEnums.NodeState.class),
                    EnumSet.noneOf(HypervEnums.NodeStatusFlag.class), List.of(),
                    PsWord.read(TextNode.valueOf("NotInitiated"), HypervEnums.DrainStatus.class), null, null));
        }
        HypervReport.Quorum quorum = new HypervReport.Quorum(PsWord.read(TextNode.valueOf(quorumType),
                HypervEnums.QuorumType.class), witnessType, witnessType, witnessState);
        return new HypervReport.Clustering("Ok", "HVC", null, true, nodes, List.of(), quorum);
    }
}
