package org.sitewatch.audit.state;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.sitewatch.core.fold.InMemoryEstate;
import org.sitewatch.core.fold.SiteAggregate;
import org.sitewatch.streams.query.Readiness;
import org.sitewatch.streams.query.StoreProvider;
import org.sitewatch.streams.topology.StoreNames;

/**
 * The streams module's {@link StoreProvider} over a replayed {@link InMemoryEstate}, so the views of
 * an instant are rendered by the very code that renders the live REST views. Serves the site and pair
 * aggregates and their lag indexes ({@link EstateIndexes}); any other store is refused loudly, so a
 * view that starts to need one cannot silently render from missing data.
 */
final class EstateStoreProvider implements StoreProvider {

    private final InMemoryEstate estate;
    private final UnaryOperator<SiteAggregate> storedVerdict;
    private final Collection<String> replicationKeys;

    EstateStoreProvider(InMemoryEstate estate, UnaryOperator<SiteAggregate> storedVerdict, Collection<String> replicationKeys) {
        this.estate = estate;
        this.storedVerdict = storedVerdict;
        this.replicationKeys = replicationKeys;
    }

    @Override
    public Readiness readiness() {
        return Readiness.ready("REPLAYED");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String storeName) {
        switch (storeName) {
            case StoreNames.SITE_AGGREGATES:
                Map<String, SiteAggregate> sites = new TreeMap<>();
                estate.sites().forEach((site, agg) -> sites.put(site, storedVerdict.apply(agg)));
                return (ReadOnlyKeyValueStore<K, V>) new MapStore<>(sites);
            case StoreNames.PAIR_AGGREGATES:
                return (ReadOnlyKeyValueStore<K, V>) new MapStore<>(estate.pairs());
            case StoreNames.SITE_LAG_INDEX:
                return (ReadOnlyKeyValueStore<K, V>) new MapStore<>(EstateIndexes.siteLagIndex(estate, replicationKeys));
            case StoreNames.PAIR_INDEX:
                return (ReadOnlyKeyValueStore<K, V>) new MapStore<>(EstateIndexes.pairIndex(estate, replicationKeys));
            default:
                throw new IllegalArgumentException("the audit replay has no store '" + storeName
                        + "': extend EstateStoreProvider to rebuild it from the replayed estate");
        }
    }
}
