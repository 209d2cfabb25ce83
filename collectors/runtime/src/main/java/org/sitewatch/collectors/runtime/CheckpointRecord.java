package org.sitewatch.collectors.runtime;

import java.util.Objects;

/**
 * One write to the checkpoint topic: {@code key} is the full key, {@code <collector id>/<key>};
 * a null {@code value} deletes the key (a Kafka tombstone on the compacted topic).
 */
public record CheckpointRecord(String key, String value) {

    public CheckpointRecord {
        Objects.requireNonNull(key, "key");
    }

    public static CheckpointRecord put(String key, String value) {
        return new CheckpointRecord(key, Objects.requireNonNull(value, "value"));
    }

    public static CheckpointRecord delete(String key) {
        return new CheckpointRecord(key, null);
    }

    public boolean isDelete() {
        return value == null;
    }
}
