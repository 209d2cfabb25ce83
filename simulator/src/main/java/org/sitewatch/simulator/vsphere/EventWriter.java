package org.sitewatch.simulator.vsphere;

import javax.xml.stream.XMLStreamException;

/**
 * Writes an event as vCenter does ({@code <returnval xsi:type="VmPoweredOnEvent">}): the base
 * {@code Event} fields in schema order (key, chainId, createdTime, userName, the datacenter,
 * compute resource, host and VM arguments, fullFormattedMessage), then the class's own fields
 * ({@code template} and {@code sourceHost} of VM events; {@code eventTypeId}, {@code severity} and
 * the object of an {@code EventEx}).
 */
final class EventWriter {

    private final String datacenter;
    private final String cluster;

    EventWriter(String datacenter, String cluster) {
        this.datacenter = datacenter;
        this.cluster = cluster;
    }

    void write(SoapWriter out, String element, VcEvent e) throws XMLStreamException {
        out.start(element, e.xsiType())
                .text("key", e.key())
                .text("chainId", e.key())
                .text("createdTime", e.createdTime())
                .text("userName", "");
        argument(out, "datacenter", new VcEvent.Entity(datacenter, VimIds.DATACENTER_REF));
        argument(out, "computeResource", new VcEvent.Entity(cluster, VimIds.CLUSTER_REF));
        argument(out, "host", e.host());
        argument(out, "vm", e.vm());
        out.text("fullFormattedMessage", e.message());
        if (e.xsiType().startsWith("Vm")) {
            out.text("template", false);
            argument(out, "sourceHost", e.sourceHost());
        }
        if (e.eventTypeId() != null) {
            out.text("eventTypeId", e.eventTypeId()).text("severity", e.severity());
            if (e.object() != null) {
                out.text("objectId", e.object().ref().value())
                        .text("objectType", e.object().ref().type())
                        .text("objectName", e.object().name());
            }
        }
        out.end();
    }

    /** {@code <host><name>esx01</name><host type="HostSystem">host-12</host></host>}; nothing for null. */
    private static void argument(SoapWriter out, String element, VcEvent.Entity entity) throws XMLStreamException {
        if (entity == null) {
            return;
        }
        out.start(element).text("name", entity.name());
        if (entity.ref() != null) {
            out.ref(element.equals("sourceHost") ? "host" : element, entity.ref());
        }
        out.end();
    }
}
