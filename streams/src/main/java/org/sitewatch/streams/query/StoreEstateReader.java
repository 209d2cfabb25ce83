package org.sitewatch.streams.query;

import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.sitewatch.core.fold.EntityKind;
import org.sitewatch.core.fold.EntityRecord;
import org.sitewatch.core.fold.PairAggregate;
import org.sitewatch.core.fold.SiteAggregate;
import org.sitewatch.core.index.LagIndexReader;
import org.sitewatch.core.view.EstateReader;
import org.sitewatch.events.EventData;
import org.sitewatch.streams.topology.StoreNames;

/**
 * The core's {@link EstateReader} over this instance's state stores: the partitions it owns, no more
 * (routing and merging the parts of several instances is {@link QueryRouter}'s job). Callers read
 * through {@link LocalReads}, which turns a store that cannot be read now into a 503. With a site,
 * entity lists read only that site's keys ({@code <site>/} prefix scan); without, the whole local
 * store, the known cost of unfiltered lists (about a second per million entries). One reader per
 * query: it keeps the index stores it looked up.
 */
final class StoreEstateReader implements EstateReader {

    private static final StringSerializer KEYS = new StringSerializer();

    private final StoreProvider stores;
    // Looked up once per reader (one query), not once per site or pair.
    private LagIndexReader siteLagIndex;
    private LagIndexReader pairIndex;

    StoreEstateReader(StoreProvider stores) {
        this.stores = stores;
    }

    @Override
    public Optional<SiteAggregate> site(String site) {
        return Optional.ofNullable(this.<SiteAggregate>store(StoreNames.SITE_AGGREGATES).get(site));
    }

    @Override
    public void forEachSite(Consumer<SiteAggregate> visitor) {
        try (KeyValueIterator<String, SiteAggregate> it = this.<SiteAggregate>store(StoreNames.SITE_AGGREGATES).all()) {
            it.forEachRemaining(kv -> visitor.accept(kv.value));
        }
    }

    @Override
    public Optional<PairAggregate> pair(String pairKey) {
        return Optional.ofNullable(this.<PairAggregate>store(StoreNames.PAIR_AGGREGATES).get(pairKey));
    }

    @Override
    public void forEachPair(Consumer<PairAggregate> visitor) {
        try (KeyValueIterator<String, PairAggregate> it = this.<PairAggregate>store(StoreNames.PAIR_AGGREGATES).all()) {
            it.forEachRemaining(kv -> visitor.accept(kv.value));
        }
    }

    @Override
    public <D extends EventData> void forEachEntity(EntityKind kind, String site, Consumer<EntityRecord<D>> visitor) {
        ReadOnlyKeyValueStore<String, EntityRecord<D>> store = store(StoreNames.forKind(kind));
        try (KeyValueIterator<String, EntityRecord<D>> it = site == null ? store.all() : store.prefixScan(site + "/", KEYS)) {
            it.forEachRemaining(kv -> visitor.accept(kv.value));
        }
    }

    @Override
    public LagIndexReader siteLagIndex() {
        if (siteLagIndex == null) {
            siteLagIndex = new StoreLagIndex(stores.keyValueStore(StoreNames.SITE_LAG_INDEX));
        }
        return siteLagIndex;
    }

    @Override
    public LagIndexReader pairIndex() {
        if (pairIndex == null) {
            pairIndex = new StoreLagIndex(stores.keyValueStore(StoreNames.PAIR_INDEX));
        }
        return pairIndex;
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return stores.keyValueStore(name);
    }
}
