package org.sitewatch.collectors.hyperv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.Platform;

/** HA actions derived from successive snapshots of a cluster's VM roles. */
class ClusterGroupTrackerTest {

    private static final Instant T1 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2025-01-01T00:01:00Z");
    private static final String VM = "6f1c2a10-0000-4000-8000-000000000001";

    private final ClusterGroupTracker tracker = new ClusterGroupTracker();

    @Test
    void shouldReportNothingForRolesSeenTheFirstTime() {
        assertThat(tracker.update("paris-dc1", cluster(nodes("Up", "Down"), vmRole("HV-A2", "Failed")), Map.of(), T1))
                .isEmpty();
    }

    @Test
    void shouldReportARestartWhenTheRoleLeftAFailedNode() {
        tracker.update("paris-dc1", cluster(nodes("Up", "Up"), vmRole("HV-A2", "Online")), Map.of(), T1);

        List<HaAction> actions = tracker.update("paris-dc1", cluster(nodes("Up", "Down"), vmRole("HV-A1", "Online")),
                Map.of(), T2);

        assertThat(actions).containsExactly(new HaAction("paris-dc1", Platform.HYPERV,
                "g-app01/restart/" + T2.toEpochMilli(), VM, "HVC-PARIS", HaActionKind.RESTART, "HV-A2", "HV-A1",
                "Online", "role app01 moved from HV-A2 (Down) to HV-A1"));
    }

    @Test
    void shouldReportAMigrationWhenTheOldOwnerIsStillUp() {
        tracker.update("paris-dc1", cluster(nodes("Up", "Up"), vmRole("HV-A2", "Online")), Map.of(), T1);

        assertThat(tracker.update("paris-dc1", cluster(nodes("Up", "Paused"), vmRole("HV-A1", "Online")), Map.of(), T2))
                .extracting(HaAction::action, HaAction::fromHost, HaAction::toHost)
                .containsExactly(tuple(HaActionKind.MIGRATE, "HV-A2", "HV-A1"));
    }

    @Test
    void shouldReportAFailedRoleOnce() {
        tracker.update("paris-dc1", cluster(nodes("Up", "Up"), vmRole("HV-A1", "Online")), Map.of(), T1);

        List<HaAction> first = tracker.update("paris-dc1", cluster(nodes("Up", "Up"), vmRole("HV-A1", "Failed")),
                Map.of(), T2);
        List<HaAction> again = tracker.update("paris-dc1", cluster(nodes("Up", "Up"), vmRole("HV-A1", "Failed")),
                Map.of(), T2.plusSeconds(60));

        assertThat(first).extracting(HaAction::action, HaAction::vendorState)
                .containsExactly(tuple(HaActionKind.ERROR, "Failed"));
        assertThat(again).isEmpty();
    }

    @Test
    void shouldReportARecoveryWhileTheRoleIsPendingOnADownOwner() {
        tracker.update("paris-dc1", cluster(nodes("Down", "Up"), vmRole("HV-A1", "Online")), Map.of(), T1);

        assertThat(tracker.update("paris-dc1", cluster(nodes("Down", "Up"), vmRole("HV-A1", "Pending")), Map.of(), T2))
                .extracting(HaAction::action).containsExactly(HaActionKind.RECOVERY);
    }

    @Test
    void shouldIgnoreAPendingRoleOnAHealthyOwnerAndRolesThatAreNoVms() {
        HypervReport.Group broker = new HypervReport.Group("Replica Broker", "g-broker", "HV-A1",
                word(HypervEnums.GroupState.class, "Online"), word(HypervEnums.GroupType.class, "VMReplicaBroker"), "0",
                false, null);
        tracker.update("paris-dc1", cluster(nodes("Up", "Up"), vmRole("HV-A1", "Online"), broker), Map.of(), T1);
        HypervReport.Group movedBroker = new HypervReport.Group("Replica Broker", "g-broker", "HV-A2",
                word(HypervEnums.GroupState.class, "Online"), word(HypervEnums.GroupType.class, "VMReplicaBroker"), "0",
                false, null);

        assertThat(tracker.update("paris-dc1", cluster(nodes("Down", "Up"), vmRole("HV-A1", "Pending"), movedBroker),
                Map.of(), T2)).extracting(HaAction::action).containsExactly(HaActionKind.RECOVERY);
        assertThat(tracker.update("paris-dc1", cluster(nodes("Up", "Up"), vmRole("HV-A1", "Pending")), Map.of(),
                T2.plusSeconds(60))).isEmpty();
    }

    @Test
    void shouldNameTheVmByNameOnThePolledNodeWhenTheRoleHasNoVmId() {
        HypervReport.Group before = new HypervReport.Group("db01", "g-db01", "HV-A2",
                word(HypervEnums.GroupState.class, "Online"), word(HypervEnums.GroupType.class, "111"), "0", false, null);
        HypervReport.Group after = new HypervReport.Group("db01", "g-db01", "HV-A1",
                word(HypervEnums.GroupState.class, "Online"), word(HypervEnums.GroupType.class, "111"), "0", false, null);
        tracker.update("paris-dc1", cluster(nodes("Up", "Up"), before), Map.of(), T1);

        assertThat(tracker.update("paris-dc1", cluster(nodes("Up", "Down"), after), Map.of("db01", "vm-db01-id"), T2))
                .extracting(HaAction::vmId).containsExactly("vm-db01-id");
    }

    private static HypervReport.Clustering cluster(List<HypervReport.Node> nodes, HypervReport.Group... groups) {
        return new HypervReport.Clustering("Ok", "HVC-PARIS", null, true, nodes, List.of(groups), null);
    }

    private static List<HypervReport.Node> nodes(String a1, String a2) {
        List<HypervReport.Node> nodes = new ArrayList<>();
        nodes.add(node("HV-A1", a1));
        nodes.add(node("HV-A2", a2));
        return nodes;
    }

    private static HypervReport.Node node(String name, String state) {
        return new HypervReport.Node(name, name, word(HypervEnums.NodeState.class, state),
                EnumSet.noneOf(HypervEnums.NodeStatusFlag.class), List.of(),
                word(HypervEnums.DrainStatus.class, "NotInitiated"), 1L, 1L);
    }

    private static HypervReport.Group vmRole(String owner, String state) {
        return new HypervReport.Group("app01", "g-app01", owner, word(HypervEnums.GroupState.class, state),
                word(HypervEnums.GroupType.class, "VirtualMachine"), "0", false, VM);
    }

    private static <E extends Enum<E> & Coded> PsWord<E> word(Class<E> type, String text) {
        return PsWord.read(TextNode.valueOf(text), type);
    }
}
