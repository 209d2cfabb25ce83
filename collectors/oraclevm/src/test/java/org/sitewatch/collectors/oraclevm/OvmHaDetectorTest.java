package org.sitewatch.collectors.oraclevm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.Platform;

/** HA restarts and migrations derived from successive polls. */
class OvmHaDetectorTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final OvmRef POOL = new OvmRef(null, "pool-id", null, "pool-a");

    private final OvmHaDetector detector = new OvmHaDetector("zurich");
    private int poll;

    private static OvmVm vm(String name, boolean ha, String state, String server) {
        return new OvmVm(new OvmRef(null, "id-" + name, null, name), name, state, ha, ha ? "RESTART" : "STOP",
                server == null ? null : new OvmRef(null, "sid-" + server, null, server), POOL);
    }

    private static OvmServer server(String name, String state) {
        return new OvmServer(new OvmRef(null, "sid-" + name, null, name), name, state, false, POOL, null);
    }

    /** One poll with all three servers in the given states (s1, s2, s3). */
    private List<HaAction> poll(List<OvmVm> vms, String s1, String s2, String s3) {
        Snapshot.Builder out = Snapshot.builder(T0.plusSeconds(10L * poll++));
        detector.track(new OvmInventory(vms, List.of(server("s1", s1), server("s2", s2), server("s3", s3)), List.of()),
                out.observedAt(), out);
        return out.build().actions();
    }

    @Test
    void anHaVmStartedElsewhereAfterItsServerStoppedIsARestart() {
        assertThat(poll(List.of(vm("db", true, "RUNNING", "s2")), "RUNNING", "RUNNING", "RUNNING")).isEmpty();
        assertThat(poll(List.of(vm("db", true, "STOPPED", null)), "RUNNING", "STOPPED", "RUNNING")).isEmpty();
        // The server is back before the VM is seen again: it was seen down meanwhile.
        List<HaAction> actions = poll(List.of(vm("db", true, "RUNNING", "s3")), "RUNNING", "RUNNING", "RUNNING");

        assertThat(actions).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo(HaActionKind.RESTART);
            assertThat(a.fromHost()).isEqualTo("s2");
            assertThat(a.toHost()).isEqualTo("s3");
            assertThat(a.vmId()).isEqualTo("id-db");
            assertThat(a.cluster()).isEqualTo("pool-a");
            assertThat(a.platform()).isEqualTo(Platform.ORACLEVM);
            assertThat(a.actionId()).isEqualTo("id-db@" + T0.plusSeconds(20).getEpochSecond() + ":restart");
        });
        assertThat(poll(List.of(vm("db", true, "RUNNING", "s3")), "RUNNING", "RUNNING", "RUNNING")).as("once").isEmpty();
    }

    @Test
    void aRestartBetweenTwoPollsIsSeenWhileTheServerIsStillDown() {
        poll(List.of(vm("db", true, "RUNNING", "s2")), "RUNNING", "RUNNING", "RUNNING");

        assertThat(poll(List.of(vm("db", true, "RUNNING", "s1")), "RUNNING", "STOPPED", "RUNNING"))
                .extracting(HaAction::action, HaAction::fromHost, HaAction::toHost)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(HaActionKind.RESTART, "s2", "s1"));
    }

    @Test
    void aServerLeavingRunningCountsAsDownToo() {
        poll(List.of(vm("db", true, "RUNNING", "s2")), "RUNNING", "RUNNING", "RUNNING");
        poll(List.of(vm("db", true, "STOPPED", null)), "RUNNING", "STOPPING", "RUNNING");

        assertThat(poll(List.of(vm("db", true, "RUNNING", "s1")), "RUNNING", "RUNNING", "RUNNING"))
                .extracting(HaAction::action).containsExactly(HaActionKind.RESTART);
    }

    @Test
    void anHaVmRunningAgainOnItsReturnedServerIsARestartInPlace() {
        poll(List.of(vm("db", true, "RUNNING", "s2")), "RUNNING", "RUNNING", "RUNNING");
        poll(List.of(vm("db", true, "STOPPED", null)), "RUNNING", "STOPPED", "RUNNING");

        assertThat(poll(List.of(vm("db", true, "RUNNING", "s2")), "RUNNING", "RUNNING", "RUNNING"))
                .extracting(HaAction::action, HaAction::fromHost, HaAction::toHost)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(HaActionKind.RESTART, "s2", "s2"));
    }

    @Test
    void aMoveWhileTheSourceServerKeepsRunningIsAMigration() {
        poll(List.of(vm("db", true, "RUNNING", "s2")), "RUNNING", "RUNNING", "RUNNING");

        List<HaAction> actions = poll(List.of(vm("db", true, "RUNNING", "s1")), "RUNNING", "RUNNING", "RUNNING");

        assertThat(actions).extracting(HaAction::action, HaAction::fromHost, HaAction::toHost, HaAction::actionId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(HaActionKind.MIGRATE, "s2", "s1",
                        "id-db@" + T0.plusSeconds(10).getEpochSecond() + ":migrate"));
    }

    @Test
    void anOperatorsStopAndStartElsewhereWithTheServerUpIsNoHaAction() {
        poll(List.of(vm("db", true, "RUNNING", "s2")), "RUNNING", "RUNNING", "RUNNING");
        poll(List.of(vm("db", true, "STOPPED", null)), "RUNNING", "RUNNING", "RUNNING");

        assertThat(poll(List.of(vm("db", true, "RUNNING", "s1")), "RUNNING", "RUNNING", "RUNNING")).isEmpty();
    }

    @Test
    void vmsWithoutHaAndTemplatesGetNoActions() {
        poll(List.of(vm("batch", false, "RUNNING", "s2"), vm("tpl", true, "TEMPLATE", null)), "RUNNING", "RUNNING", "RUNNING");

        assertThat(poll(List.of(vm("batch", false, "RUNNING", "s1"), vm("tpl", true, "TEMPLATE", null)),
                "RUNNING", "STOPPED", "RUNNING")).isEmpty();
    }

    @Test
    void theFirstPollIsOnlyABaseline() {
        assertThat(poll(List.of(vm("db", true, "RUNNING", "s1")), "RUNNING", "STOPPED", "RUNNING")).isEmpty();
    }

    @Test
    void forgetsVmsNoLongerListedSoItsMemoryFollowsTheInventory() {
        poll(List.of(vm("db", true, "RUNNING", "s2")), "RUNNING", "RUNNING", "RUNNING");
        poll(List.of(), "RUNNING", "STOPPED", "RUNNING");

        // Listed again elsewhere: without its memory it is a new baseline, not a restart.
        assertThat(poll(List.of(vm("db", true, "RUNNING", "s1")), "RUNNING", "RUNNING", "RUNNING")).isEmpty();
    }

    @Test
    void manyVmsAreTrackedIndependently() {
        List<OvmVm> before = new ArrayList<>();
        List<OvmVm> after = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            before.add(vm("vm" + i, true, "RUNNING", i % 2 == 0 ? "s2" : "s1"));
            after.add(vm("vm" + i, true, "RUNNING", i % 2 == 0 ? "s3" : "s1"));
        }
        poll(before, "RUNNING", "RUNNING", "RUNNING");

        assertThat(poll(after, "RUNNING", "STOPPED", "RUNNING")).hasSize(25)
                .allSatisfy(a -> assertThat(a.fromHost()).isEqualTo("s2"));
    }
}
