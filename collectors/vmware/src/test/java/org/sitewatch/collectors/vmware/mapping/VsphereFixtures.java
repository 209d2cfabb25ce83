package org.sitewatch.collectors.vmware.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.sitewatch.events.EventData;
import org.sitewatch.events.EventValidator;
import org.sitewatch.events.SitewatchEvent;

/** Values and builders shared by the mapping tests; ids and names as in the vendor doc's composed fixtures. */
final class VsphereFixtures {

    static final String SITE = "paris-dc1";
    static final Instant CREATED = Instant.parse("2025-03-02T10:17:30.001Z");
    static final EntityRef VM = new EntityRef("vm-42", "app01");
    static final EntityRef HOST = new EntityRef("host-12", "esx01.site-a.example");
    static final EntityRef OTHER_HOST = new EntityRef("host-13", "esx02.site-a.example");
    static final EntityRef CLUSTER = new EntityRef("domain-c8", "CL-A");

    private VsphereFixtures() {
    }

    /** Asserts that {@code data} keeps the contract, as the runtime checks it before publishing. */
    static void assertValid(EventData data) {
        assertThat(EventValidator.problems(data)).as("contract problems of %s", data).isEmpty();
        assertThat(SitewatchEvent.observed(java.net.URI.create("/sitewatch/collectors/vsphere/" + SITE), CREATED, data)
                .subject()).endsWith("/" + SITE + "/" + data.entityId());
    }

    /** A typed event ({@code xsi:type} is its class). */
    static EventBuilder typed(String xsiType) {
        return new EventBuilder(xsiType, null);
    }

    /** An {@code EventEx} with this {@code eventTypeId}. */
    static EventBuilder eventEx(String eventTypeId) {
        return new EventBuilder("EventEx", eventTypeId);
    }

    /** Builds a {@link VcenterEvent}: key 910240, created at {@link #CREATED}, nothing else unless set. */
    static final class EventBuilder {
        private final String xsiType;
        private final String eventTypeId;
        private long key = 910240;
        private Instant created = CREATED;
        private String message;
        private EntityRef vm;
        private EntityRef host;
        private EntityRef cluster;
        private String objectType;
        private EntityRef object;
        private EntityRef sourceHost;
        private EntityRef failedHost;
        private String reason;

        private EventBuilder(String xsiType, String eventTypeId) {
            this.xsiType = xsiType;
            this.eventTypeId = eventTypeId;
        }

        EventBuilder key(long value) {
            key = value;
            return this;
        }

        EventBuilder created(Instant value) {
            created = value;
            return this;
        }

        EventBuilder message(String value) {
            message = value;
            return this;
        }

        EventBuilder vm(EntityRef value) {
            vm = value;
            return this;
        }

        EventBuilder host(EntityRef value) {
            host = value;
            return this;
        }

        EventBuilder cluster(EntityRef value) {
            cluster = value;
            return this;
        }

        EventBuilder object(String type, EntityRef value) {
            objectType = type;
            object = value;
            return this;
        }

        EventBuilder sourceHost(EntityRef value) {
            sourceHost = value;
            return this;
        }

        EventBuilder failedHost(EntityRef value) {
            failedHost = value;
            return this;
        }

        EventBuilder reason(String value) {
            reason = value;
            return this;
        }

        VcenterEvent build() {
            return new VcenterEvent(key, xsiType, eventTypeId, created, message, vm, host, cluster, objectType,
                    object, sourceHost, failedHost, reason);
        }
    }
}
