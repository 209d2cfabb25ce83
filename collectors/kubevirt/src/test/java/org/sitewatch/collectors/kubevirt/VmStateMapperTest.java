package org.sitewatch.collectors.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.VmState;

/** Every VMI phase, VM printableStatus, run strategy and VM/VMI condition word of the vendor notes (5.1, 5.2). */
class VmStateMapperTest {

    static final EndpointConfig ENDPOINT = EndpointConfig.builder("ocp-par", "paris-dc1", Platform.KUBEVIRT)
            .nodeSites(Map.of("worker-9", "london-dr")).build();
    private final VmStateMapper mapper = new VmStateMapper(new Sites(ENDPOINT, "ocp-par"));

    @ParameterizedTest(name = "VMI phase \"{0}\" -> {1}")
    @CsvSource({"'', STOPPED", "Pending, STOPPED", "Scheduling, STOPPED", "Scheduled, STOPPED", "Running, RUNNING",
        "Succeeded, STOPPED", "Failed, CRASHED", "WaitingForSync, MIGRATING", "Unknown, UNKNOWN",
        "SomethingNewer, UNKNOWN"})
    void shouldMapEveryVmiPhaseOfAVmiWithoutVm(String phase, PowerState power) {
        VmState state = mapper.map("prod/db01", null, Kv.vmi("prod", "db01", "u1", phase, "worker-2"));

        assertThat(state.power()).isEqualTo(power);
        assertThat(state.vendorState()).isEqualTo(phase.isEmpty() ? null : phase);
        assertThat(state.host()).isEqualTo("worker-2");
        assertThat(state.haProtected()).as("a VMI without a VM is not restarted by anyone").isFalse();
    }

    /** Found by KubevirtMapperFuzzTest: a VM with no run strategy anywhere threw a NullPointerException. */
    @Test
    void shouldNotTakeAVmWithoutARunStrategyForOneThatRestartsByItself() {
        assertThat(VmStateMapper.restartsByItself(Kv.vm("prod", "a").build())).isFalse();
    }

    @Test
    void shouldMapAVmiWithoutAPhaseAsNotStarted() {
        assertThat(mapper.map("prod/db01", null, Kv.vmi("prod", "db01", "u1", null, null)))
                .extracting(VmState::power, VmState::vendorState, VmState::host).containsExactly(PowerState.STOPPED, null, null);
    }

    @ParameterizedTest(name = "printableStatus {0} -> {1}")
    @CsvSource({"Stopped, STOPPED", "Provisioning, STOPPED", "Starting, STOPPED", "Running, RUNNING", "Paused, PAUSED",
        "Stopping, RUNNING", "Terminating, RUNNING", "CrashLoopBackOff, CRASHED", "Migrating, MIGRATING",
        "Unknown, UNKNOWN", "ErrorUnschedulable, CRASHED", "ErrImagePull, CRASHED", "ImagePullBackOff, CRASHED",
        "ErrorPvcNotFound, CRASHED", "DataVolumeError, CRASHED", "WaitingForVolumeBinding, STOPPED",
        "WaitingForReceiver, STOPPED", "SomethingNewer, UNKNOWN"})
    void shouldMapEveryPrintableStatusOfAVmWithARunningVmi(String printable, PowerState power) {
        VmState state = mapper.map("prod/db01", Kv.vm("prod", "db01", "Always", printable),
                Kv.vmi("prod", "db01", "u1", "Running", "worker-2"));

        assertThat(state.power()).isEqualTo(power);
        assertThat(state.vendorState()).isEqualTo(printable);
    }

    @ParameterizedTest(name = "{0} without a running VMI -> STOPPED")
    @ValueSource(strings = {"Stopping", "Terminating"})
    void shouldTakeAShuttingDownVmAsStoppedOnceItsVmiFinished(String printable) {
        assertThat(mapper.map("prod/db01", Kv.vm("prod", "db01", "Always", printable),
                Kv.vmi("prod", "db01", "u1", "Succeeded", "worker-2")).power()).isEqualTo(PowerState.STOPPED);
        assertThat(mapper.map("prod/db01", Kv.vm("prod", "db01", "Always", printable), null).power())
                .isEqualTo(PowerState.STOPPED);
    }

    @Test
    void shouldFallBackToTheVmiPhaseWhileTheVmHasNoPrintableStatus() {
        VmState state = mapper.map("prod/db01", Kv.vm("prod", "db01", "Always", null),
                Kv.vmi("prod", "db01", "u1", "Running", "worker-2"));
        assertThat(state).extracting(VmState::power, VmState::vendorState).containsExactly(PowerState.RUNNING, "Running");

        assertThat(mapper.map("prod/db01", Kv.vm("prod", "db01", "Always", null), null))
                .extracting(VmState::power, VmState::vendorState).containsExactly(PowerState.UNKNOWN, null);
    }

