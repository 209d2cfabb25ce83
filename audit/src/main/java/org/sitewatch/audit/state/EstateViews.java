package org.sitewatch.audit.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.function.UnaryOperator;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.InMemoryEstate;
import org.sitewatch.core.fold.SiteAggregate;
import org.sitewatch.streams.query.LocalOnlyRouting;
import org.sitewatch.streams.query.LocalPairViews;
import org.sitewatch.streams.query.LocalReads;
import org.sitewatch.streams.query.LocalSiteViews;
import org.sitewatch.streams.query.PairQueryService;
import org.sitewatch.streams.query.PairViews.PairList;
import org.sitewatch.streams.query.QueryRouter;
import org.sitewatch.streams.query.RemoteViews;
import org.sitewatch.streams.query.SiteQueryService;
import org.sitewatch.streams.query.SiteViews.SiteDetail;
import org.sitewatch.streams.query.SiteViews.SiteList;

/**
 * Renders the views of a replayed estate at an instant with the streams module's own query services
 * ({@link SiteQueryService}, {@link PairQueryService}) over the replayed stores, routed to this one
 * "instance", judged at that instant: the same records, by the same code, as {@code GET /api/sites},
 * {@code /api/sites/{site}} and {@code /api/site-pairs} answered then. The one class of the audit that
 * depends on the streams query API.
 */
public final class EstateViews {

    private final HealthRules rules;

    public EstateViews(HealthRules rules) {
        this.rules = rules;
    }

    /** Views of a rebuilt state at its instant. */
    public Rendered of(RebuiltState state) {
        return of(state.estate(), state.storedVerdict(), state.replicationKeys(), state.at());
    }

    /**
     * Views of one estate.
     *
     * @param storedVerdict the aggregate with the verdict the live store would hold (its {@code since})
     * @param replicationKeys the keys of its replicated items
     */
    public Rendered of(InMemoryEstate estate, UnaryOperator<SiteAggregate> storedVerdict, Collection<String> replicationKeys,
                       Instant at) {
        EstateStoreProvider stores = new EstateStoreProvider(estate, storedVerdict, replicationKeys);
        // Everything is local: the remote client is never called.
        QueryRouter router = new QueryRouter(new LocalOnlyRouting(), new RemoteViews(Duration.ofSeconds(1)), new LocalReads(stores));
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        SiteQueryService sites = new SiteQueryService(new LocalSiteViews(stores, rules), router, clock);
        PairQueryService pairs = new PairQueryService(new LocalPairViews(stores, rules), sites, router, rules, clock);
        return new Rendered(sites, pairs, at);
    }

    /** The views of one estate at one instant. */
    public static final class Rendered {
        private final SiteQueryService sites;
        private final PairQueryService pairs;
        private final Instant at;

        Rendered(SiteQueryService sites, PairQueryService pairs, Instant at) {
            this.sites = sites;
            this.pairs = pairs;
            this.at = at;
        }

        public SiteList sites() {
            return sites.sites(false, at);
        }

        /** @throws org.sitewatch.streams.query.NotFoundException for a site without events */
        public SiteDetail site(String site) {
            return sites.site(site, false, at);
        }

        public PairList pairs() {
            return pairs.pairs(false, at);
        }
    }
}
