package org.sitewatch.streams.query;

import org.sitewatch.core.view.EntityQueries;
import org.sitewatch.core.view.Page;
import org.sitewatch.core.view.PageRequest;
import com.fasterxml.jackson.databind.JavaType;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.sitewatch.events.Json;
import org.sitewatch.core.fold.EntityKind;
import org.sitewatch.core.view.EntityQueries.HostQuery;
import org.sitewatch.core.view.EntityQueries.ItemQuery;
import org.sitewatch.core.view.EntityQueries.VmQuery;
import org.sitewatch.core.view.EntityViews.CollectorEntityView;
import org.sitewatch.core.view.EntityViews.HaClusterView;
import org.sitewatch.core.view.EntityViews.HaHostView;
import org.sitewatch.core.view.EntityViews.ReplicatedItemView;
import org.sitewatch.core.view.EntityViews.VmView;
import org.sitewatch.streams.topology.StoreNames;

/**
 * The entity lists across instances. Entities are spread over every partition by their own key, so
 * each list asks every instance for its first {@code offset + limit} matches (with {@code local=true}),
 * then merges, orders and cuts the page here. All parts are judged at the same {@code asOf}.
 */
public class EntityQueryService {

    private final LocalEntityViews local;
    private final QueryRouter router;
    private final Clock clock;

    public EntityQueryService(LocalEntityViews local, QueryRouter router, Clock clock) {
        this.local = local;
        this.router = router;
        this.clock = clock;
    }

    public Page<VmView> vms(VmQuery q, PageRequest page, boolean localOnly, Instant asOf) {
        Instant now = now(asOf);
        String path = "/api/sites/" + QueryString.encode(q.site()) + "/vms" + EntityQueryParams.of(q);
        return list(EntityKind.VM, () -> local.vms(q, page.window(), now), path, VmView.class, EntityQueries.VM_ORDER,
                page, localOnly, now);
    }

    public Page<ReplicatedItemView> items(ItemQuery q, PageRequest page, boolean localOnly, Instant asOf) {
        Instant now = now(asOf);
        return list(EntityKind.REPLICATION, () -> local.items(q, page.window(), now), "/api/replication/items" + EntityQueryParams.of(q),
                ReplicatedItemView.class, q.order(), page, localOnly, now);
    }

    public Page<HaHostView> hosts(HostQuery q, PageRequest page, boolean localOnly, Instant asOf) {
        Instant now = now(asOf);
        return list(EntityKind.HA_HOST, () -> local.hosts(q, page.window(), now), "/api/ha/hosts" + EntityQueryParams.of(q),
                HaHostView.class, EntityQueries.HOST_ORDER, page, localOnly, now);
    }

    public Page<HaClusterView> clusters(String site, PageRequest page, boolean localOnly, Instant asOf) {
        Instant now = now(asOf);
        return list(EntityKind.HA_CLUSTER, () -> local.clusters(site, page.window(), now),
                "/api/ha/clusters" + new QueryString().add("site", site), HaClusterView.class, EntityQueries.CLUSTER_ORDER,
                page, localOnly, now);
    }

    public Page<CollectorEntityView> collectors(String site, PageRequest page, boolean localOnly, Instant asOf) {
        Instant now = now(asOf);
        return list(EntityKind.COLLECTOR, () -> local.collectors(site, page.window(), now),
                "/api/collectors" + new QueryString().add("site", site), CollectorEntityView.class,
                EntityQueries.COLLECTOR_ORDER, page, localOnly, now);
    }

    private <T> Page<T> list(EntityKind kind, Supplier<Page<T>> here, String path, Class<T> type, Comparator<T> order,
                             PageRequest page, boolean localOnly, Instant now) {
        if (localOnly) {
            return router.localPart(StoreNames.forKind(kind), here);
        }
        // The path already carries the filters; add paging and the internal parameters.
        String sep = path.contains("?") ? "&" : "?";
        String remotePath = path + sep + "offset=" + page.offset() + "&limit=" + page.limit() + "&local=true&asOf="
                + QueryString.encode(now.toString());
        JavaType pageType = Json.MAPPER.getTypeFactory().constructParametricType(Page.class, type);
        List<Page<T>> parts = router.everywhere(StoreNames.forKind(kind), here, remotePath, pageType);
        return Page.merge(parts, order, page, now);
    }

    private Instant now(Instant asOf) {
        return asOf != null ? asOf : clock.instant();
    }
}
