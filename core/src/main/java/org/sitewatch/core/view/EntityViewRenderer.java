package org.sitewatch.core.view;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;
import java.util.function.Predicate;
import org.sitewatch.core.fold.CollectorView;
import org.sitewatch.core.fold.EntityKind;
import org.sitewatch.core.fold.EntityRecord;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.ReplicationRules;
import org.sitewatch.core.fold.RpoPolicy;
import org.sitewatch.core.fold.SitePair;
import org.sitewatch.core.fold.TestFailoverPolicy;
import org.sitewatch.core.view.EntityQueries.HostQuery;
import org.sitewatch.core.view.EntityQueries.ItemQuery;
import org.sitewatch.core.view.EntityQueries.VmQuery;
import org.sitewatch.core.view.EntityViews.CollectorEntityView;
import org.sitewatch.core.view.EntityViews.HaClusterView;
import org.sitewatch.core.view.EntityViews.HaHostView;
import org.sitewatch.core.view.EntityViews.ReplicatedItemView;
import org.sitewatch.core.view.EntityViews.VmView;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.EventData;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.VmState;

/**
 * Renders the entity list views (VMs, replicated items, HA hosts and clusters, collectors) of the
 * entities an {@link EstateReader} holds: each returns the first {@code window} matching entries in
 * the list's order and how many matched, so that the parts of several readers merge into a page
 * ({@link Page#merge}); one reader holding everything gives the page itself with a window of
 * {@code offset + limit}. Removed entities are never listed. Memory is bounded by {@code window}
 * ({@link TopK}); time is a full pass over the reader's entities of the kind (of the site, if given).
 */
public final class EntityViewRenderer {

    private final HealthRules rules;

    public EntityViewRenderer(HealthRules rules) {
        this.rules = rules;
    }

    public Page<VmView> vms(EstateReader estate, VmQuery q, int window, Instant now) {
        return scan(estate, EntityKind.VM, q.site(), (EntityRecord<VmState> r) -> vm(r), q::matches, EntityQueries.VM_ORDER, window, now);
    }

    public Page<ReplicatedItemView> items(EstateReader estate, ItemQuery q, int window, Instant now) {
        return scan(estate, EntityKind.REPLICATION, q.site(), (EntityRecord<ReplicationStatus> r) -> item(r, now), q::matches,
                q.order(), window, now);
    }

    public Page<HaHostView> hosts(EstateReader estate, HostQuery q, int window, Instant now) {
        return scan(estate, EntityKind.HA_HOST, q.site(), (EntityRecord<HaHost> r) -> host(r), q::matches, EntityQueries.HOST_ORDER,
                window, now);
    }

    public Page<HaClusterView> clusters(EstateReader estate, String site, int window, Instant now) {
        return scan(estate, EntityKind.HA_CLUSTER, site, (EntityRecord<HaCluster> r) -> cluster(r), c -> true,
                EntityQueries.CLUSTER_ORDER, window, now);
    }

    public Page<CollectorEntityView> collectors(EstateReader estate, String site, int window, Instant now) {
        return scan(estate, EntityKind.COLLECTOR, site, (EntityRecord<CollectorHeartbeat> r) -> collector(r, now), c -> true,
                EntityQueries.COLLECTOR_ORDER, window, now);
    }

    private <D extends EventData, T> Page<T> scan(EstateReader estate, EntityKind kind, String site,
                                                  Function<EntityRecord<D>, T> view, Predicate<T> filter,
                                                  Comparator<T> order, int window, Instant now) {
        TopK<T> top = new TopK<>(order, window);
        estate.<D>forEachEntity(kind, site, record -> {
            if (record == null || record.removed()) {
                return;
            }
            T v = view.apply(record);
            if (filter.test(v)) {
                top.offer(v);
            }
        });
        return new Page<>(now, top.total(), 0, window, top.sorted());
    }

    private static VmView vm(EntityRecord<VmState> r) {
        VmState v = r.data();
        return new VmView(v.site(), v.vmId(), v.name(), v.platform(), v.host(), v.cluster(), v.power(), v.vendorState(),
                v.haProtected(), v.haState(), r.time());
    }

    private ReplicatedItemView item(EntityRecord<ReplicationStatus> rec, Instant now) {
        ReplicationStatus r = rec.data();
        ReplicationRules itemRules = rules.forItem(r);
        Long lag = r.lastRecoveryPoint() == null || !RpoPolicy.isProtected(r) ? null
                : Math.max(0, Duration.between(r.lastRecoveryPoint(), now).toSeconds());
        return new ReplicatedItemView(r.site(), r.itemId(), r.vmId(), r.name(), r.platform(),
                SitePair.key(r.sourceSite(), r.targetSite()), r.sourceSite(), r.targetSite(), r.sourceHost(), r.targetHost(),
                r.technology(), r.state(), r.health(), r.vendorState(), RpoPolicy.targetSeconds(r, itemRules),
                r.lastRecoveryPoint(), lag, RpoPolicy.outsideRpo(r, now, itemRules), r.lastTestFailover(),
                TestFailoverPolicy.overdue(r, now, itemRules), r.failCount(), r.error(), rec.time());
    }

    private static HaHostView host(EntityRecord<HaHost> r) {
        HaHost h = r.data();
        return new HaHostView(h.site(), h.hostId(), h.hostName(), h.platform(), h.cluster(), h.state(), h.vendorState(),
                h.detail(), r.time());
    }

    private static HaClusterView cluster(EntityRecord<HaCluster> r) {
        HaCluster c = r.data();
        return new HaClusterView(c.site(), c.clusterId(), c.name(), c.platform(), c.haEnabled(), c.hostsTotal(),
                c.hostsHealthy(), c.failoverCapacity(), c.quorate(), c.failoverCapacity() != null && c.failoverCapacity() <= 0,
                c.vendorState(), r.time());
    }

    private CollectorEntityView collector(EntityRecord<CollectorHeartbeat> r, Instant now) {
        CollectorHeartbeat hb = r.data();
        boolean stale = CollectorView.of(hb, r.time()).staleAt(now, rules.forSite(hb.site()));
        return new CollectorEntityView(hb.site(), hb.collectorId(), hb.platform(), hb.endpoint(), hb.status(), hb.errorKind(),
                hb.error(), r.time(), hb.lastSuccess(), hb.intervalSeconds(), hb.pollDurationMillis(), stale, hb.location());
    }
}
