package org.sitewatch.core.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sitewatch.core.fold.Counters;
import org.sitewatch.core.fold.DrReadinessEvaluator;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.HealthStatus;
import org.sitewatch.core.fold.PairAggregate;
import org.sitewatch.core.fold.PairVerdict;
import org.sitewatch.core.fold.ReplicationRules;
import org.sitewatch.core.fold.SiteHealthViews;
import org.sitewatch.core.fold.SitePair;
import org.sitewatch.core.index.IndexKeys;
import org.sitewatch.core.index.LagIndex;
import org.sitewatch.core.index.LagIndexReader;
import org.sitewatch.core.view.PairViews.PairList;
import org.sitewatch.core.view.PairViews.PairSummary;
import org.sitewatch.core.view.SiteViews.SiteSummary;
import org.sitewatch.events.SiteHealthView.ReplicationCounts;

/**
 * Renders the site-pair views ({@code GET /api/site-pairs}, {@code /api/site-pairs/{source}/{target}})
 * in two steps, because a pair and its two sites may live in different places: {@link #unjudged}
 * summaries (counts and lags at an instant) from the reader holding the pair, then {@link #judged}
 * with the DR-readiness verdict once every site's status is known.
 */
public final class PairViewRenderer {

    private final HealthRules rules;

    public PairViewRenderer(HealthRules rules) {
        this.rules = rules;
    }

    /** The pairs the reader holds, without verdicts, in the reader's order. */
    public List<PairSummary> unjudged(EstateReader estate, Instant now) {
        List<PairSummary> all = new ArrayList<>();
        estate.forEachPair(agg -> all.add(unjudged(agg, estate.pairIndex(), now)));
        return all;
    }

    /** One pair without its verdict; empty when the reader holds no such pair. */
    public Optional<PairSummary> unjudged(EstateReader estate, String pairKey, Instant now) {
        return estate.pair(pairKey).map(agg -> unjudged(agg, estate.pairIndex(), now));
    }

    /** The pair list as one instance holding every site and pair answers it: judged, sorted by pair. */
    public PairList list(EstateReader estate, SiteViewRenderer sites, Instant now) {
        return judgedList(now, unjudged(estate, now), statuses(sites.summaries(estate, now)));
    }

    /** Merged parts judged with every site's status, sorted by pair. */
    public PairList judgedList(Instant now, List<PairSummary> unjudged, Map<String, HealthStatus> statuses) {
        List<PairSummary> all = new ArrayList<>();
        unjudged.forEach(s -> all.add(judged(s, statuses)));
        all.sort(Comparator.comparing(PairSummary::pair));
        return new PairList(now, all);
    }

    /** Each site's status, keyed by site. */
    public static Map<String, HealthStatus> statuses(List<SiteSummary> sites) {
        Map<String, HealthStatus> statuses = new HashMap<>();
        for (SiteSummary s : sites) {
            statuses.put(s.site(), s.status());
        }
        return statuses;
    }

    /** The DR verdict of a pair given its counts and the sites' statuses (also used by the meters). */
    public PairVerdict verdict(SitePair pair, ReplicationCounts items, Map<String, HealthStatus> statuses) {
        return DrReadinessEvaluator.evaluate(pair, items, statuses.get(pair.source()), statuses.get(pair.target()),
                rules.forPair(pair));
    }

    public PairSummary judged(PairSummary s, Map<String, HealthStatus> statuses) {
        PairVerdict verdict = verdict(new SitePair(s.source(), s.target()), s.items(), statuses);
        return s.withVerdict(verdict, statuses.get(s.source()), statuses.get(s.target()));
    }

    private PairSummary unjudged(PairAggregate agg, LagIndexReader index, Instant now) {
        String key = agg.pair();
        ReplicationRules pairRules = rules.forPair(agg.sitePair());
        Long worst = LagIndex.worstLagSeconds(index, key, now);
        Long p95 = LagIndex.p95LagSeconds(index, key, agg.count(Counters.REPLICATION_LAG_TRACKED), now);
        return new PairSummary(key, agg.source(), agg.target(), null, null, null, null, now, agg.lastEventTime(),
                SiteHealthViews.replication(agg.counts(), worst), p95,
                LagIndex.newest(index, key, IndexKeys.TEST), LagIndex.oldest(index, key, IndexKeys.TEST),
                pairRules.testFailoverMaxAgeDays(), pairRules.requireTestFailover());
    }
}
