package org.sitewatch.streams.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.sitewatch.core.fold.Counters;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.PairAggregate;
import org.sitewatch.core.fold.ReplicationRules;
import org.sitewatch.core.fold.SiteHealthViews;
import org.sitewatch.streams.query.PairViews.PairSummary;
import org.sitewatch.streams.topology.IndexKeys;
import org.sitewatch.streams.topology.StoreNames;

/**
 * The pair views of the pairs this instance owns, from {@code pair-aggregates} and the pair index, with
 * lags at {@code now}. Without the verdict: DR readiness needs both sites' health, which other
 * instances may own, so {@link PairQueryService} adds it.
 */
public final class LocalPairViews {

    private final LocalReads reads;
    private final StoreProvider stores;
    private final HealthRules rules;

    public LocalPairViews(StoreProvider stores, HealthRules rules) {
        this.stores = stores;
        this.reads = new LocalReads(stores);
        this.rules = rules;
    }

    public List<PairSummary> pairs(Instant now) {
        return reads.<String, PairAggregate, List<PairSummary>>read(StoreNames.PAIR_AGGREGATES, store -> {
            ReadOnlyKeyValueStore<String, String> index = stores.keyValueStore(StoreNames.PAIR_INDEX);
            List<PairSummary> all = new ArrayList<>();
            try (KeyValueIterator<String, PairAggregate> it = store.all()) {
                it.forEachRemaining(kv -> all.add(summary(kv.value, index, now)));
            }
            return all;
        });
    }

    public Optional<PairSummary> pair(String pairKey, Instant now) {
        return reads.<String, PairAggregate, Optional<PairSummary>>read(StoreNames.PAIR_AGGREGATES, store -> {
            ReadOnlyKeyValueStore<String, String> index = stores.keyValueStore(StoreNames.PAIR_INDEX);
            return Optional.ofNullable(store.get(pairKey)).map(agg -> summary(agg, index, now));
        });
    }

    private PairSummary summary(PairAggregate agg, ReadOnlyKeyValueStore<String, String> index, Instant now) {
        String key = agg.pair();
        ReplicationRules pairRules = rules.forPair(agg.sitePair());
        Long worst = LagIndex.worstLagSeconds(index, key, now);
        Long p95 = LagIndex.p95LagSeconds(index, key, agg.count(Counters.REPLICATION_LAG_TRACKED), now);
        return new PairSummary(key, agg.source(), agg.target(), null, null, null, null, now, agg.lastEventTime(),
                SiteHealthViews.replication(agg.counts(), worst), p95,
                LagIndex.newest(index, key, IndexKeys.TEST), LagIndex.oldest(index, key, IndexKeys.TEST),
                pairRules.testFailoverMaxAgeDays(), pairRules.requireTestFailover());
    }

    /** The aggregates themselves, for the meters' verdicts. */
    public List<PairAggregate> aggregates() {
        return reads.<String, PairAggregate, List<PairAggregate>>read(StoreNames.PAIR_AGGREGATES, store -> {
            List<PairAggregate> all = new ArrayList<>();
            try (KeyValueIterator<String, PairAggregate> it = store.all()) {
                it.forEachRemaining(kv -> all.add(kv.value));
            }
            return all;
        });
    }
}
