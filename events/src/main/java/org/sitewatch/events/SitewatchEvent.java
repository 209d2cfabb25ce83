package org.sitewatch.events;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One event of the contract: the CloudEvents attributes Sitewatch uses plus the typed data.
 * On Kafka it travels in CloudEvents binary mode (see {@link CloudEventSerde}).
 *
 * @param id deterministic for a given observation, so a re-sent event is recognised as a duplicate
 * @param source the collector and endpoint, e.g. {@code /sitewatch/collectors/proxmox/paris-dc1}
 * @param time when the vendor observed the state (event time), not when it was published
 */
public record SitewatchEvent(String id, URI source, EventType type, String subject, Instant time, EventData data) {

    public SitewatchEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (!type.dataClass().isInstance(data)) {
            throw new IllegalArgumentException(type.typeName() + " cannot carry " + data.getClass().getSimpleName());
        }
    }

    /** An observation made by a collector, with an id derived from what was observed and when. */
    public static SitewatchEvent observed(URI source, Instant time, EventData data) {
        EventType type = EventType.of(data);
        String subject = type.subjectOf(data);
        return new SitewatchEvent(EventIds.forObservation(source, type, subject, time, data), source, type, subject, time, data);
    }

    /** An event the vendor itself identified: its own event id is kept as the CloudEvents id. */
    public static SitewatchEvent fromVendorEvent(String vendorEventId, URI source, Instant time, EventData data) {
        EventType type = EventType.of(data);
        return new SitewatchEvent(vendorEventId, source, type, type.subjectOf(data), time, data);
    }

    /** The Kafka record key, {@code <site>/<entity id>}. */
    public String key() {
        return data.key();
    }

    public String site() {
        return data.site();
    }

    public <T extends EventData> T dataAs(Class<T> dataClass) {
        return dataClass.cast(data);
    }
}
