package org.sitewatch.streams.query;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Where the views read this instance's state stores from: in production the local {@code KafkaStreams}
 * instance ({@link KafkaStreamsStoreProvider}), in tests a {@code TopologyTestDriver}. Other instances'
 * stores are reached through {@link Routing} and {@link RemoteViews}, never through this.
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