    @ParameterizedTest(name = "runStrategy {0} -> haProtected {1}")
    @CsvSource({"Always, true", "RerunOnFailure, true", "Halted, false", "Manual, false", "Once, false",
        "WaitAsReceiver, false"})
    void shouldProtectOnlyVmsThatKubevirtRestartsByItself(String runStrategy, boolean protectedByHa) {
        VmState state = mapper.map("prod/db01", Kv.vm("prod", "db01", runStrategy, "Stopped"), null);
        assertThat(state).extracting(VmState::haProtected, VmState::haState).containsExactly(protectedByHa, runStrategy);
    }

    @Test
    void shouldReadTheLegacyRunningFlagAndTheStatusRunStrategy() {
        assertThat(mapper.map("prod/a", Kv.vm("prod", "a").set("spec.running", true).build(), null).haState()).isEqualTo("Always");
        assertThat(mapper.map("prod/a", Kv.vm("prod", "a").set("spec.running", false).build(), null).haState()).isEqualTo("Halted");
        assertThat(mapper.map("prod/a", Kv.vm("prod", "a").set("status.runStrategy", "RerunOnFailure").build(), null)
                .haProtected()).isTrue();
        assertThat(mapper.map("prod/a", Kv.vm("prod", "a").build(), null).haProtected()).as("not said").isNull();
    }

    @Test
    void shouldMapVmiConditions() {
        // Paused turns a running VMI PAUSED; the other condition types of the notes leave it RUNNING.
        assertThat(mapper.map("prod/a", null, Kv.vmi("prod", "a", "u1").set("status.phase", "Running")
                .condition("Paused", "True").build()).power()).isEqualTo(PowerState.PAUSED);
        for (String type : new String[] {"Provisioning", "Ready", "Synchronized", "AgentConnected",
            "AccessCredentialsSynchronized", "AgentVersionNotSupported", "LiveMigratable", "HotVCPUChange",
            "HotMemoryChange", "VolumesChange", "DataVolumesReady", "StorageLiveMigratable",
            "DecentralizedLiveMigrationFailure", "MigrationRequired", "EvictionRequested", "SoftwareEmulation"}) {
            GenericKubernetesResource vmi = Kv.vmi("prod", "a", "u1").set("status.phase", "Running").condition(type, "True").build();
            assertThat(mapper.map("prod/a", null, vmi).power()).as(type).isEqualTo(PowerState.RUNNING);
        }
        assertThat(mapper.map("prod/a", null, Kv.vmi("prod", "a", "u1").set("status.phase", "Running")
                .condition("Paused", "False").build()).power()).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void shouldShowALiveMigrationUnderWayOnTheVmi() {
        GenericKubernetesResource migrating = Kv.vmi("prod", "a", "u1").set("status.phase", "Running")
                .set("status.migrationState", Kv.migrationState("worker-1", "worker-2", false, false)).build();
        GenericKubernetesResource migrated = Kv.vmi("prod", "a", "u1").set("status.phase", "Running")
                .set("status.migrationState", Kv.migrationState("worker-1", "worker-2", true, false)).build();

        assertThat(mapper.map("prod/a", null, migrating).power()).isEqualTo(PowerState.MIGRATING);
        assertThat(mapper.map("prod/a", null, migrated).power()).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void shouldMapVmConditions() {
        // ManualRecoveryRequired: KubeVirt will not restart it by itself, whatever the run strategy.
        VmState manual = mapper.map("prod/a", Kv.vm("prod", "a").set("spec.runStrategy", "Always")
                .set("status.printableStatus", "Stopped").condition("ManualRecoveryRequired", "True").build(), null);
        assertThat(manual).extracting(VmState::haProtected, VmState::haState).containsExactly(false, "ManualRecoveryRequired");
        for (String type : new String[] {"Failure", "Ready", "Paused", "RestartRequired"}) {
            VmState state = mapper.map("prod/a", Kv.vm("prod", "a").set("spec.runStrategy", "Always")
                    .set("status.printableStatus", "Running").condition(type, "True").build(), null);
            assertThat(state).as(type).extracting(VmState::power, VmState::haProtected, VmState::haState)
                    .containsExactly(PowerState.RUNNING, true, "Always");
        }
    }

    @Test
    void shouldPlaceTheVmInTheSiteOfItsNodeAndNameItByNamespace() {
        VmState state = mapper.map("prod/db01", Kv.vm("prod", "db01", "Always", "Running"),
                Kv.vmi("prod", "db01", "u1", "Running", "worker-9"));

        assertThat(state).extracting(VmState::site, VmState::platform, VmState::vmId, VmState::name, VmState::cluster)
                .containsExactly("london-dr", Platform.KUBEVIRT, "prod/db01", "db01", "ocp-par");
        assertThat(mapper.map("prod/db01", Kv.vm("prod", "db01", "Always", "Stopped"), null).site()).isEqualTo("paris-dc1");
    }
}
