package org.sitewatch.core.view;

import java.util.Comparator;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.core.view.EntityViews.CollectorEntityView;
import org.sitewatch.core.view.EntityViews.HaClusterView;
import org.sitewatch.core.view.EntityViews.HaHostView;
import org.sitewatch.core.view.EntityViews.ReplicatedItemView;
import org.sitewatch.core.view.EntityViews.VmView;

/**
 * The filters and orders of the entity list views. Orders are total (ties broken by key), so the pages
 * merged from several instances are the same whoever merges them.
 */
public final class EntityQueries {

    private EntityQueries() {
    }

    /** HA protection of a VM as a filter value. */
    public enum Protection { PROTECTED, UNPROTECTED, UNKNOWN }

    /** How replicated items are ordered: largest lag first (never synced before any), or by site and id. */
    public enum ItemSort { LAG, ID }

    public record VmQuery(String site, PowerState power, Protection protection) {

        public boolean matches(VmView v) {
            return (power == null || v.power() == power) && (protection == null || protection == protectionOf(v));
        }


        private static Protection protectionOf(VmView v) {
            return v.haProtected() == null ? Protection.UNKNOWN : v.haProtected() ? Protection.PROTECTED : Protection.UNPROTECTED;
        }
    }

    /**
     * @param outsideRpo true: only items outside their RPO; false: only items not outside; null: all
     */
    public record ItemQuery(String site, String source, String target, ReplicationState state, ReplicationHealth health,
                            Boolean outsideRpo, ItemSort sort) {

        public ItemQuery {
            sort = sort == null ? ItemSort.LAG : sort;
        }

        public boolean matches(ReplicatedItemView v) {
            return (source == null || source.equals(v.sourceSite())) && (target == null || target.equals(v.targetSite()))
                    && (state == null || state == v.state()) && (health == null || health == v.health())
                    && (outsideRpo == null || outsideRpo == v.outsideRpo());
        }


        public Comparator<ReplicatedItemView> order() {
            Comparator<ReplicatedItemView> byId = Comparator.comparing(ReplicatedItemView::site)
                    .thenComparing(ReplicatedItemView::itemId);
            return sort == ItemSort.ID ? byId : Comparator.comparingLong(EntityQueries::sortLag).reversed().thenComparing(byId);
        }
    }

    public record HostQuery(String site, String cluster, HaHostState state) {

        public boolean matches(HaHostView v) {
            return (cluster == null || cluster.equals(v.cluster())) && (state == null || state == v.state());
        }

    }

    public static final Comparator<VmView> VM_ORDER = Comparator.comparing(VmView::site).thenComparing(VmView::vmId);
    public static final Comparator<HaHostView> HOST_ORDER = Comparator.comparing(HaHostView::site)
            .thenComparing(h -> h.cluster() == null ? "" : h.cluster()).thenComparing(HaHostView::hostId);
    public static final Comparator<HaClusterView> CLUSTER_ORDER = Comparator.comparing(HaClusterView::site)
            .thenComparing(HaClusterView::clusterId);
    public static final Comparator<CollectorEntityView> COLLECTOR_ORDER = Comparator.comparing(CollectorEntityView::site)
            .thenComparing(CollectorEntityView::collectorId);

    /** Never-synced protected items sort as the largest lag; items without a lag (not protected) last. */
    private static long sortLag(ReplicatedItemView v) {
        if (v.lagSeconds() != null) {
            return v.lagSeconds();
        }
        boolean replicated = v.state() != ReplicationState.FAILED_OVER && v.state() != ReplicationState.NOT_CONFIGURED;
        return replicated ? Long.MAX_VALUE : -1;
    }
}
