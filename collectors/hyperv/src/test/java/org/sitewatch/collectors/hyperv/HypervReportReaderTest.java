package org.sitewatch.collectors.hyperv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reader refuses what is no snapshot, and skips, with a reason, the records it cannot read. */
class HypervReportReaderTest {

    private final HypervReportReader reader = new HypervReportReader();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Get-VM : The term 'Get-VM' is not recognized | is not JSON",
        "[1, 2] | is not a JSON object",
        "'' | is not a JSON object",
        "{\"computerName\": \"HV-A1\"} | has no 'vms' list",
    })
    void shouldRefuseADocumentThatIsNoSnapshot(String json, String problem) {
        assertThatThrownBy(() -> reader.read(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void shouldSkipUnreadableRecordsAndKeepTheRest() {
        HypervReport report = reader.read("""
                {"computerName": "HV-A1",
                 "vms": [{"Name": "ghost", "State": 2}, {"Name": "app01", "Id": "AB-1", "State": 2}],
                 "replications": [{"VMName": "app01", "VMId": "ab-1", "ReplicationMode": 1,
                                    "LastReplicationTime": "last tuesday"}],
                 "clustering": {"status": "Ok", "name": "HVC", "nodes": [{"State": 0}], "groups": [],
                                "quorum": null}}
                """);

        assertThat(report.vms()).extracting(HypervReport.Vm::id).containsExactly("ab-1");
        assertThat(report.replications()).isEmpty();
        assertThat(report.skipped()).containsExactly(
                new HypervReport.Skip(HypervReport.Part.VM, "VM 'ghost': has no Id"),
                new HypervReport.Skip(HypervReport.Part.REPLICATION,
                        "replication of 'app01': LastReplicationTime 'last tuesday' is neither /Date(ms)/ nor ISO-8601"),
                new HypervReport.Skip(HypervReport.Part.CLUSTER, "cluster node (unnamed): has no Name"));
    }

    @Test
    void shouldTakeABareObjectAsAOneItemList() {
        HypervReport report = reader.read("""
                {"vms": {"Name": "app01", "Id": "ab-1", "State": "Running"},
                 "replications": {"VMName": "app01", "VMId": "ab-1", "ReplicationMode": "Primary",
                                  "ReplicationRelationshipType": 0},
                 "replicationHealth": {"VMName": "app01", "VMId": "AB-1", "ReplicationErrors": 4,
                                       "ReplicationHealthDetails": "one detail"}}
                """);

        assertThat(report.vms()).hasSize(1);
        assertThat(report.replications()).singleElement().satisfies(r -> {
            assertThat(r.statistics().errors()).isEqualTo(4L);
            assertThat(r.statistics().healthDetails()).containsExactly("one detail");
        });
        assertThat(report.clustering().status()).isEqualTo("NotInstalled");
    }

    @Test
    void shouldReadTheOwnerNodeAsTextOrAsARawObject() {
        HypervReport report = reader.read("""
                {"vms": [], "collectedAt": "\\/Date(1735689600000)\\/",
                 "clustering": {"status": "Ok", "name": "HVC", "nodes": [], "quorum": {"QuorumType": 2},
                   "groups": [{"Name": "a", "OwnerNode": "HV-A1", "State": 0, "GroupType": 111},
                              {"Name": "b", "OwnerNode": {"Name": "HV-A2", "State": 0}, "State": 4, "GroupType": 111}]}}
                """);

        assertThat(report.collectedAt()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(report.clustering().groups()).extracting(HypervReport.Group::ownerNode)
                .containsExactly("HV-A1", "HV-A2");
        assertThat(report.clustering().quorum().type().known()).isEqualTo(HypervEnums.QuorumType.DiskOnly);
    }
}
