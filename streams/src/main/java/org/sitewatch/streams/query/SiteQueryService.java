package org.sitewatch.streams.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.sitewatch.streams.fold.HealthRules;
import org.sitewatch.streams.fold.SiteAggregate;
import org.sitewatch.streams.query.SiteViews.SiteDetail;
import org.sitewatch.streams.query.SiteViews.SiteList;
import org.sitewatch.streams.query.SiteViews.SiteSummary;
import org.sitewatch.streams.topology.StoreNames;

/**
 * Answers the site views from the {@code site-aggregates} store, judging health at the clock's now.
 * It answers only while the stores are ready, and checks again after reading: if a rebalance began
 * meanwhile the answer might be partial, so it throws {@link NotReadyException} instead.
 *
 * <p>Known limit: one instance. With several, {@link #site} will ask the instance owning the site's
 * key (via {@link StoreProvider}) and {@link #sites} will gather from all instances.
 */
public class SiteQueryService {

    private final StoreProvider stores;
    private final SiteViewMapper mapper;
    private final Clock clock;

    public SiteQueryService(StoreProvider stores, HealthRules rules, Clock clock) {
        this.stores = stores;
        this.mapper = new SiteViewMapper(rules);
        this.clock = clock;
    }

    public SiteList sites() {
        Instant now = clock.instant();
        List<SiteSummary> sites = read(store -> {
            List<SiteSummary> all = new ArrayList<>();
            try (KeyValueIterator<String, SiteAggregate> it = store.all()) {
                it.forEachRemaining(kv -> all.add(mapper.summary(kv.value, now)));
            }
            return all;
        });
        return new SiteList(now, sites);
    }

    public Optional<SiteDetail> site(String site) {
        Instant now = clock.instant();
        return read(store -> Optional.ofNullable(store.get(site)).map(agg -> mapper.detail(agg, now)));
    }

    private <T> T read(Function<ReadOnlyKeyValueStore<String, SiteAggregate>, T> query) {
        Readiness before = stores.readiness();
        if (!before.ready()) {
            throw new NotReadyException(before);
        }
        T answer;
        try {
            answer = query.apply(stores.keyValueStore(StoreNames.SITE_AGGREGATES));
        } catch (InvalidStateStoreException e) {
            throw new NotReadyException(Readiness.notReady(stores.readiness().state(), e.getMessage()), e);
        }
        Readiness after = stores.readiness();
        if (!after.ready()) {
            throw new NotReadyException(after);
        }
        return answer;
    }
}
