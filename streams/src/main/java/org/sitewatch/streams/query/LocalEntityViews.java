package org.sitewatch.streams.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.EventData;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.VmState;
import org.sitewatch.core.fold.CollectorView;
import org.sitewatch.core.fold.EntityKind;
import org.sitewatch.core.fold.EntityRecord;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.ReplicationRules;
import org.sitewatch.core.fold.RpoPolicy;
import org.sitewatch.core.fold.SitePair;
import org.sitewatch.core.fold.TestFailoverPolicy;
import org.sitewatch.streams.query.EntityQueries.HostQuery;
import org.sitewatch.streams.query.EntityQueries.ItemQuery;
import org.sitewatch.streams.query.EntityQueries.VmQuery;
import org.sitewatch.streams.query.EntityViews.CollectorEntityView;
import org.sitewatch.streams.query.EntityViews.HaClusterView;
import org.sitewatch.streams.query.EntityViews.HaHostView;
import org.sitewatch.streams.query.EntityViews.ReplicatedItemView;
import org.sitewatch.streams.query.EntityViews.VmView;
import org.sitewatch.streams.topology.StoreNames;

/**
 * The entity lists of this instance's partitions: each returns the first {@code window} matching
 * entries in the list's order and how many matched, for {@link Page#merge}. With a site, it reads only
 * that site's keys ({@code <site>/} prefix scan); without, it scans the whole local store, which is
 * the known cost of unfiltered lists (about a second per million entries).
 */
public final class LocalEntityViews {

    private static final StringSerializer KEYS = new StringSerializer();

    private final LocalReads reads;
    private final HealthRules rules;

    public LocalEntityViews(StoreProvider stores, HealthRules rules) {
        this.reads = new LocalReads(stores);
        this.rules = rules;
    }

    public Page<VmView> vms(VmQuery q, int window, Instant now) {
        return scan(EntityKind.VM, q.site(), (EntityRecord<VmState> r) -> vm(r), q::matches, EntityQueries.VM_ORDER, window, now);
    }

    public Page<ReplicatedItemView> items(ItemQuery q, int window, Instant now) {
        return scan(EntityKind.REPLICATION, q.site(), (EntityRecord<ReplicationStatus> r) -> item(r, now), q::matches,
                q.order(), window, now);
    }

    public Page<HaHostView> hosts(HostQuery q, int window, Instant now) {
        return scan(EntityKind.HA_HOST, q.site(), (EntityRecord<HaHost> r) -> host(r), q::matches, EntityQueries.HOST_ORDER,
                window, now);
    }

    public Page<HaClusterView> clusters(String site, int window, Instant now) {
        return scan(EntityKind.HA_CLUSTER, site, (EntityRecord<HaCluster> r) -> cluster(r), c -> true,
                EntityQueries.CLUSTER_ORDER, window, now);
    }

    public Page<CollectorEntityView> collectors(String site, int window, Instant now) {
        return scan(EntityKind.COLLECTOR, site, (EntityRecord<CollectorHeartbeat> r) -> collector(r, now), c -> true,
                EntityQueries.COLLECTOR_ORDER, window, now);
    }

    private <D extends EventData, T> Page<T> scan(EntityKind kind, String site, Function<EntityRecord<D>, T> view,
                                                  Predicate<T> filter, Comparator<T> order, int window, Instant now) {
        return reads.<String, EntityRecord<D>, Page<T>>read(StoreNames.forKind(kind), store -> {
            TopK<T> top = new TopK<>(order, window);
            try (KeyValueIterator<String, EntityRecord<D>> it = site == null ? store.all() : store.prefixScan(site + "/", KEYS)) {
                while (it.hasNext()) {
                    EntityRecord<D> record = it.next().value;
                    if (record == null || record.removed()) {
                        continue;
                    }
                    T v = view.apply(record);
                    if (filter.test(v)) {
                        top.offer(v);
                    }
                }
            }
            return new Page<>(now, top.total(), 0, window, top.sorted());
        });
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
                hb.error(), r.time(), hb.lastSuccess(), hb.intervalSeconds(), hb.pollDurationMillis(), stale);
    }
}
