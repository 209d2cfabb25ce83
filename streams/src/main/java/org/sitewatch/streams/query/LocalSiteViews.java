package org.sitewatch.streams.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.SiteAggregate;
import org.sitewatch.core.view.SiteViewRenderer;
import org.sitewatch.core.view.SiteViews.SiteDetail;
import org.sitewatch.core.view.SiteViews.SiteSummary;
import org.sitewatch.streams.topology.StoreNames;

/**
 * The site views of the sites this instance owns, rendered by the core's {@link SiteViewRenderer} from
 * {@code site-aggregates} and the site lag index (same task, so always on the same instance). Also what
 * the per-site meters read: each instance publishes the meters of its own sites only.
 */
public final class LocalSiteViews {

    private final LocalReads reads;
    private final StoreProvider stores;
    private final SiteViewRenderer renderer;

    public LocalSiteViews(StoreProvider stores, HealthRules rules) {
        this.stores = stores;
        this.reads = new LocalReads(stores);
        this.renderer = new SiteViewRenderer(rules);
    }

    public List<SiteSummary> sites(Instant now) {
        return reads.read(StoreNames.SITE_AGGREGATES, store -> renderer.summaries(new StoreEstateReader(stores), now));
    }

    public Optional<SiteDetail> site(String site, Instant now) {
        return reads.read(StoreNames.SITE_AGGREGATES, store -> renderer.detail(new StoreEstateReader(stores), site, now));
    }

    /** The aggregates themselves (meters list outside-RPO items from their problems). */
    public List<SiteAggregate> aggregates() {
        return reads.read(StoreNames.SITE_AGGREGATES, store -> {
            List<SiteAggregate> all = new ArrayList<>();
            new StoreEstateReader(stores).forEachSite(all::add);
            return all;
        });
    }
}
