package org.sitewatch.collectors.vmware.mapping;

import static org.sitewatch.collectors.vmware.mapping.Values.or;

import java.util.Map;
import java.util.Set;
import org.sitewatch.events.EventData;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.Platform;
import org.sitewatch.events.VmState;

/**
 * Maps what HA (and DRS or vMotion) did to one VM to {@link HaAction}:
 * <ul>
 *   <li>RESTART: {@code com.vmware.vc.ha.VmRestartedByHAEvent} (lower-case {@code ha}, as vCenter
 *       spells it), its predecessor {@code VmRestartedOnAlternateHostEvent}, and the resets of VM
 *       monitoring ({@code VmDasBeingResetEvent}, {@code VmDasBeingResetWithScreenshotEvent}),
 *       which restart the VM in place;</li>
 *   <li>FENCE: {@code com.vmware.vc.HA.VmcpTerminatingVm}: component protection kills a VM that
 *       lost its storage so that it can be restarted elsewhere;</li>
 *   <li>ERROR, HA gave up: {@code VmFailoverFailed}, {@code VmMaxRestartCountReached},
 *       {@code VmDasResetFailedEvent}, {@code NotEnoughResourcesToStartVmEvent},
 *       {@code com.vmware.vc.HA.FailedRestartAfterIsolationEvent},
 *       {@code com.vmware.vc.HA.VmDasResetAbortedEvent}, {@code com.vmware.vc.HA.VMIsHADisabledRestartEvent},
 *       {@code com.vmware.vc.HA.VmcpTerminateVmAborted};</li>
 *   <li>MIGRATE: {@code VmMigratedEvent}, {@code DrsVmMigratedEvent}, {@code VmRelocatedEvent} and,
 *       across vCenters, the arrival {@code com.vmware.vc.vm.DstVmMigratedEvent} (the departure
 *       twin is left out so a move is counted once).</li>
 * </ul>
 * The action id is the event key; {@code vendorState} the event name, {@code detail} its message
 * (and reason). The host a VM came from is the event's {@code sourceHost}, else the host the VM
 * was last known on unless that is already the new one (then unknown); the host it went to is the
 * event's host.
 */
final class VsphereHaActionMapper extends EventKindMapper {

    static final Map<String, HaActionKind> KINDS = Map.ofEntries(
            Map.entry("com.vmware.vc.ha.VmRestartedByHAEvent", HaActionKind.RESTART),
            Map.entry("VmRestartedOnAlternateHostEvent", HaActionKind.RESTART),
            Map.entry("VmDasBeingResetEvent", HaActionKind.RESTART),
            Map.entry("VmDasBeingResetWithScreenshotEvent", HaActionKind.RESTART),
            Map.entry("com.vmware.vc.HA.VmcpTerminatingVm", HaActionKind.FENCE),
            Map.entry("VmFailoverFailed", HaActionKind.ERROR),
            Map.entry("VmMaxRestartCountReached", HaActionKind.ERROR),
            Map.entry("VmDasResetFailedEvent", HaActionKind.ERROR),
            Map.entry("NotEnoughResourcesToStartVmEvent", HaActionKind.ERROR),
            Map.entry("com.vmware.vc.HA.FailedRestartAfterIsolationEvent", HaActionKind.ERROR),
            Map.entry("com.vmware.vc.HA.VmDasResetAbortedEvent", HaActionKind.ERROR),
            Map.entry("com.vmware.vc.HA.VMIsHADisabledRestartEvent", HaActionKind.ERROR),
            Map.entry("com.vmware.vc.HA.VmcpTerminateVmAborted", HaActionKind.ERROR),
            Map.entry("VmMigratedEvent", HaActionKind.MIGRATE),
            Map.entry("DrsVmMigratedEvent", HaActionKind.MIGRATE),
            Map.entry("VmRelocatedEvent", HaActionKind.MIGRATE),
            Map.entry("com.vmware.vc.vm.DstVmMigratedEvent", HaActionKind.MIGRATE));

    private static final Set<String> IN_PLACE = Set.of("VmDasBeingResetEvent", "VmDasBeingResetWithScreenshotEvent");

    private final String site;

    VsphereHaActionMapper(String site) {
        super(KINDS.keySet(), "a VM");
        this.site = site;
    }

    @Override
    EventData map(VcenterEvent event, KnownStates known) {
        String vmId = event.vmId();
        if (vmId == null) {
            return null;
        }
        HaActionKind kind = KINDS.get(event.typeName());
        VmState before = known.vm(vmId);
        String lastHost = before == null ? null : before.host();
        String host = EntityRef.idOf(event.host());
        String from;
        String to = null;
        if (kind == HaActionKind.RESTART || kind == HaActionKind.MIGRATE) {
            to = host;
            if (IN_PLACE.contains(event.typeName())) {
                from = host;
            } else {
                String source = EntityRef.idOf(event.sourceHost());
                // The inventory is read before the events, so the last known host may already be the new one.
                from = source != null ? source : lastHost != null && !lastHost.equals(host) ? lastHost : null;
            }
        } else {
            from = or(host, lastHost);
        }
        String cluster = or(EntityRef.idOf(event.cluster()), before == null ? null : before.cluster());
        return new HaAction(site, Platform.VSPHERE, Long.toString(event.key()), vmId, cluster, kind, from, to,
                event.typeName(), detail(event));
    }

    private static String detail(VcenterEvent event) {
        if (event.reason() == null) {
            return event.message();
        }
        return event.message() == null ? event.reason() : event.message() + " (" + event.reason() + ")";
    }
}
