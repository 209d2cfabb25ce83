package org.sitewatch.collectors.vmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.vmware.mapping.EntityRef;
import org.sitewatch.collectors.vmware.mapping.VcenterEvent;
import org.sitewatch.collectors.vmware.vim25.DataObject;
import org.sitewatch.collectors.vmware.vim25.EventRecord;
import org.sitewatch.collectors.vmware.vim25.MoRef;

/** Events as the client reads them into the mapping's terms: references, the cluster only when it is one, typed arguments. */
class VcenterEventsTest {

    private static final Instant AT = Instant.parse("2026-12-05T01:00:00Z");

    @Test
    void aTypedHaEventNamesItsFailedHostAndItsClusterByReference() {
        DataObject fields = new DataObject("DasHostFailedEvent", Map.of("failedHost",
                argument("HostEventArgument", "esx2", new MoRef("HostSystem", "host-14"))));
        EventRecord record = new EventRecord(910, "DasHostFailedEvent", null, AT, "", "A possible host failure",
                null, null, new EventRecord.EntityRef("prod", new MoRef("ClusterComputeResource", "domain-c8")), null, fields);

        VcenterEvent event = VcenterEvents.of(record);

        assertThat(event.key()).isEqualTo(910);
        assertThat(event.failedHost()).isEqualTo(new EntityRef("host-14", "esx2"));
        assertThat(event.cluster()).isEqualTo(new EntityRef("domain-c8", "prod"));
        assertThat(event.message()).isEqualTo("A possible host failure");
    }

    @Test
    void aStandaloneHostsComputeResourceIsNoClusterAndAMigrationKeepsItsSourceHost() {
        DataObject fields = new DataObject("VmMigratedEvent", Map.of("sourceHost",
                argument("HostEventArgument", "esx1", new MoRef("HostSystem", "host-12"))));
        EventRecord record = new EventRecord(911, "VmMigratedEvent", null, AT, "", "migrated",
                new EventRecord.EntityRef("app01", new MoRef("VirtualMachine", "vm-42")),
                new EventRecord.EntityRef("esx3", new MoRef("HostSystem", "host-16")),
                new EventRecord.EntityRef("esx3", new MoRef("ComputeResource", "domain-s30")), null, fields);

        VcenterEvent event = VcenterEvents.of(record);

        assertThat(event.cluster()).isNull();
        assertThat(event.vm()).isEqualTo(new EntityRef("vm-42", "app01"));
        assertThat(event.host()).isEqualTo(new EntityRef("host-16", "esx3"));
        assertThat(event.sourceHost()).isEqualTo(new EntityRef("host-12", "esx1"));
    }

    @Test
    void anEventExNamesItsObjectAndAnExtendedEventItsManagedObject() {
        EventRecord eventEx = new EventRecord(912, "EventEx", "com.vmware.vc.HA.DasHostFailedEvent", AT, "", null,
                null, null, null, null, new DataObject("EventEx", Map.of("message", "host failed", "objectId", "host-14",
                        "objectType", "HostSystem", "objectName", "esx2")));
        EventRecord extended = new EventRecord(913, "ExtendedEvent", "com.vmware.vcHms.rpoViolatedEvent", AT, "", null,
                null, null, null, null, new DataObject("ExtendedEvent", Map.of("managedObject",
                        new MoRef("VirtualMachine", "vm-42"), "reason", new DataObject("HmsFault",
                                Map.of("localizedMessage", "link down")))));

        VcenterEvent ex = VcenterEvents.of(eventEx);
        VcenterEvent ext = VcenterEvents.of(extended);

        assertThat(ex.message()).isEqualTo("host failed");
        assertThat(ex.objectType()).isEqualTo("HostSystem");
        assertThat(ex.object()).isEqualTo(new EntityRef("host-14", "esx2"));
        assertThat(ext.objectType()).isEqualTo("VirtualMachine");
        assertThat(ext.object()).isEqualTo(new EntityRef("vm-42", null));
        assertThat(ext.reason()).isEqualTo("HmsFault: link down");
    }

    private static DataObject argument(String type, String name, MoRef ref) {
        return new DataObject(type, Map.of("name", name, "host", ref));
    }
}
