package org.sitewatch.streams.query;

import com.fasterxml.jackson.databind.JavaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sitewatch.events.Json;
import org.sitewatch.events.SiteHealthView.ReplicationCounts;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.HealthStatus;
import org.sitewatch.core.fold.PairVerdict;
import org.sitewatch.core.fold.SitePair;
import org.sitewatch.core.view.PairViewRenderer;
import org.sitewatch.core.view.PairViews.PairList;
import org.sitewatch.core.view.PairViews.PairSummary;
import org.sitewatch.streams.topology.StoreNames;

/**
 * The site-pair views across instances, with DR readiness: pairs from the instances owning them, the
 * sites' health from {@link SiteQueryService}, the verdict from the core's {@link PairViewRenderer} on
 * the instance that answers the client.
 */
public class PairQueryService {

    private static final JavaType PAIR_LIST = Json.MAPPER.constructType(PairList.class);
    private static final JavaType PAIR_SUMMARY = Json.MAPPER.constructType(PairSummary.class);

    private final LocalPairViews local;
    private final SiteQueryService sites;
    private final QueryRouter router;
    private final PairViewRenderer renderer;
    private final Clock clock;

    public PairQueryService(LocalPairViews local, SiteQueryService sites, QueryRouter router, HealthRules rules, Clock clock) {
        this.local = local;
        this.sites = sites;
        this.router = router;
        this.renderer = new PairViewRenderer(rules);
        this.clock = clock;
    }

    /** @param localOnly this instance's pairs only, without verdicts (the part another instance asked for) */
    public PairList pairs(boolean localOnly, Instant asOf) {
        Instant now = asOf != null ? asOf : clock.instant();
        if (localOnly) {
            return router.localPart(StoreNames.PAIR_AGGREGATES, () -> new PairList(now, local.pairs(now)));
        }
        String path = "/api/site-pairs" + new QueryString().add("local", true).add("asOf", now);
        List<PairList> parts = router.everywhere(StoreNames.PAIR_AGGREGATES, () -> new PairList(now, local.pairs(now)),
                path, PAIR_LIST);
        List<PairSummary> unjudged = new ArrayList<>();
        parts.forEach(p -> unjudged.addAll(p.pairs()));
        return renderer.judgedList(now, unjudged, statuses(now));
    }

    public PairSummary pair(String source, String target, boolean localOnly, Instant asOf) {
        Instant now = asOf != null ? asOf : clock.instant();
        String key = SitePair.key(source, target);
        if (localOnly) {
            router.requireLocalOwner(StoreNames.PAIR_AGGREGATES, key);
            return local.pair(key, now).orElseThrow(() -> unknown(key));
        }
        String path = "/api/site-pairs/" + QueryString.encode(source) + "/" + QueryString.encode(target)
                + new QueryString().add("local", true).add("asOf", now);
        PairSummary summary = router.atOwner(StoreNames.PAIR_AGGREGATES, key,
                () -> local.pair(key, now).orElseThrow(() -> unknown(key)), path, PAIR_SUMMARY);
        return renderer.judged(summary, statuses(now));
    }

    /** Every site's status at {@code now}, from all instances. */
    public Map<String, HealthStatus> statuses(Instant now) {
        return PairViewRenderer.statuses(sites.sites(false, now).sites());
    }

    /** The DR verdict of a pair given its counts and the sites' statuses (also used by the meters). */
    public PairVerdict verdict(SitePair pair, ReplicationCounts items, Map<String, HealthStatus> statuses) {
        return renderer.verdict(pair, items, statuses);
    }

    private static NotFoundException unknown(String key) {
        return new NotFoundException("unknown site pair '" + key + "': no replicated item has been seen for it");
    }
}
