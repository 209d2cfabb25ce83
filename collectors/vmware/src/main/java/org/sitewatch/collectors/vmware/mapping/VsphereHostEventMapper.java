package org.sitewatch.collectors.vmware.mapping;

import static org.sitewatch.collectors.vmware.mapping.Values.or;

import java.util.Map;
import org.sitewatch.events.EventData;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;

/**
 * Maps host events to the host's new {@link HaHost} state:
 * <ul>
 *   <li>FAILED: {@code DasHostFailedEvent}, {@code com.vmware.vc.HA.DasHostFailedEvent}, and
 *       {@code HostConnectionLostEvent} (as the property mapper treats a host vCenter cannot
 *       reach; when HA still sees the host, the next inventory read says DEGRADED);</li>
 *   <li>ISOLATED: {@code DasHostIsolatedEvent}, {@code com.vmware.vc.HA.DasHostIsolatedEvent};</li>
 *   <li>DEGRADED: {@code com.vmware.vc.HA.HostPartitionedFromMasterEvent};</li>
 *   <li>MAINTENANCE: {@code EnteredMaintenanceModeEvent};</li>
 *   <li>UNKNOWN: {@code HostDisconnectedEvent} (disconnected on purpose: vCenter stops watching it);</li>
 *   <li>HEALTHY: {@code HostConnectedEvent}, {@code com.vmware.vc.HA.ConnectedToMaster},
 *       {@code ExitMaintenanceModeEvent}: the ends of the states above, so a failure and its end
 *       read from the same history leave the host healthy.</li>
 * </ul>
 * The host is the failed (or isolated) host the typed HA events name, else the event's object when
 * it is a host, else the event's host. Name and cluster come from the event, else from the host's
 * last known record; {@code vendorState} is the event name and {@code detail} its message.
 */
final class VsphereHostEventMapper extends EventKindMapper {

    static final Map<String, HaHostState> STATES = Map.ofEntries(
            Map.entry("DasHostFailedEvent", HaHostState.FAILED),
            Map.entry("com.vmware.vc.HA.DasHostFailedEvent", HaHostState.FAILED),
            Map.entry("HostConnectionLostEvent", HaHostState.FAILED),
            Map.entry("DasHostIsolatedEvent", HaHostState.ISOLATED),
            Map.entry("com.vmware.vc.HA.DasHostIsolatedEvent", HaHostState.ISOLATED),
            Map.entry("com.vmware.vc.HA.HostPartitionedFromMasterEvent", HaHostState.DEGRADED),
            Map.entry("EnteredMaintenanceModeEvent", HaHostState.MAINTENANCE),
            Map.entry("HostDisconnectedEvent", HaHostState.UNKNOWN),
            Map.entry("HostConnectedEvent", HaHostState.HEALTHY),
            Map.entry("com.vmware.vc.HA.ConnectedToMaster", HaHostState.HEALTHY),
            Map.entry("ExitMaintenanceModeEvent", HaHostState.HEALTHY));

    private final String site;

    VsphereHostEventMapper(String site) {
        super(STATES.keySet(), "a host");
        this.site = site;
    }

    @Override
    EventData map(VcenterEvent event, KnownStates known) {
        EntityRef ref = event.failedHost() != null && event.failedHost().moRef() != null ? event.failedHost()
                : event.objectOfType("HostSystem") != null ? event.object() : event.host();
        String hostId = EntityRef.idOf(ref);
        if (hostId == null) {
            return null;
        }
        HaHost before = known.host(hostId);
        return new HaHost(site, Platform.VSPHERE, hostId, or(ref.name(), before == null ? null : before.hostName()),
                or(EntityRef.idOf(event.cluster()), before == null ? null : before.cluster()),
                STATES.get(event.typeName()), event.typeName(), event.message(), false);
    }
}
