package org.sitewatch.collectors.hyperv;

import org.sitewatch.collectors.hyperv.HypervEnums.VmState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;

/**
 * Maps one VM of Get-VM to the contract's {@code VmState}:
 * <ul>
 *   <li>id: the VM's GUID (lower case); Hyper-V Replica keeps it on the replica copy, so the
 *       replica appears under the same id in the replica's site;</li>
 *   <li>host: the node the script ran on ({@code ComputerName}); cluster: the cluster's name when
 *       the VM is clustered;</li>
 *   <li>power from {@code State}; a transitional state maps to where it leads (Starting and
 *       Resuming to RUNNING, Stopping to STOPPED, Saving to SUSPENDED, Pausing to PAUSED); the
 *       {@code *Critical} variants (the VM's storage is in trouble) map like their plain state and
 *       keep their word in {@code vendorState}; Other, ComponentServicing and unknown words are UNKNOWN;</li>
 *   <li>HA: {@code haProtected} = {@code IsClustered} (a clustered VM is a cluster role the cluster
 *       restarts elsewhere); {@code haState} = its cluster group's state word, when known.</li>
 * </ul>
 */
final class HypervVmMapper {

    private HypervVmMapper() {
    }

    static org.sitewatch.events.VmState map(String site, HypervReport.Vm vm, String cluster, String groupState) {
        boolean clustered = Boolean.TRUE.equals(vm.clustered());
        return new org.sitewatch.events.VmState(site, Platform.HYPERV, vm.id(), vm.name(), vm.computerName(),
                clustered ? cluster : null, power(vm.state().known()), vm.state().raw(), vm.clustered(),
                clustered ? groupState : null, false);
    }

    static PowerState power(VmState state) {
        if (state == null) {
            return PowerState.UNKNOWN;
        }
        return switch (state) {
            case Running, RunningCritical, Starting, StartingCritical, Resuming, ResumingCritical, Reset, ResetCritical,
                 ForceReboot -> PowerState.RUNNING;
            case Off, OffCritical, Stopping, StoppingCritical, ForceShutdown -> PowerState.STOPPED;
            case Paused, PausedCritical, Pausing, PausingCritical -> PowerState.PAUSED;
            case Saved, SavedCritical, FastSaved, FastSavedCritical, Saving, SavingCritical, FastSaving,
                 FastSavingCritical, Hibernated -> PowerState.SUSPENDED;
            case Other, ComponentServicing -> PowerState.UNKNOWN;
        };
    }
}
