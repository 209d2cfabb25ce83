package org.sitewatch.collectors.hyperv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;

/**
 * Every enum value of the vendor facts (sections 1.2, 1.4, 1.6), read by its integer code and by
 * its name, and mapped to the contract. The tables here are typed from the facts, not from the
 * Java enums, so a wrong code in either fails.
 */
class HypervEnumMappingTest {

    @ParameterizedTest(name = "VMReplicationState {0} = {1} -> {2}")
    @CsvSource({
        "0, Disabled, NOT_CONFIGURED",
        "1, ReadyForInitialReplication, SYNCING",
        "2, InitialReplicationInProgress, SYNCING",
        "3, WaitingForInitialReplication, SYNCING",
        "4, Replicating, REPLICATING",
        "5, PreparedForFailover, FAILED_OVER",
        "6, FailedOverWaitingCompletion, FAILED_OVER",
        "7, FailedOver, FAILED_OVER",
        "8, Suspended, PAUSED",
        "9, Error, FAILED",
        "10, WaitingForStartResynchronize, FAILED",
        "11, Resynchronizing, SYNCING",
        "12, ResynchronizeSuspended, PAUSED",
        "13, RecoveryInProgress, FAILED_OVER",
        "14, FailbackInProgress, FAILED_OVER",
        "15, FailbackComplete, FAILED_OVER",
        "16, WaitingForUpdateCompletion, SYNCING",
        "17, UpdateError, FAILED",
        "18, WaitingForRepurposeCompletion, SYNCING",
        "19, PreparedForSyncReplication, SYNCING",
        "20, PreparedForGroupReverseReplication, FAILED_OVER",
        "21, FiredrillInProgress, REPLICATING",
    })
    void shouldMapEveryReplicationState(int code, String name, ReplicationState expected) {
        PsWord<HypervEnums.ReplicationState> byCode = PsWord.read(IntNode.valueOf(code), HypervEnums.ReplicationState.class);
        PsWord<HypervEnums.ReplicationState> byName = PsWord.read(TextNode.valueOf(name), HypervEnums.ReplicationState.class);

        assertThat(byCode.raw()).isEqualTo(name);
        assertThat(byName).isEqualTo(byCode);
        assertThat(HypervReplicationMapper.state(byCode.known())).isEqualTo(expected);
    }

    @Test
    void shouldCoverEveryReplicationStateOfTheEnumInTheTable() {
        assertThat(HypervEnums.ReplicationState.values()).hasSize(22);
    }

