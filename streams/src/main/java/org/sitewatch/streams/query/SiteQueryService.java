package org.sitewatch.streams.query;

import com.fasterxml.jackson.databind.JavaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sitewatch.events.Json;
import org.sitewatch.core.view.SiteViewRenderer;
import org.sitewatch.core.view.SiteViews.SiteDetail;
import org.sitewatch.core.view.SiteViews.SiteList;
import org.sitewatch.core.view.SiteViews.SiteSummary;
import org.sitewatch.streams.topology.StoreNames;

/**
 * The site views across instances: one site from the instance owning its key, the list gathered from
 * every instance. All judged at one instant ({@code asOf}), which the receiving instance picks and
 * passes on, so parts from several instances agree.
 */
public class SiteQueryService {

    private static final JavaType SITE_LIST = Json.MAPPER.constructType(SiteList.class);
    private static final JavaType SITE_DETAIL = Json.MAPPER.constructType(SiteDetail.class);

    private final LocalSiteViews local;
    private final QueryRouter router;
    private final Clock clock;

    public SiteQueryService(LocalSiteViews local, QueryRouter router, Clock clock) {
        this.local = local;
        this.router = router;
        this.clock = clock;
    }

    public SiteList sites() {
        return sites(false, null);
    }

    /**
     * @param localOnly answer from this instance's stores only (the part another instance asked for)
     * @param asOf the instant to judge at; null: now
     */
    public SiteList sites(boolean localOnly, Instant asOf) {
        Instant now = asOf != null ? asOf : clock.instant();
        if (localOnly) {
            return router.localPart(StoreNames.SITE_AGGREGATES, () -> new SiteList(now, local.sites(now)));
        }
        String path = "/api/sites" + new QueryString().add("local", true).add("asOf", now);
        List<SiteList> parts = router.everywhere(StoreNames.SITE_AGGREGATES, () -> new SiteList(now, local.sites(now)),
                path, SITE_LIST);
        List<SiteSummary> all = new ArrayList<>();
        parts.forEach(p -> all.addAll(p.sites()));
        return new SiteList(now, SiteViewRenderer.sorted(all));
    }

    /** @throws NotFoundException when no event was ever seen for the site */
    public SiteDetail site(String site, boolean localOnly, Instant asOf) {
        Instant now = asOf != null ? asOf : clock.instant();
        if (localOnly) {
            router.requireLocalOwner(StoreNames.SITE_AGGREGATES, site);
            return local.site(site, now).orElseThrow(() -> unknown(site));
        }
        String path = "/api/sites/" + QueryString.encode(site) + new QueryString().add("local", true).add("asOf", now);
        return router.atOwner(StoreNames.SITE_AGGREGATES, site,
                () -> local.site(site, now).orElseThrow(() -> unknown(site)), path, SITE_DETAIL);
    }

    public SiteDetail site(String site) {
        return site(site, false, null);
    }

    private static NotFoundException unknown(String site) {
        return new NotFoundException("unknown site '" + site + "': no event has been seen for it");
    }
}
