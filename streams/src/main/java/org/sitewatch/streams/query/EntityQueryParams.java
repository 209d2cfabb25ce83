package org.sitewatch.streams.query;

import org.sitewatch.core.view.EntityQueries.HostQuery;
import org.sitewatch.core.view.EntityQueries.ItemQuery;
import org.sitewatch.core.view.EntityQueries.VmQuery;

/** The query strings that ask another instance for its part of an entity list, with the same filters. */
final class EntityQueryParams {

    private EntityQueryParams() {
    }

    static QueryString of(VmQuery q) {
        return new QueryString().add("power", q.power()).add("protection", q.protection());
    }

    static QueryString of(ItemQuery q) {
        return new QueryString().add("site", q.site()).add("source", q.source()).add("target", q.target())
                .add("state", q.state()).add("health", q.health()).add("outsideRpo", q.outsideRpo()).add("sort", q.sort());
    }

    static QueryString of(HostQuery q) {
        return new QueryString().add("site", q.site()).add("cluster", q.cluster()).add("state", q.state());
    }
}
