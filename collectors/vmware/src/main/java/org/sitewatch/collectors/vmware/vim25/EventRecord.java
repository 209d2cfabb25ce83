package org.sitewatch.collectors.vmware.vim25;

import java.time.Instant;

/**
 * One vCenter event as an event history collector returns it: its {@code key} (increasing within
 * one vCenter), its class ({@code xsi:type}, e.g. {@code VmPoweredOffEvent}, {@code EventEx}), the
 * {@code eventTypeId} of an EventEx or ExtendedEvent (null for other classes), when and by whom,
 * the message, the entities it is about, and every field as read in {@code fields} (severity,
 * arguments, source host of a migration, ...).
 */
public record EventRecord(int key, String type, String eventTypeId, Instant createdTime, String userName,
                          String fullFormattedMessage, EntityRef vm, EntityRef host, EntityRef computeResource,
                          EntityRef datacenter, DataObject fields) {

    /** An entity an event names: its name at the time of the event and its reference. */
    public record EntityRef(String name, MoRef ref) {

        /** From an event argument ({@code <vm><name>app01</name><vm type="VirtualMachine">vm-42</vm></vm>}). */
        public static EntityRef from(DataObject argument) {
            if (argument == null) {
                return null;
            }
            MoRef ref = argument.fields().values().stream()
                    .filter(MoRef.class::isInstance).map(MoRef.class::cast).findFirst().orElse(null);
            return new EntityRef(argument.string("name"), ref);
        }
    }

    /** The id events are named by: the eventTypeId of an EventEx/ExtendedEvent, else the class name. */
    public String typeId() {
        return eventTypeId != null ? eventTypeId : type;
    }

    static EventRecord from(DataObject event) {
        Long key = event.number("key");
        if (key == null) {
            throw new IllegalArgumentException("event without key: " + event.type());
        }
        return new EventRecord(key.intValue(), event.type(), event.string("eventTypeId"), event.instant("createdTime"),
                event.string("userName"), event.string("fullFormattedMessage"),
                EntityRef.from(event.object("vm")), EntityRef.from(event.object("host")),
                EntityRef.from(event.object("computeResource")), EntityRef.from(event.object("datacenter")), event);
    }
}
