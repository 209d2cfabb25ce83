package org.sitewatch.streams.query;

import java.util.function.Function;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads this instance's stores only while they are ready, and checks again after reading: if a
 * rebalance began meanwhile the answer might be partial, so it throws {@link NotReadyException}
 * instead of returning it.
 */
public final class LocalReads {

    private final StoreProvider stores;

    public LocalReads(StoreProvider stores) {
        this.stores = stores;
    }

    public <K, V, T> T read(String storeName, Function<ReadOnlyKeyValueStore<K, V>, T> query) {
        requireReady();
        T answer;
        try {
            answer = query.apply(stores.keyValueStore(storeName));
        } catch (InvalidStateStoreException e) {
            throw new NotReadyException(Readiness.notReady(stores.readiness().state(), e.getMessage()), e);
        }
        requireReady();
        return answer;
    }

    public void requireReady() {
        Readiness now = stores.readiness();
        if (!now.ready()) {
            throw new NotReadyException(now);
        }
    }
}
