package org.sitewatch.streams.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.SiteAggregate;
import org.sitewatch.streams.query.SiteViews.SiteDetail;
import org.sitewatch.streams.query.SiteViews.SiteSummary;
import org.sitewatch.streams.topology.StoreNames;

/**
 * The site views of the sites this instance owns, from {@code site-aggregates} and the site lag index
 * (same task, so always on the same instance). Also what the per-site meters read: each instance
 * publishes the meters of its own sites only.
 */
public final class LocalSiteViews {

    private final LocalReads reads;
    private final StoreProvider stores;
    private final SiteViewMapper mapper;

    public LocalSiteViews(StoreProvider stores, HealthRules rules) {
        this.stores = stores;
        this.reads = new LocalReads(stores);
        this.mapper = new SiteViewMapper(rules);
    }

    public List<SiteSummary> sites(Instant now) {
        return reads.<String, SiteAggregate, List<SiteSummary>>read(StoreNames.SITE_AGGREGATES, store -> {
            ReadOnlyKeyValueStore<String, String> index = stores.keyValueStore(StoreNames.SITE_LAG_INDEX);
            List<SiteSummary> all = new ArrayList<>();
            try (KeyValueIterator<String, SiteAggregate> it = store.all()) {
                it.forEachRemaining(kv -> all.add(mapper.summary(kv.value, LagIndex.worstLagSeconds(index, kv.key, now), now)));
            }
            return all;
        });
    }

    public Optional<SiteDetail> site(String site, Instant now) {
        return reads.<String, SiteAggregate, Optional<SiteDetail>>read(StoreNames.SITE_AGGREGATES, store -> {
            ReadOnlyKeyValueStore<String, String> index = stores.keyValueStore(StoreNames.SITE_LAG_INDEX);
            return Optional.ofNullable(store.get(site))
                    .map(agg -> mapper.detail(agg, LagIndex.worstLagSeconds(index, site, now), now));
        });
    }

    /** The aggregates themselves (meters list outside-RPO items from their problems). */
    public List<SiteAggregate> aggregates() {
        return reads.<String, SiteAggregate, List<SiteAggregate>>read(StoreNames.SITE_AGGREGATES, store -> {
            List<SiteAggregate> all = new ArrayList<>();
            try (KeyValueIterator<String, SiteAggregate> it = store.all()) {
                it.forEachRemaining(kv -> all.add(kv.value));
            }
            return all;
        });
    }
}
