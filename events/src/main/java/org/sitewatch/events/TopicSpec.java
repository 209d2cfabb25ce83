package org.sitewatch.events;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * One topic of the catalogue: its name bound to its key and value serdes, its default partition
 * count and its topic-level configs (cleanup policy, retention). Immutable.
 */
public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions,
                              Map<String, String> configs) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1");
        }
        configs = Map.copyOf(configs);
    }

    @Override
    public String toString() {
        return name;
    }
}