    @ParameterizedTest(name = "VMReplicationHealthState {0} = {1} -> {2}")
    @CsvSource({"0, NotApplicable, UNKNOWN", "1, Normal, OK", "2, Warning, WARNING", "3, Critical, CRITICAL"})
    void shouldMapEveryReplicationHealth(int code, String name, ReplicationHealth expected) {
        PsWord<HypervEnums.ReplicationHealth> byCode = PsWord.read(IntNode.valueOf(code), HypervEnums.ReplicationHealth.class);

        assertThat(byCode.raw()).isEqualTo(name);
        assertThat(PsWord.read(TextNode.valueOf(name), HypervEnums.ReplicationHealth.class)).isEqualTo(byCode);
        assertThat(HypervReplicationMapper.health(byCode.known())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "VMReplicationMode {0} = {1}")
    @CsvSource({"0, None", "1, Primary", "2, Replica", "3, TestReplica", "4, ExtendedReplica"})
    void shouldReadEveryReplicationMode(int code, String name) {
        assertThat(PsWord.read(IntNode.valueOf(code), HypervEnums.ReplicationMode.class).raw()).isEqualTo(name);
        assertThat(PsWord.read(TextNode.valueOf(name), HypervEnums.ReplicationMode.class).known().code()).isEqualTo(code);
    }

    @ParameterizedTest(name = "VMReplicationRelationshipType {0} = {1}")
    @CsvSource({"0, Simple", "1, Extended"})
    void shouldReadEveryRelationshipType(int code, String name) {
        assertThat(PsWord.read(IntNode.valueOf(code), HypervEnums.RelationshipType.class).raw()).isEqualTo(name);
    }

    @ParameterizedTest(name = "VMState {0} = {1} -> {2}")
    @CsvSource({
        "1, Other, UNKNOWN", "2, Running, RUNNING", "3, Off, STOPPED", "4, Stopping, STOPPED", "6, Saved, SUSPENDED",
        "9, Paused, PAUSED", "10, Starting, RUNNING", "11, Reset, RUNNING", "32773, Saving, SUSPENDED",
        "32776, Pausing, PAUSED", "32777, Resuming, RUNNING", "32779, FastSaved, SUSPENDED",
        "32780, FastSaving, SUSPENDED", "32781, ForceShutdown, STOPPED", "32782, ForceReboot, RUNNING",
        "32783, Hibernated, SUSPENDED", "32784, ComponentServicing, UNKNOWN", "32785, RunningCritical, RUNNING",
        "32786, OffCritical, STOPPED", "32787, StoppingCritical, STOPPED", "32788, SavedCritical, SUSPENDED",
        "32789, PausedCritical, PAUSED", "32790, StartingCritical, RUNNING", "32791, ResetCritical, RUNNING",
        "32792, SavingCritical, SUSPENDED", "32793, PausingCritical, PAUSED", "32794, ResumingCritical, RUNNING",
        "32795, FastSavedCritical, SUSPENDED", "32796, FastSavingCritical, SUSPENDED",
    })
    void shouldMapEveryVmState(int code, String name, PowerState expected) {
        PsWord<HypervEnums.VmState> byCode = PsWord.read(IntNode.valueOf(code), HypervEnums.VmState.class);

        assertThat(byCode.raw()).isEqualTo(name);
        assertThat(PsWord.read(TextNode.valueOf(name), HypervEnums.VmState.class)).isEqualTo(byCode);
        assertThat(HypervVmMapper.power(byCode.known())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "ClusterNodeState {0} = {1} -> {2}")
    @CsvSource({"-1, Unknown, UNKNOWN", "0, Up, HEALTHY", "1, Down, FAILED", "2, Paused, MAINTENANCE",
        "3, Joining, DEGRADED"})
    void shouldMapEveryNodeState(int code, String name, HaHostState expected) {
        HypervReport.Node node = node(PsWord.read(IntNode.valueOf(code), HypervEnums.NodeState.class), "0");

        assertThat(node.state().raw()).isEqualTo(name);
        assertThat(HypervClusterMapper.hostState(node)).isEqualTo(expected);
    }

    @Test
    void shouldMakeAnIsolatedNodeIsolatedWhateverItsState() {
        PsWord<HypervEnums.NodeState> up = PsWord.read(TextNode.valueOf("Up"), HypervEnums.NodeState.class);

        assertThat(HypervClusterMapper.hostState(node(up, "Isolated"))).isEqualTo(HaHostState.ISOLATED);
        assertThat(HypervClusterMapper.hostState(node(up, "1"))).isEqualTo(HaHostState.ISOLATED);
    }

    @ParameterizedTest(name = "ClusterNodeStatusInformation {0} = {1}")
    @CsvSource({"1, Isolated", "2, Quarantined", "4, DrainInProgress", "8, DrainCompleted", "16, DrainFailed",
        "32, AvoidPlacement"})
    void shouldReadEveryNodeStatusFlagByBitAndName(int bit, String name) {
        List<String> unknown = new ArrayList<>();
        var byBits = PsValues.flags(JsonNodeFactory.instance.objectNode()
                .put("s", bit | 64), "s", HypervEnums.NodeStatusFlag.class, unknown);
        var byNames = PsValues.flags(JsonNodeFactory.instance.objectNode()
                .put("s", "Normal, " + name + ", Frobnicated"), "s", HypervEnums.NodeStatusFlag.class, unknown);

        assertThat(byBits).extracting(Enum::name).containsExactly(name);
        assertThat(byNames).isEqualTo(byBits);
        assertThat(unknown).containsExactly("64", "Frobnicated");
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({
        "ClusterNodeDrainStatus, 0, NotInitiated", "ClusterNodeDrainStatus, 1, InProgress",
        "ClusterNodeDrainStatus, 2, Completed", "ClusterNodeDrainStatus, 3, Failed",
        "ClusterGroupState, -1, Unknown", "ClusterGroupState, 0, Online", "ClusterGroupState, 1, Offline",
        "ClusterGroupState, 2, Failed", "ClusterGroupState, 3, PartialOnline", "ClusterGroupState, 4, Pending",
        "GroupType, 100, FileServer", "GroupType, 108, GenericService", "GroupType, 111, VirtualMachine",
        "GroupType, 114, ScaleoutFileServer", "GroupType, 115, VMReplicaBroker",
        "GroupType, 122, InfrastructureFileServer", "GroupType, 9999, Unknown",
        "ClusterQuorumType, 0, Unknown", "ClusterQuorumType, 1, Majority", "ClusterQuorumType, 2, DiskOnly",
    })
    void shouldReadEveryClusterEnumValue(String enumName, int code, String name) {
        Class<? extends Enum<?>> type = switch (enumName) {
            case "ClusterNodeDrainStatus" -> HypervEnums.DrainStatus.class;
            case "ClusterGroupState" -> HypervEnums.GroupState.class;
            case "GroupType" -> HypervEnums.GroupType.class;
            default -> HypervEnums.QuorumType.class;
        };
        assertThat(read(IntNode.valueOf(code), type)).isEqualTo(name);
        assertThat(read(TextNode.valueOf(name.toLowerCase(Locale.ROOT)), type)).isEqualTo(name);
    }

    @Test
    void shouldKeepUnknownCodesAndWordsRaw() {
        PsWord<HypervEnums.ReplicationState> code = PsWord.read(IntNode.valueOf(42), HypervEnums.ReplicationState.class);
        PsWord<HypervEnums.ReplicationState> word = PsWord.read(TextNode.valueOf("Teleporting"),
                HypervEnums.ReplicationState.class);
        PsWord<HypervEnums.ReplicationState> numericText = PsWord.read(TextNode.valueOf("4"),
                HypervEnums.ReplicationState.class);

        assertThat(code).isEqualTo(new PsWord<>(null, "42"));
        assertThat(word).isEqualTo(new PsWord<>(null, "Teleporting"));
        assertThat(numericText.known()).isEqualTo(HypervEnums.ReplicationState.Replicating);
        assertThat(HypervReplicationMapper.state(code.known())).isEqualTo(ReplicationState.UNKNOWN);
        assertThat(HypervReplicationMapper.health(null)).isEqualTo(ReplicationHealth.UNKNOWN);
        assertThat(HypervVmMapper.power(null)).isEqualTo(PowerState.UNKNOWN);
        assertThat(HypervClusterMapper.hostState(node(new PsWord<>(null, "Evicting"), "0")))
                .isEqualTo(HaHostState.UNKNOWN);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String read(JsonNode node, Class type) {
        return PsWord.read(node, type).raw();
    }

    private static HypervReport.Node node(PsWord<HypervEnums.NodeState> state, String statusInformation) {
        List<String> unknown = new ArrayList<>();
        var flags = PsValues.flags(JsonNodeFactory.instance.objectNode()
                .put("s", statusInformation), "s", HypervEnums.NodeStatusFlag.class, unknown);
        return new HypervReport.Node("HV-A1", "1", state, flags, unknown,
                new PsWord<>(HypervEnums.DrainStatus.NotInitiated, "NotInitiated"), 1L, 1L);
    }
}
