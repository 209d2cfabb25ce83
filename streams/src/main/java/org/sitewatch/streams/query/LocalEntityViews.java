package org.sitewatch.streams.query;

import java.time.Instant;
import org.sitewatch.core.fold.EntityKind;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.view.EntityQueries.HostQuery;
import org.sitewatch.core.view.EntityQueries.ItemQuery;
import org.sitewatch.core.view.EntityQueries.VmQuery;
import org.sitewatch.core.view.EntityViewRenderer;
import org.sitewatch.core.view.EntityViews.CollectorEntityView;
import org.sitewatch.core.view.EntityViews.HaClusterView;
import org.sitewatch.core.view.EntityViews.HaHostView;
import org.sitewatch.core.view.EntityViews.ReplicatedItemView;
import org.sitewatch.core.view.EntityViews.VmView;
import org.sitewatch.core.view.Page;
import org.sitewatch.streams.topology.StoreNames;

/**
 * The entity lists of this instance's partitions, rendered by the core's {@link EntityViewRenderer}
 * from the latest-state stores: each returns the first {@code window} matching entries in the list's
 * order and how many matched, for {@link Page#merge}.
 */
public final class LocalEntityViews {

    private final LocalReads reads;
    private final StoreProvider stores;
    private final EntityViewRenderer renderer;

    public LocalEntityViews(StoreProvider stores, HealthRules rules) {
        this.stores = stores;
        this.reads = new LocalReads(stores);
        this.renderer = new EntityViewRenderer(rules);
    }

    public Page<VmView> vms(VmQuery q, int window, Instant now) {
        return reads.read(store(EntityKind.VM), s -> renderer.vms(new StoreEstateReader(stores), q, window, now));
    }

    public Page<ReplicatedItemView> items(ItemQuery q, int window, Instant now) {
        return reads.read(store(EntityKind.REPLICATION), s -> renderer.items(new StoreEstateReader(stores), q, window, now));
    }

    public Page<HaHostView> hosts(HostQuery q, int window, Instant now) {
        return reads.read(store(EntityKind.HA_HOST), s -> renderer.hosts(new StoreEstateReader(stores), q, window, now));
    }

    public Page<HaClusterView> clusters(String site, int window, Instant now) {
        return reads.read(store(EntityKind.HA_CLUSTER), s -> renderer.clusters(new StoreEstateReader(stores), site, window, now));
    }

    public Page<CollectorEntityView> collectors(String site, int window, Instant now) {
        return reads.read(store(EntityKind.COLLECTOR), s -> renderer.collectors(new StoreEstateReader(stores), site, window, now));
    }

    private static String store(EntityKind kind) {
        return StoreNames.forKind(kind);
    }
}
