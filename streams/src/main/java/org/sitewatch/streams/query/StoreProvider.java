package org.sitewatch.streams.query;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Where the views read state stores from: in production the local {@code KafkaStreams} instance
 * ({@link KafkaStreamsStoreProvider}), in tests a {@code TopologyTestDriver}. It is the seam where
 * multi-instance routing will go: a later provider will find the instance that owns a key and ask it.
 */
public interface StoreProvider {

    /** Whether stores can be queried now and, if not, why. */
    Readiness readiness();

    /**
     * A read-only view of a key-value store.
     *
     * @throws NotReadyException when the store cannot be queried now
     */
    <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String storeName);
}
