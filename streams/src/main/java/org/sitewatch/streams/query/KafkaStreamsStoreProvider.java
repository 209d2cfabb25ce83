package org.sitewatch.streams.query;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Stores of the local {@link KafkaStreams} instance, queryable only while it is RUNNING (then all its
 * tasks are restored). Known limit: one instance only; with several, each sees only its partitions.
 */
public final class KafkaStreamsStoreProvider implements StoreProvider {

    private final KafkaStreams streams;

    public KafkaStreamsStoreProvider(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public Readiness readiness() {
        KafkaStreams.State state = streams.state();
        return switch (state) {
            case RUNNING -> Readiness.ready(state.name());
            case CREATED -> Readiness.notReady(state.name(), "not started yet");
            case REBALANCING -> Readiness.notReady(state.name(), "partitions are being assigned and state restored");
            case PENDING_SHUTDOWN, NOT_RUNNING -> Readiness.notReady(state.name(), "shutting down or stopped");
            case PENDING_ERROR, ERROR -> Readiness.notReady(state.name(), "stopped after an error, see the logs");
        };
    }

    @Override
    public <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String storeName) {
        Readiness readiness = readiness();
        if (!readiness.ready()) {
            throw new NotReadyException(readiness);
        }
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new NotReadyException(Readiness.notReady(streams.state().name(), e.getMessage()), e);
        }
    }
}
