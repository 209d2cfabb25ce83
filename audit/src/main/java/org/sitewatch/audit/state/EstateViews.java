package org.sitewatch.audit.state;

import java.time.Instant;
import java.util.function.UnaryOperator;
import org.sitewatch.audit.AuditException;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.InMemoryEstate;
import org.sitewatch.core.fold.SiteAggregate;
import org.sitewatch.core.view.InMemoryEstateReader;
import org.sitewatch.core.view.PairViewRenderer;
import org.sitewatch.core.view.PairViews.PairList;
import org.sitewatch.core.view.SiteViewRenderer;
import org.sitewatch.core.view.SiteViews.SiteDetail;
import org.sitewatch.core.view.SiteViews.SiteList;

/**
 * Renders the views of a replayed estate at an instant with the core's renderers, the ones the live
 * REST API renders its stores with ({@link SiteViewRenderer}, {@link PairViewRenderer}), over the
 * whole estate at once: the same records, by the same code, as {@code GET /api/sites},
 * {@code /api/sites/{site}} and {@code /api/site-pairs} answered then.
 */
public final class EstateViews {

    private final SiteViewRenderer sites;
    private final PairViewRenderer pairs;

    public EstateViews(HealthRules rules) {
        this.sites = new SiteViewRenderer(rules);
        this.pairs = new PairViewRenderer(rules);
    }

    /** Views of a rebuilt state at its instant. */
    public Rendered of(RebuiltState state) {
        return of(state.estate(), state.storedVerdict(), state.at());
    }

    /**
     * Views of one estate.
     *
     * @param storedVerdict the aggregate with the verdict the live store would hold (its {@code since})
     */
    public Rendered of(InMemoryEstate estate, UnaryOperator<SiteAggregate> storedVerdict, Instant at) {
        return new Rendered(new InMemoryEstateReader(estate, storedVerdict), at);
    }

    /** The views of one estate at one instant. */
    public final class Rendered {
        private final InMemoryEstateReader estate;
        private final Instant at;

        Rendered(InMemoryEstateReader estate, Instant at) {
            this.estate = estate;
            this.at = at;
        }

        public SiteList sites() {
            return sites.list(estate, at);
        }

        /** @throws AuditException UNKNOWN_SITE for a site without events up to the instant */
        public SiteDetail site(String site) {
            return sites.detail(estate, site, at).orElseThrow(() -> new AuditException(AuditException.Kind.UNKNOWN_SITE,
                    "unknown site '" + site + "' at " + at + ": no event of it up to then"));
        }

        public PairList pairs() {
            return pairs.list(estate, sites, at);
        }
    }
}
