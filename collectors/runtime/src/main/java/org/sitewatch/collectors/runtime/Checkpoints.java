package org.sitewatch.collectors.runtime;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.sitewatch.collectors.spi.CheckpointStore;

/**
 * Every endpoint's checkpoints as last committed, in memory: read once from the checkpoint topic
 * at start-up ({@link KafkaCheckpointLoader}) and kept current as the runtime commits new ones.
 * Keys are {@code <collector id>/<key>}; {@link #forEndpoint} gives one endpoint its own view.
 *
 * <p>Thread-safe. Limits: everything is held in memory; the values are meant to be small.
 */
public final class Checkpoints {

    private final NavigableMap<String, String> values = new ConcurrentSkipListMap<>();

    private Checkpoints(Map<String, String> initial) {
        values.putAll(initial);
    }

    /** No checkpoints: a first start, or a sink that cannot store them (they then last as long as the process). */
    public static Checkpoints empty() {
        return new Checkpoints(Map.of());
    }

    public static Checkpoints of(Map<String, String> values) {
        return new Checkpoints(values);
    }

    public Optional<String> get(String fullKey) {
        return Optional.ofNullable(values.get(fullKey));
    }

    /** Every entry whose key starts with {@code prefix}, in key order. */
    public Map<String, String> withPrefix(String prefix) {
        return Map.copyOf(values.subMap(prefix, true, prefix + Character.MAX_VALUE, false));
    }

    /** Applies writes that were committed. */
    public void apply(List<CheckpointRecord> committed) {
        for (CheckpointRecord record : committed) {
            if (record.isDelete()) {
                values.remove(record.key());
            } else {
                values.put(record.key(), record.value());
            }
        }
    }

    public int size() {
        return values.size();
    }

    /** The prefix of one endpoint's keys. */
    static String prefixOf(String collectorId) {
        return collectorId + "/";
    }

    /**
     * One endpoint's view for its source: keys under {@code <collector id>/source/}, so what a
     * source stores can never collide with the runtime's own keys (history cursor, entity states).
     * A put is written through {@code writer} (the sink) and visible at once.
     */
    CheckpointStore forSource(String collectorId, CheckpointWriter writer) {
        String prefix = prefixOf(collectorId) + "source/";
        return new CheckpointStore() {
            @Override
            public Optional<String> get(String key) {
                return Checkpoints.this.get(prefix + Objects.requireNonNull(key, "key"));
            }

            @Override
            public void put(String key, String value) {
                write(CheckpointRecord.put(prefix + Objects.requireNonNull(key, "key"), value));
            }

            @Override
            public void remove(String key) {
                write(CheckpointRecord.delete(prefix + Objects.requireNonNull(key, "key")));
            }

            private void write(CheckpointRecord record) {
                apply(List.of(record));
                writer.write(record);
            }
        };
    }

    /** Where a source's own checkpoint writes go (the endpoint's publisher). */
    @FunctionalInterface
    interface CheckpointWriter {
        void write(CheckpointRecord record);
    }
}
