package org.sitewatch.collectors.vmware.mapping;

import java.time.Instant;

/**
 * One event of vCenter's event history, as read from {@code ReadNextEvents}: the base
 * {@code Event} fields this package maps, the object of an {@code EventEx}/{@code ExtendedEvent},
 * and the extra host arguments of the typed events mapped here. {@code EventEx} arguments are not
 * read: their names are not documented.
 *
 * @param key the event's id ({@code Event.key}), increasing per vCenter
 * @param xsiType the event class, e.g. {@code VmPoweredOnEvent}, {@code EventEx}, {@code ExtendedEvent}
 * @param eventTypeId {@code EventEx.eventTypeId} / {@code ExtendedEvent.eventTypeId}; null for typed events
 * @param createdTime {@code Event.createdTime}; null when vCenter sent none (the event is then not mapped)
 * @param message {@code fullFormattedMessage} (or {@code EventEx.message} when that is all there is)
 * @param vm {@code Event.vm}
 * @param host {@code Event.host}; for a migration the host the VM is on now
 * @param cluster {@code Event.computeResource} when its moRef type is {@code ClusterComputeResource};
 *     null for a standalone host's {@code ComputeResource}, which is no cluster
 * @param objectType {@code EventEx.objectType}, or the type of {@code ExtendedEvent.managedObject},
 *     e.g. {@code VirtualMachine}, {@code HostSystem}, {@code ClusterComputeResource}
 * @param object {@code EventEx.objectId}/{@code objectName}, or {@code ExtendedEvent.managedObject}
 * @param sourceHost {@code sourceHost} of {@code VmMigratedEvent}, {@code VmRelocatedEvent},
 *     {@code VmRestartedOnAlternateHostEvent}
 * @param failedHost {@code failedHost} of {@code DasHostFailedEvent}, or {@code isolatedHost} of
 *     {@code DasHostIsolatedEvent}
 * @param reason a typed event's {@code reason} as text (e.g. the fault of {@code VmFailoverFailed})
 */
public record VcenterEvent(long key, String xsiType, String eventTypeId, Instant createdTime, String message,
                           EntityRef vm, EntityRef host, EntityRef cluster, String objectType,
                           EntityRef object, EntityRef sourceHost, EntityRef failedHost, String reason) {

    /**
     * The name the event is known by: the {@code eventTypeId} for {@code EventEx} and
     * {@code ExtendedEvent} (their class says nothing), else the class name.
     */
    public String typeName() {
        return eventTypeId != null && !eventTypeId.isBlank() ? eventTypeId : xsiType;
    }

    /** The VM the event is about: {@code vm}, else the event's object when that is a VM. */
    String vmId() {
        String id = EntityRef.idOf(vm);
        return id != null ? id : objectOfType("VirtualMachine");
    }

    /** The VM's name, from {@code vm} or a VM object. */
    String vmName() {
        String name = EntityRef.nameOf(vm);
        return name != null || !"VirtualMachine".equals(objectType) ? name : EntityRef.nameOf(object);
    }

    /** The moRef of the event's object when its type is {@code type}, else null. */
    String objectOfType(String type) {
        return type.equals(objectType) ? EntityRef.idOf(object) : null;
    }
}
