package org.sitewatch.events;

import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Plain JSON values ({@link Json#MAPPER}: ISO instants, unknown fields ignored) for Sitewatch's derived
 * topics such as {@link Topics#SITE_HEALTH}, and for the streams app's store and repartition values
 * (generic ones through {@link #JsonValueSerde(JavaType)}). Raw event topics use {@link CloudEventSerde}.
 * A null value is a Kafka tombstone both ways.
 */
public final class JsonValueSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final JavaType type;

    public JsonValueSerde(Class<T> type) {
        this(Json.MAPPER.constructType(type));
    }

    /** For generic values, e.g. {@code EntityRecord<VmState>}. */
    public JsonValueSerde(JavaType type) {
        this.type = type;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return data == null ? null : Json.bytes(data);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(data, type);
        } catch (IOException e) {
            throw new SerializationException("cannot read " + type.getRawClass().getSimpleName() + " from " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // nothing to configure; declared because Serde, Serializer and Deserializer all default it
    }

    @Override
    public void close() {
        // nothing to release; declared for the same reason
    }
}
