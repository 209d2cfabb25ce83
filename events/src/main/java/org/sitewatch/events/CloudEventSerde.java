package org.sitewatch.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for {@link SitewatchEvent} in CloudEvents 1.0 binary mode: the attributes travel as
 * {@code ce_*} headers, {@code content-type: application/json}, and the JSON data is the record
 * value. The CloudEvents SDK does the header work. Reading validates the record against the
 * contract and throws {@link InvalidEventException} with a reason code when it does not fit.
 */
public final class CloudEventSerde implements Serde<SitewatchEvent> {

    public static final String CONTENT_TYPE = "application/json";

    private final EventSerializer serializer = new EventSerializer();
    private final EventDeserializer deserializer = new EventDeserializer();

    @Override
    public Serializer<SitewatchEvent> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<SitewatchEvent> deserializer() {
        return deserializer;
    }

    /** Maps an event to its CloudEvent form (also used by tools that print or export events). */
    public static CloudEvent toCloudEvent(SitewatchEvent event) {
        return CloudEventBuilder.v1()
                .withId(event.id())
                .withSource(event.source())
                .withType(event.type().typeName())
                .withSubject(event.subject())
                .withTime(event.time().atOffset(ZoneOffset.UTC))
                .withDataContentType(CONTENT_TYPE)
                .withData(Json.bytes(event.data()))
                .build();
    }

    /** Maps a CloudEvent back, checking it against the contract. */
    public static SitewatchEvent fromCloudEvent(CloudEvent ce) {
        EventType type = EventType.fromTypeName(ce.getType()).orElseThrow(() -> new InvalidEventException(
                InvalidEventException.Reason.UNKNOWN_TYPE, "unknown event type '" + ce.getType() + "'"));
        CloudEventData payload = ce.getData();
        if (payload == null || payload.toBytes().length == 0) {
            throw new InvalidEventException(InvalidEventException.Reason.NO_DATA,
                    type.typeName() + " event " + ce.getId() + " carries no data");
        }
        if (ce.getTime() == null) {
            throw new InvalidEventException(InvalidEventException.Reason.INVALID_DATA,
                    type.typeName() + " event " + ce.getId() + " has no time attribute");
        }
        return event(ce.getId(), ce.getSource(), type, ce.getSubject(), ce.getTime().toInstant(), payload.toBytes());
    }

    /** The event from its attributes and JSON data, after the contract's checks of the data and the subject. */
    static SitewatchEvent event(String id, URI source, EventType type, String subject, Instant time, byte[] json) {
        EventData data;
        try {
            data = Json.read(json, type.dataClass());
        } catch (IOException | RuntimeException e) {
            throw new InvalidEventException(InvalidEventException.Reason.MALFORMED_DATA,
                    type.typeName() + " data is not valid JSON for its type: " + e.getMessage(), e);
        }
        if (data == null) { // the JSON text "null": valid JSON, but no data
            throw new InvalidEventException(InvalidEventException.Reason.NO_DATA,
                    type.typeName() + " event " + id + " carries the JSON null as its data");
        }
        EventValidator.check(data);
        String expectedSubject = type.subjectOf(data);
        if (!expectedSubject.equals(subject)) {
            throw new InvalidEventException(InvalidEventException.Reason.SUBJECT_MISMATCH,
                    "subject '" + subject + "' does not match the data, expected '" + expectedSubject + "'");
        }
        return new SitewatchEvent(id, source, type, subject, time, data);
    }

    private static final class EventSerializer implements Serializer<SitewatchEvent> {
        private final CloudEventSerializer delegate = new CloudEventSerializer();

        EventSerializer() {
            delegate.configure(Map.of(), false);
        }

        @Override
        public byte[] serialize(String topic, SitewatchEvent event) {
            // Binary mode puts the attributes in headers; a caller without headers would lose them.
            throw new UnsupportedOperationException("CloudEvents binary mode needs record headers");
        }

        @Override
        public byte[] serialize(String topic, Headers headers, SitewatchEvent event) {
            return event == null ? null : delegate.serialize(topic, headers, toCloudEvent(event));
        }
    }

    private static final class EventDeserializer implements Deserializer<SitewatchEvent> {
        private final CloudEventDeserializer delegate = new CloudEventDeserializer();

        @Override
        public SitewatchEvent deserialize(String topic, byte[] data) {
            return deserialize(topic, new RecordHeaders(), data);
        }

        @Override
        public SitewatchEvent deserialize(String topic, Headers headers, byte[] data) {
            SitewatchEvent event = BinaryModeReader.read(headers, data);
            if (event != null) {
                return event;
            }
            // Anything unusual goes the SDK's way, which also names what is wrong.
            CloudEvent ce;
            try {
                ce = delegate.deserialize(topic, headers, data);
            } catch (RuntimeException e) {
                throw new InvalidEventException(InvalidEventException.Reason.NOT_A_CLOUDEVENT,
                        "record is not a CloudEvent in binary mode: " + e.getMessage(), e);
            }
            return fromCloudEvent(ce);
        }
    }
}
