package org.sitewatch.core.fold;

import java.util.Optional;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.EventData;
import org.sitewatch.events.EventType;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.VmState;

/**
 * The entities whose latest state is kept, one per stateful event type. HA actions are not entities:
 * they are a log, kept as the recent ones per site in {@link SiteAggregate}.
 */
public enum EntityKind {
    VM(EventType.VM_STATE, VmState.class),
    HA_HOST(EventType.HA_HOST, HaHost.class),
    HA_CLUSTER(EventType.HA_CLUSTER, HaCluster.class),
    REPLICATION(EventType.REPLICATION_STATUS, ReplicationStatus.class),
    COLLECTOR(EventType.COLLECTOR_HEARTBEAT, CollectorHeartbeat.class);

    private final EventType eventType;
    private final Class<? extends EventData> dataType;

    EntityKind(EventType eventType, Class<? extends EventData> dataType) {
        this.eventType = eventType;
        this.dataType = dataType;
    }

    public EventType eventType() {
        return eventType;
    }

    public Class<? extends EventData> dataType() {
        return dataType;
    }

    /** The kind an event type folds into; empty for HA actions. */
    public static Optional<EntityKind> of(EventType type) {
        for (EntityKind kind : values()) {
            if (kind.eventType == type) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
