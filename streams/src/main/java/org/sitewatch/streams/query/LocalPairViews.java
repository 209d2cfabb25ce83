package org.sitewatch.streams.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.PairAggregate;
import org.sitewatch.core.view.PairViewRenderer;
import org.sitewatch.core.view.PairViews.PairSummary;
import org.sitewatch.streams.topology.StoreNames;

/**
 * The pair views of the pairs this instance owns, rendered by the core's {@link PairViewRenderer} from
 * {@code pair-aggregates} and the pair index, with lags at {@code now}. Without the verdict: DR
 * readiness needs both sites' health, which other instances may own, so {@link PairQueryService} adds it.
 */
public final class LocalPairViews {

    private final LocalReads reads;
    private final StoreProvider stores;
    private final PairViewRenderer renderer;

    public LocalPairViews(StoreProvider stores, HealthRules rules) {
        this.stores = stores;
        this.reads = new LocalReads(stores);
        this.renderer = new PairViewRenderer(rules);
    }

    public List<PairSummary> pairs(Instant now) {
        return reads.read(StoreNames.PAIR_AGGREGATES, store -> renderer.unjudged(new StoreEstateReader(stores), now));
    }

    public Optional<PairSummary> pair(String pairKey, Instant now) {
        return reads.read(StoreNames.PAIR_AGGREGATES, store -> renderer.unjudged(new StoreEstateReader(stores), pairKey, now));
    }

    /** The aggregates themselves, for the meters' verdicts. */
    public List<PairAggregate> aggregates() {
        return reads.read(StoreNames.PAIR_AGGREGATES, store -> {
            List<PairAggregate> all = new ArrayList<>();
            new StoreEstateReader(stores).forEachPair(all::add);
            return all;
        });
    }
}
