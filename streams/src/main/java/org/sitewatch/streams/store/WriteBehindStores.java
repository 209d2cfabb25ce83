package org.sitewatch.streams.store;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds {@link WriteBehindStore}s over persistent, change-logged RocksDB stores. Kafka Streams' record
 * cache stays off beneath them: the object map does its job without the bytes.
 */
public final class WriteBehindStores {

    private WriteBehindStores() {
    }

    /** A persistent key-value store with string keys, values held as objects up to {@code capacity} per task. */
    public static <V> StoreBuilder<KeyValueStore<String, V>> persistent(String name, Serde<V> valueSerde, int capacity) {
        return new Builder<>(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde),
                capacity, false);
    }

    /**
     * As {@link #persistent}, with every value held in memory (see {@link WriteBehindStore}): for stores with
     * one key per site or site pair, read whole by the views and the periodic re-judging.
     */
    public static <V> StoreBuilder<KeyValueStore<String, V>> resident(String name, Serde<V> valueSerde, int capacity) {
        return new Builder<>(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde),
                capacity, true);
    }

    private static final class Builder<V> implements StoreBuilder<KeyValueStore<String, V>> {
        private final StoreBuilder<KeyValueStore<String, V>> inner;
        private final int capacity;
        private final boolean resident;

        Builder(StoreBuilder<KeyValueStore<String, V>> inner, int capacity, boolean resident) {
            this.inner = inner.withCachingDisabled();
            this.capacity = capacity;
            this.resident = resident;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withCachingEnabled() {
            throw new UnsupportedOperationException(inner.name() + " keeps values as objects; Kafka's byte cache beneath would only add copies");
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withLoggingEnabled(Map<String, String> config) {
            inner.withLoggingEnabled(config);
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withLoggingDisabled() {
            inner.withLoggingDisabled();
            return this;
        }

        @Override
        public KeyValueStore<String, V> build() {
            return new WriteBehindStore<>(inner.build(), capacity, resident);
        }

        @Override
        public Map<String, String> logConfig() {
            return inner.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return inner.loggingEnabled();
        }

        @Override
        public String name() {
            return inner.name();
        }
    }
}
