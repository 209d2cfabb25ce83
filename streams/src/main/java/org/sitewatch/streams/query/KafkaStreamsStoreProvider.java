package org.sitewatch.streams.query;

import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Stores of the local {@link KafkaStreams} instance, queryable only while it is RUNNING and nothing is
 * being restored (see {@link RestorationTracker}). Only active, up-to-date stores are read: stale
 * (standby) stores are never enabled. This instance sees only the partitions it owns; {@link Routing}
 * finds the others.
 */
public final class KafkaStreamsStoreProvider implements StoreProvider {

    private final Supplier<KafkaStreams> streams;
    private final RestorationTracker restoration;

    /** @param streams the instance, or null while it is not created yet */
    public KafkaStreamsStoreProvider(Supplier<KafkaStreams> streams, RestorationTracker restoration) {
        this.streams = streams;
        this.restoration = restoration;
    }

    @Override
    public Readiness readiness() {
        KafkaStreams ks = streams.get();
        if (ks == null) {
            return Readiness.notReady("CREATED", "not started yet");
        }
        KafkaStreams.State state = ks.state();
        return switch (state) {
            case RUNNING -> restoration.restoring()
                    ? Readiness.notReady(state.name(), restoration.count() + " store partitions are being restored")
                    : Readiness.ready(state.name());
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
            return streams.get().store(StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new NotReadyException(Readiness.notReady(streams.get().state().name(), e.getMessage()), e);
        }
    }
}
