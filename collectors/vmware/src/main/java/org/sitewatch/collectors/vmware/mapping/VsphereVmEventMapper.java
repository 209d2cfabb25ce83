package org.sitewatch.collectors.vmware.mapping;

import static org.sitewatch.collectors.vmware.mapping.Values.or;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sitewatch.events.EventData;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.VmState;

/**
 * Maps VM lifecycle and migration events to the VM's new {@link VmState}:
 * <ul>
 *   <li>RUNNING: {@code VmPoweredOnEvent}, {@code DrsVmPoweredOnEvent}, {@code VmResettingEvent}
 *       (a reset keeps it on), and the HA restarts {@code VmRestartedOnAlternateHostEvent},
 *       {@code com.vmware.vc.ha.VmRestartedByHAEvent};</li>
 *   <li>STOPPED: {@code VmPoweredOffEvent}, and the events of a new VM, which vCenter creates
 *       powered off ({@code VmCreatedEvent}, {@code VmRegisteredEvent}, {@code VmClonedEvent},
 *       {@code VmDeployedEvent}; a power-on comes as its own event);</li>
 *   <li>SUSPENDED: {@code VmSuspendedEvent};</li>
 *   <li>UNKNOWN: {@code VmDisconnectedEvent}, {@code VmOrphanedEvent} (vCenter no longer knows
 *       the power state);</li>
 *   <li>removed: {@code VmRemovedEvent};</li>
 *   <li>another host, power unchanged: {@code VmMigratedEvent}, {@code DrsVmMigratedEvent},
 *       {@code VmRelocatedEvent}, {@code com.vmware.vc.vm.DstVmMigratedEvent}.</li>
 * </ul>
 * Events of a transition under way ({@code VmStartingEvent}, {@code VmStoppingEvent},
 * {@code VmGuestShutdownEvent}) are not mapped: the event that ends it is.
 *
 * <p>An event says one thing; the rest of the record (name, HA protection, the host when the event
 * has none) comes from the VM's last known record. {@code vendorState} is the event name. A
 * migration of a VM with no known record is not mapped, since its power is not known.
 */
final class VsphereVmEventMapper extends EventKindMapper {

    private static final Set<String> MIGRATIONS = Set.of("VmMigratedEvent", "DrsVmMigratedEvent", "VmRelocatedEvent",
            "com.vmware.vc.vm.DstVmMigratedEvent");
    static final String REMOVED = "VmRemovedEvent";

    static final Map<String, PowerState> POWER = Map.ofEntries(
            Map.entry("VmPoweredOnEvent", PowerState.RUNNING),
            Map.entry("DrsVmPoweredOnEvent", PowerState.RUNNING),
            Map.entry("VmResettingEvent", PowerState.RUNNING),
            Map.entry("VmRestartedOnAlternateHostEvent", PowerState.RUNNING),
            Map.entry("com.vmware.vc.ha.VmRestartedByHAEvent", PowerState.RUNNING),
            Map.entry("VmPoweredOffEvent", PowerState.STOPPED),
            Map.entry("VmCreatedEvent", PowerState.STOPPED),
            Map.entry("VmRegisteredEvent", PowerState.STOPPED),
            Map.entry("VmClonedEvent", PowerState.STOPPED),
            Map.entry("VmDeployedEvent", PowerState.STOPPED),
            Map.entry("VmSuspendedEvent", PowerState.SUSPENDED),
            Map.entry("VmDisconnectedEvent", PowerState.UNKNOWN),
            Map.entry("VmOrphanedEvent", PowerState.UNKNOWN));

    private static final Set<String> WATCHED = Stream.of(POWER.keySet(), MIGRATIONS, Set.of(REMOVED))
            .flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    private final String site;

    VsphereVmEventMapper(String site) {
        super(WATCHED, "a VM");
        this.site = site;
    }

    @Override
    EventData map(VcenterEvent event, KnownStates known) {
        String vmId = event.vmId();
        if (vmId == null) {
            return null;
        }
        VmState before = known.vm(vmId);
        String name = event.typeName();
        boolean removed = REMOVED.equals(name);
        if (before == null && !removed && !POWER.containsKey(name)) {
            return null;
        }
        VmState base = before != null ? before : new VmState(site, Platform.VSPHERE, vmId, null, null, null,
                PowerState.UNKNOWN, null, null, null, false);
        return new VmState(site, Platform.VSPHERE, vmId, or(event.vmName(), base.name()),
                or(EntityRef.idOf(event.host()), base.host()), or(EntityRef.idOf(event.cluster()), base.cluster()),
                or(POWER.get(name), base.power()), name, base.haProtected(), null, removed);
    }
}
