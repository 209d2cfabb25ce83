package org.sitewatch.streams.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.Problem;
import org.sitewatch.core.fold.SiteAggregate;
import org.sitewatch.core.fold.SiteHealth;
import org.sitewatch.core.fold.SiteHealthEvaluator;
import org.sitewatch.core.fold.SiteHealthViews;
import org.sitewatch.streams.query.SiteViews.ProblemView;
import org.sitewatch.streams.query.SiteViews.SiteDetail;
import org.sitewatch.streams.query.SiteViews.SiteSummary;

/** Turns a site aggregate into its views, judging the site (and lags, staleness) at one instant. */
final class SiteViewMapper {

    private final HealthRules rules;

    SiteViewMapper(HealthRules rules) {
        this.rules = rules;
    }

    /** @param worstLagSeconds from the site's lag index at {@code now}, null when no item has a recovery point */
    SiteSummary summary(SiteAggregate agg, Long worstLagSeconds, Instant now) {
        SiteHealth health = SiteHealthEvaluator.evaluate(agg, now, rules);
        Instant since = health.sameVerdict(agg.health()) ? agg.health().asOf() : now;
        return new SiteSummary(agg.site(), health.status(), health.reasons(), now, since, agg.lastEventTime(),
                SiteHealthViews.counts(agg, worstLagSeconds), SiteHealthViews.collectors(agg, now, rules.forSite(agg.site())),
                agg.problemCount());
    }

    SiteDetail detail(SiteAggregate agg, Long worstLagSeconds, Instant now) {
        SiteSummary s = summary(agg, worstLagSeconds, now);
        List<ProblemView> problems = agg.problems().entrySet().stream()
                .map(e -> problem(e.getKey(), e.getValue(), now))
                .sorted(Comparator.comparing(ProblemView::severity).reversed()
                        .thenComparing(ProblemView::since, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(ProblemView::subject))
                .toList();
        return new SiteDetail(s.site(), s.status(), s.reasons(), s.asOf(), s.since(), s.lastEventTime(), s.counts(),
                s.collectors(), s.problemCount(), problems, agg.problemsNotListed(), agg.recentHaActions());
    }

    private static ProblemView problem(String key, Problem p, Instant now) {
        return new ProblemView(key, p.kind(), p.entityId(), p.name(), p.severity(), p.reason(), p.since(),
                p.lastRecoveryPoint(), p.targetRpoSeconds(), lagSeconds(p, now), p.outsideRpo());
    }

    static Long lagSeconds(Problem p, Instant now) {
        return p.lastRecoveryPoint() == null ? null : Math.max(0, Duration.between(p.lastRecoveryPoint(), now).toSeconds());
    }
}
