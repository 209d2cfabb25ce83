package org.sitewatch.core.view;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.Problem;
import org.sitewatch.core.fold.SiteAggregate;
import org.sitewatch.core.fold.SiteHealth;
import org.sitewatch.core.fold.SiteHealthEvaluator;
import org.sitewatch.core.fold.SiteHealthViews;
import org.sitewatch.core.index.LagIndex;
import org.sitewatch.core.view.SiteViews.ProblemView;
import org.sitewatch.core.view.SiteViews.SiteDetail;
import org.sitewatch.core.view.SiteViews.SiteSummary;

/**
 * Renders the site views ({@code GET /api/sites}, {@code /api/sites/{site}}) of the sites an
 * {@link EstateReader} holds, judging each site (and lags, staleness) at one instant. The summaries
 * come in the reader's order; whoever merges parts of several readers sorts them ({@link #sorted}).
 */
public final class SiteViewRenderer {

    private final HealthRules rules;

    public SiteViewRenderer(HealthRules rules) {
        this.rules = rules;
    }

    /** The summaries of every site the reader holds, in the reader's order. */
    public List<SiteSummary> summaries(EstateReader estate, Instant now) {
        List<SiteSummary> all = new ArrayList<>();
        estate.forEachSite(agg -> all.add(summary(agg, worstLag(estate, agg.site(), now), now)));
        return all;
    }

    /** The site list as one instance holding every site answers it: sorted by site. */
    public SiteViews.SiteList list(EstateReader estate, Instant now) {
        return new SiteViews.SiteList(now, sorted(summaries(estate, now)));
    }

    /** Empty when the reader holds no such site. */
    public Optional<SiteDetail> detail(EstateReader estate, String site, Instant now) {
        return estate.site(site).map(agg -> detail(agg, worstLag(estate, site, now), now));
    }

    /** The order of the site list. */
    public static List<SiteSummary> sorted(List<SiteSummary> summaries) {
        List<SiteSummary> all = new ArrayList<>(summaries);
        all.sort(Comparator.comparing(SiteSummary::site));
        return all;
    }

    /** @param worstLagSeconds from the site's lag index at {@code now}, null when no item has a recovery point */
    public SiteSummary summary(SiteAggregate agg, Long worstLagSeconds, Instant now) {
        SiteHealth health = SiteHealthEvaluator.evaluate(agg, now, rules);
        Instant since = health.sameVerdict(agg.health()) ? agg.health().asOf() : now;
        return new SiteSummary(agg.site(), SiteHealthViews.location(agg), health.status(), health.reasons(), now, since,
                agg.lastEventTime(), SiteHealthViews.counts(agg, worstLagSeconds),
                SiteHealthViews.collectors(agg, now, rules.forSite(agg.site())), agg.problemCount());
    }

    public SiteDetail detail(SiteAggregate agg, Long worstLagSeconds, Instant now) {
        SiteSummary s = summary(agg, worstLagSeconds, now);
        List<ProblemView> problems = agg.problems().entrySet().stream()
                .map(e -> problem(e.getKey(), e.getValue(), now))
                .sorted(Comparator.comparing(ProblemView::severity).reversed()
                        .thenComparing(ProblemView::since, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(ProblemView::subject))
                .toList();
        return new SiteDetail(s.site(), s.location(), s.status(), s.reasons(), s.asOf(), s.since(), s.lastEventTime(),
                s.counts(), s.collectors(), s.problemCount(), problems, agg.problemsNotListed(), agg.recentHaActions());
    }

    private static Long worstLag(EstateReader estate, String site, Instant now) {
        return LagIndex.worstLagSeconds(estate.siteLagIndex(), site, now);
    }

    private static ProblemView problem(String key, Problem p, Instant now) {
        return new ProblemView(key, p.kind(), p.entityId(), p.name(), p.severity(), p.reason(), p.since(),
                p.lastRecoveryPoint(), p.targetRpoSeconds(), lagSeconds(p, now), p.outsideRpo());
    }

    static Long lagSeconds(Problem p, Instant now) {
        return p.lastRecoveryPoint() == null ? null : Math.max(0, Duration.between(p.lastRecoveryPoint(), now).toSeconds());
    }
}
