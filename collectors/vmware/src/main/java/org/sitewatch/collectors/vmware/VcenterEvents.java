package org.sitewatch.collectors.vmware;

import org.sitewatch.collectors.vmware.mapping.EntityRef;
import org.sitewatch.collectors.vmware.mapping.VcenterEvent;
import org.sitewatch.collectors.vmware.vim25.DataObject;
import org.sitewatch.collectors.vmware.vim25.EventRecord;
import org.sitewatch.collectors.vmware.vim25.MoRef;

/** An event as the client read it, in the mapping's terms: references as moRef + name, typed fields picked out. */
final class VcenterEvents {

    private VcenterEvents() {
    }

    static VcenterEvent of(EventRecord record) {
        DataObject f = record.fields();
        String message = record.fullFormattedMessage() != null ? record.fullFormattedMessage() : f.string("message");
        EntityRef cluster = record.computeResource() != null && record.computeResource().ref() != null
                && InventoryReader.CLUSTER.equals(record.computeResource().ref().type()) ? ref(record.computeResource()) : null;
        String objectType = f.string("objectType");
        EntityRef object = f.string("objectId") != null ? new EntityRef(f.string("objectId"), f.string("objectName")) : null;
        MoRef managedObject = f.moRef("managedObject"); // ExtendedEvent
        if (managedObject != null) {
            objectType = managedObject.type();
            object = new EntityRef(managedObject.value(), null);
        }
        EntityRef failed = argument(f.object("failedHost"));
        if (failed == null) {
            failed = argument(f.object("isolatedHost"));
        }
        return new VcenterEvent(record.key(), record.type(), record.eventTypeId(), record.createdTime(), message,
                ref(record.vm()), ref(record.host()), cluster, objectType, object, argument(f.object("sourceHost")),
                failed, reason(f.get("reason")));
    }

    private static EntityRef ref(EventRecord.EntityRef ref) {
        return ref == null ? null : new EntityRef(ref.ref() == null ? null : ref.ref().value(), ref.name());
    }

    /** A {@code HostEventArgument}-like field: a name and one reference. */
    private static EntityRef argument(DataObject argument) {
        return ref(EventRecord.EntityRef.from(argument));
    }

    /** A reason as text: a plain value, or a fault object by its type and message. */
    private static String reason(Object reason) {
        if (reason == null) {
            return null;
        }
        if (reason instanceof DataObject fault) {
            String text = fault.string("localizedMessage");
            return text == null ? fault.type() : fault.type() + ": " + text;
        }
        return reason.toString();
    }
}
