package org.sitewatch.collectors.vmware.mapping;

import static org.sitewatch.collectors.vmware.mapping.Values.or;

import java.util.Map;
import org.sitewatch.events.EventData;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.Platform;

/**
 * Maps cluster-wide HA events to the cluster's new {@link HaCluster}:
 * <ul>
 *   <li>capacity 0: {@code InsufficientFailoverResourcesEvent},
 *       {@code com.vmware.vc.HA.InsufficientFailoverLevelEvent},
 *       {@code com.vmware.vc.HA.FailoverResourcesViolationEvent};</li>
 *   <li>capacity back: {@code FailoverLevelRestored}: the last known capacity when it was above 0,
 *       else unknown (null) until the next inventory read gives the number;</li>
 *   <li>failover under way: {@code com.vmware.vc.HA.ClusterFailoverActionInitiatedEvent},
 *       {@code com.vmware.vc.HA.ClusterFailoverInProgressEvent},
 *       {@code com.vmware.vc.HA.ClusterFailoverActionCompletedEvent}: only the vendor word
 *       changes (the restarts themselves come as per-VM events);</li>
 *   <li>{@code DasEnabledEvent} → HA enabled; {@code DasDisabledEvent} → HA disabled, capacity null.</li>
 * </ul>
 * Every one of these but {@code DasDisabledEvent} shows HA is on. The rest of the record comes
 * from the cluster's last known record; {@code vendorState} is the event name.
 */
final class VsphereClusterEventMapper extends EventKindMapper {

    private enum Effect { NO_CAPACITY, CAPACITY_RESTORED, FAILOVER, HA_ON, HA_OFF }

    private static final Map<String, Effect> EFFECTS = Map.ofEntries(
            Map.entry("InsufficientFailoverResourcesEvent", Effect.NO_CAPACITY),
            Map.entry("com.vmware.vc.HA.InsufficientFailoverLevelEvent", Effect.NO_CAPACITY),
            Map.entry("com.vmware.vc.HA.FailoverResourcesViolationEvent", Effect.NO_CAPACITY),
            Map.entry("FailoverLevelRestored", Effect.CAPACITY_RESTORED),
            Map.entry("com.vmware.vc.HA.ClusterFailoverActionInitiatedEvent", Effect.FAILOVER),
            Map.entry("com.vmware.vc.HA.ClusterFailoverInProgressEvent", Effect.FAILOVER),
            Map.entry("com.vmware.vc.HA.ClusterFailoverActionCompletedEvent", Effect.FAILOVER),
            Map.entry("DasEnabledEvent", Effect.HA_ON),
            Map.entry("DasDisabledEvent", Effect.HA_OFF));

    private final String site;

    VsphereClusterEventMapper(String site) {
        super(EFFECTS.keySet(), "a cluster");
        this.site = site;
    }

    @Override
    EventData map(VcenterEvent event, KnownStates known) {
        EntityRef ref = event.cluster() != null && event.cluster().moRef() != null
                ? event.cluster() : event.objectOfType("ClusterComputeResource") != null ? event.object() : null;
        if (ref == null) {
            return null;
        }
        HaCluster before = known.cluster(ref.moRef());
        Integer capacity = before == null ? null : before.failoverCapacity();
        Boolean haEnabled = Boolean.TRUE;
        switch (EFFECTS.get(event.typeName())) {
            case NO_CAPACITY:
                capacity = 0;
                break;
            case CAPACITY_RESTORED:
                capacity = capacity != null && capacity > 0 ? capacity : null;
                break;
            case HA_OFF:
                haEnabled = Boolean.FALSE;
                capacity = null;
                break;
            case FAILOVER:
            case HA_ON:
            default:
                break;
        }
        return new HaCluster(site, Platform.VSPHERE, ref.moRef(), or(ref.name(), before == null ? null : before.name()),
                haEnabled, before == null ? null : before.hostsTotal(), before == null ? null : before.hostsHealthy(),
                capacity, null, event.typeName());
    }
}
