package org.sitewatch.collectors.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;

/** Every VMIM phase and condition word of the vendor notes (5.3). */
class MigrationMapperTest {

    private static final Instant SEEN = Instant.parse("2025-01-07T10:00:30Z");
    private final MigrationMapper mapper = new MigrationMapper(new Sites(VmStateMapperTest.ENDPOINT, "ocp-par"));

    @ParameterizedTest(name = "phase \"{0}\" is a migration under way")
    @ValueSource(strings = {"", "Pending", "Scheduling", "Scheduled", "PreparingTarget", "TargetReady", "Running",
        "WaitingForSync", "Synchronizing", "SomethingNewer"})
    void shouldReportNothingWhileAMigrationRuns(String phase) {
        GenericKubernetesResource vmim = Kv.migration("prod", "m1", "mig-1", "db01").set("status.phase", phase)
                .set("status.migrationState", Kv.migrationState("worker-1", "worker-2", false, false)).build();
        assertThat(mapper.map(vmim, null, SEEN)).isEmpty();
    }

    @Test
    void shouldReportASucceededMigrationOnceWithSourceAndTarget() {
        GenericKubernetesResource vmim = Kv.migration("prod", "m1", "mig-1", "db01").set("status.phase", "Succeeded")
                .set("status.migrationState", Kv.migrationState("worker-1", "worker-9", true, false))
                .phaseAt("Running", Instant.parse("2025-01-07T09:59:41Z"))
                .phaseAt("Succeeded", Instant.parse("2025-01-07T10:00:04Z")).build();

        ObservedAction observed = mapper.map(vmim, null, SEEN).orElseThrow();

        assertThat(observed.action()).extracting(HaAction::actionId, HaAction::vmId, HaAction::action, HaAction::fromHost,
                HaAction::toHost, HaAction::vendorState, HaAction::site, HaAction::cluster)
                .containsExactly("migration/mig-1", "prod/db01", HaActionKind.MIGRATE, "worker-1", "worker-9", "Succeeded",
                        "london-dr", "ocp-par");
        assertThat(observed.at()).as("when the cluster says it succeeded").isEqualTo(Instant.parse("2025-01-07T10:00:04Z"));
    }

    @Test
    void shouldReportAFailedMigrationWithItsReasonAndBlockingConditions() {
        Map<String, Object> state = new LinkedHashMap<>(Kv.migrationState("worker-1", "worker-2", true, true));
        state.put("failureReason", "target pod did not start");
        state.put("endTimestamp", "2025-01-07T10:01:00Z");
        Kv.Obj vmim = Kv.migration("prod", "m2", "mig-2", "db01").set("status.phase", "Failed").set("status.migrationState", state);
        for (String type : MigrationMapper.BLOCKING_CONDITIONS) {
            vmim.condition(type, "True", null, "because " + type);
        }

        ObservedAction observed = mapper.map(vmim.build(), null, SEEN).orElseThrow();

        assertThat(observed.action()).extracting(HaAction::action, HaAction::vendorState, HaAction::fromHost, HaAction::site)
                .containsExactly(HaActionKind.MIGRATE, "Failed", "worker-1", "paris-dc1");
        assertThat(observed.action().detail()).startsWith("migration from worker-1 to worker-2 failed; target pod did not start")
                .contains("migrationAbortRequested: because migrationAbortRequested",
                        "migrationRejectedByResourceQuota", "migrationBlockedByUtilityVolumes",
                        "decentralizedMigrationBlocked", "migrationBlockedByBackup");
        assertThat(observed.at()).as("endTimestamp when no phase time is given").isEqualTo(Instant.parse("2025-01-07T10:01:00Z"));
    }

    @Test
    void shouldTakeSourceAndTargetFromTheVmiWhenTheMigrationDoesNotCarryThem() {
        GenericKubernetesResource vmim = Kv.migration("prod", "m3", "mig-3", "db01").set("status.phase", "Succeeded").build();
        Map<String, Object> onVmi = new LinkedHashMap<>(Kv.migrationState("worker-2", "worker-3", true, false));
        onVmi.put("migrationUid", "mig-3");
        GenericKubernetesResource vmi = Kv.vmi("prod", "db01", "u1").set("status.migrationState", onVmi).build();
        Map<String, Object> otherMigration = new LinkedHashMap<>(onVmi);
        otherMigration.put("migrationUid", "mig-0");
        GenericKubernetesResource vmiOfAnother = Kv.vmi("prod", "db01", "u1").set("status.migrationState", otherMigration).build();

        assertThat(mapper.map(vmim, vmi, SEEN).orElseThrow().action()).extracting(HaAction::fromHost, HaAction::toHost)
                .containsExactly("worker-2", "worker-3");
        ObservedAction unknownEnds = mapper.map(vmim, vmiOfAnother, SEEN).orElseThrow();
        assertThat(unknownEnds.action().fromHost()).isNull();
        assertThat(unknownEnds.at()).as("no time given: when it was seen").isEqualTo(SEEN);
    }
}
