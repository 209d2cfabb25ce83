package org.sitewatch.simulator.vsphere;

import java.time.Instant;

/**
 * One event of the simulated vCenter's history: its class ({@code xsiType}: a typed event such as
 * {@code VmPoweredOnEvent}, or {@code EventEx} with an {@code eventTypeId}), when, the message, and
 * the entities it names. The datacenter and cluster arguments are the vCenter's own and are added
 * when it is written.
 *
 * @param sourceHost the host a migrated VM came from ({@code VmMigratedEvent}); else null
 * @param object     an EventEx's object ({@code objectId}/{@code objectType}); else null
 */
record VcEvent(long key, String xsiType, String eventTypeId, Instant createdTime, String severity, String message,
        Entity host, Entity vm, Entity sourceHost, Entity object) {

    /** An entity argument: its name at the time of the event and its reference. */
    record Entity(String name, MoRef ref) {
    }

    /** The name filters match: the eventTypeId of an EventEx, else the class. */
    String typeId() {
        return eventTypeId != null ? eventTypeId : xsiType;
    }

    VcEvent withKeyAndTime(long newKey, Instant time) {
        return new VcEvent(newKey, xsiType, eventTypeId, time, severity, message, host, vm, sourceHost, object);
    }
}
