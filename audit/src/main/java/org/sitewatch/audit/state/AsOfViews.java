package org.sitewatch.audit.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.sitewatch.core.view.PairViews.PairList;
import org.sitewatch.core.view.SiteViews.SiteDetail;
import org.sitewatch.core.view.SiteViews.SiteList;

/**
 * The views as they were at an instant: the output of {@code sitewatch state --at} and
 * {@code GET /api/audit/state}. {@code sites} is exactly what {@code GET /api/sites} answered then and
 * each of {@code details} (or {@code site}, when one site was asked for) exactly what
 * {@code GET /api/sites/{site}} answered; {@code details} carries every site's problem items;
 * {@code pairs} is what {@code GET /api/site-pairs} answered (all pairs, or those of {@code site}).
 *
 * @param alerts the alerts firing then ({@link FiringAlertsSource}; not available yet)
 * @param history how the state was rebuilt
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AsOfViews(Instant at, SiteList sites, List<SiteDetail> details, SiteDetail site, PairList pairs,
                        FiringAlerts alerts, FoldStats history) {
}
