package org.sitewatch.core.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.sitewatch.events.SiteHealthView;
import org.sitewatch.events.SiteLocation;
import org.sitewatch.core.fold.EntityKind;
import org.sitewatch.core.fold.HaActionView;
import org.sitewatch.core.fold.HealthStatus;

/**
 * The read-only JSON views of sites, as records (the REST API returns them as they are). Counts and
 * collectors have the shape of the site-health topic's {@link SiteHealthView}, plus the worst lag at
 * {@code asOf}.
 */
public final class SiteViews {

    private SiteViews() {
    }

    /** {@code GET /api/sites}. */
    public record SiteList(Instant asOf, List<SiteSummary> sites) {
    }

    /**
     * One site in the list: its verdict judged at {@code asOf}, and counts.
     *
     * @param location where the site runs, as its collectors are configured; absent when not configured
     * @param since when the site reached this verdict (as stored by the streams app), or {@code asOf}
     *     when the verdict at {@code asOf} is newer than the stored one
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SiteSummary(String site, SiteLocation location, HealthStatus status, List<String> reasons, Instant asOf, Instant since,
                              Instant lastEventTime, SiteHealthView.Counts counts, List<SiteHealthView.Collector> collectors,
                              long problemCount) {
    }

    /** {@code GET /api/sites/{site}}: the summary plus the problem list and recent HA actions. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SiteDetail(String site, SiteLocation location, HealthStatus status, List<String> reasons, Instant asOf, Instant since,
                             Instant lastEventTime, SiteHealthView.Counts counts, List<SiteHealthView.Collector> collectors,
                             long problemCount, List<ProblemView> problems, long problemsNotListed,
                             List<HaActionView> recentHaActions) {
    }

    /**
     * @param lagSeconds replicated items: age of the last recovery point at {@code asOf}
     * @param outsideRpo replicated items: outside their RPO when last judged by the streams app
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProblemView(String subject, EntityKind kind, String entityId, String name, HealthStatus severity,
                              String reason, Instant since, Instant lastRecoveryPoint, Long targetRpoSeconds,
                              Long lagSeconds, Boolean outsideRpo) {
    }
}
