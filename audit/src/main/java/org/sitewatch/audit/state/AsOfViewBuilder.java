package org.sitewatch.audit.state;

import java.util.ArrayList;
import java.util.List;
import org.sitewatch.audit.kafka.ReadBudget;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.view.PairViews.PairList;
import org.sitewatch.core.view.PairViews.PairSummary;
import org.sitewatch.core.view.SiteViews.SiteDetail;
import org.sitewatch.core.view.SiteViews.SiteList;
import org.sitewatch.core.view.SiteViews.SiteSummary;

/** Turns a rebuilt estate into {@link AsOfViews}: all sites with their details and all pairs, or one site and its pairs. */
public final class AsOfViewBuilder {

    private final EstateViews views;
    private final FiringAlertsSource alerts;

    public AsOfViewBuilder(HealthRules rules, FiringAlertsSource alerts) {
        this.views = new EstateViews(rules);
        this.alerts = alerts == null ? FiringAlertsSource.NOT_AVAILABLE : alerts;
    }

    /** @param site one site (it must exist at the instant), or null for all */
    public AsOfViews build(RebuiltState state, String site) {
        return build(state, site, ReadBudget.UNLIMITED);
    }

    /** Like {@link #build(RebuiltState, String)}; reading the alert history stops when {@code budget} is spent. */
    public AsOfViews build(RebuiltState state, String site, ReadBudget budget) {
        EstateViews.Rendered rendered = views.of(state);
        PairList pairs = rendered.pairs();
        if (site != null) {
            StateRebuilder.requireSite(state, site);
            List<PairSummary> ofSite = pairs.pairs().stream()
                    .filter(p -> site.equals(p.source()) || site.equals(p.target())).toList();
            return new AsOfViews(state.at(), null, null, rendered.site(site), new PairList(pairs.asOf(), ofSite),
                    alerts.firingAt(state.at(), site, budget), state.stats());
        }
        SiteList list = rendered.sites();
        List<SiteDetail> details = new ArrayList<>();
        for (SiteSummary s : list.sites()) {
            details.add(rendered.site(s.site()));
        }
        return new AsOfViews(state.at(), list, details, null, pairs, alerts.firingAt(state.at(), null, budget), state.stats());
    }
}
