package org.sitewatch.collectors.vmware.mapping;

import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.VmState;

/**
 * Maps a VM's properties to {@link VmState}.
 *
 * <p>Power ({@code VirtualMachinePowerState}): {@code poweredOn} → RUNNING, {@code poweredOff} →
 * STOPPED, {@code suspended} → SUSPENDED; absent or another word → UNKNOWN. When the VM's
 * {@code connectionState} is anything but {@code connected} ({@code disconnected},
 * {@code orphaned}, {@code inaccessible}, {@code invalid} or a later word) the power is UNKNOWN
 * and {@code vendorState} is that word: vCenter then reports the last power state it saw, not the
 * current one. Otherwise {@code vendorState} is the power word.
 *
 * <p>HA protection is {@code dasProtected}. vCenter leaves it unset when HA is off, so an unset
 * value becomes {@code false} when the caller knows HA is off on the VM's cluster (or the VM has
 * no cluster) and null (unknown) otherwise. vSphere has no per-VM HA word like Proxmox's
 * {@code hastate}: {@code haState} stays null.
 */
public final class VsphereVmMapper {

    private final String site;

    public VsphereVmMapper(String site) {
        this.site = site;
    }

    /**
     * @param clusterHaEnabled whether HA is enabled on the VM's cluster; null when not known
     */
    public VmState map(VmProperties vm, Boolean clusterHaEnabled) {
        String connection = vm.connectionState();
        boolean reachable = connection == null || "connected".equals(connection);
        PowerState power = reachable ? power(vm.powerState()) : PowerState.UNKNOWN;
        String vendorState = reachable ? vm.powerState() : connection;
        String cluster = EntityRef.idOf(vm.cluster());
        return new VmState(site, Platform.VSPHERE, vm.moRef(), vm.name(), EntityRef.idOf(vm.host()), cluster, power,
                vendorState, haProtected(vm.dasProtected(), cluster, clusterHaEnabled), null, false);
    }

    /** The contract's power state for a {@code VirtualMachinePowerState} word. */
    static PowerState power(String powerState) {
        if (powerState == null) {
            return PowerState.UNKNOWN;
        }
        switch (powerState) {
            case "poweredOn":
                return PowerState.RUNNING;
            case "poweredOff":
                return PowerState.STOPPED;
            case "suspended":
                return PowerState.SUSPENDED;
            default:
                return PowerState.UNKNOWN;
        }
    }

    private static Boolean haProtected(Boolean dasProtected, String cluster, Boolean clusterHaEnabled) {
        if (dasProtected != null) {
            return dasProtected;
        }
        // Only HA protects a vSphere VM, and HA needs a cluster.
        return cluster == null || Boolean.FALSE.equals(clusterHaEnabled) ? Boolean.FALSE : null;
    }
}
