package org.sitewatch.streams.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.sitewatch.events.SiteHealthView;
import org.sitewatch.events.SiteLocation;
import org.sitewatch.core.fold.EntityKind;
import org.sitewatch.core.fold.HealthStatus;
import org.sitewatch.core.fold.Problem;
import org.sitewatch.core.fold.SiteAggregate;
import org.sitewatch.streams.query.LocalSiteViews;
import org.sitewatch.streams.query.NotReadyException;
import org.sitewatch.core.view.SiteViews.SiteSummary;

/**
 * Per-site domain meters of the sites this instance owns (with several instances, each site is
 * published by exactly one; sum or max across instances in PromQL). Labels are the site and an enum
 * value, never an entity, except the capped outside-RPO item series:
 * <ul>
 *   <li>{@code sitewatch_site_health{site,status}}: one-hot, 1 for the current status</li>
 *   <li>{@code sitewatch_site_vms{site,power}}, {@code sitewatch_site_vms_ha{site,protection}}</li>
 *   <li>{@code sitewatch_site_ha_hosts{site,state}}, {@code sitewatch_site_ha_clusters_failover_capacity_lost{site}},
 *       {@code sitewatch_site_ha_clusters_without_quorum{site}}</li>
 *   <li>{@code sitewatch_site_replication_items{site,state}}, {@code sitewatch_site_replication_items_by_health{site,health}},
 *       {@code sitewatch_site_replication_items_outside_rpo{site}},
 *       {@code sitewatch_site_replication_worst_lag_seconds{site}} (absent when no item has a recovery point)</li>
 *   <li>{@code sitewatch_site_collectors_stale{site}}</li>
 *   <li>{@code sitewatch_site_location{site,cloud,region}}: always 1, an info series to join on {@code site};
 *       {@code cloud} is {@value #ON_PREMISES} for a site in no cloud, {@code region} empty when not
 *       configured. One series per site (it changes only when the site's configuration does). Not named
 *       {@code _info}: the Prometheus client strips that reserved suffix from gauge names.</li>
 *   <li>{@code sitewatch_replication_item_outside_rpo_lag_seconds{site,item}}: only items outside their RPO,
 *       largest lag first, at most {@code perSiteCap} per site and {@code totalCap} in all</li>
 * </ul>
 * Known limits: values lag by up to the refresh interval; outside-RPO items come from the site's problem
 * list, so with more problems than its cap some may be missing from the item series (never from the counts).
 */
public final class SiteMeters implements Refreshable {

    public static final String SITE_HEALTH = "sitewatch.site.health";
    public static final String SITE_VMS = "sitewatch.site.vms";
    public static final String SITE_VMS_HA = "sitewatch.site.vms.ha";
    public static final String SITE_HA_HOSTS = "sitewatch.site.ha.hosts";
    public static final String SITE_CLUSTERS_CAPACITY_LOST = "sitewatch.site.ha.clusters.failover.capacity.lost";
    public static final String SITE_CLUSTERS_WITHOUT_QUORUM = "sitewatch.site.ha.clusters.without.quorum";
    public static final String SITE_REPLICATION_ITEMS = "sitewatch.site.replication.items";
    public static final String SITE_REPLICATION_BY_HEALTH = "sitewatch.site.replication.items.by.health";
    public static final String SITE_OUTSIDE_RPO = "sitewatch.site.replication.items.outside.rpo";
    public static final String SITE_WORST_LAG = "sitewatch.site.replication.worst.lag.seconds";
    public static final String SITE_COLLECTORS_STALE = "sitewatch.site.collectors.stale";
    public static final String ITEM_OUTSIDE_RPO_LAG = "sitewatch.replication.item.outside.rpo.lag.seconds";
    public static final String SITE_LOCATION = "sitewatch.site.location";
    /** The {@code cloud} label of a site whose collectors name no cloud. */
    public static final String ON_PREMISES = "on-premises";

    private final LocalSiteViews sites;
    private final int perSiteCap;
    private final int totalCap;
    private final Clock clock;
    private final Map<String, MultiGauge> gauges;

    public SiteMeters(MeterRegistry registry, LocalSiteViews sites, int perSiteCap, int totalCap, Clock clock) {
        this.sites = sites;
        this.perSiteCap = perSiteCap;
        this.totalCap = totalCap;
        this.clock = clock;
        this.gauges = Map.ofEntries(
                gauge(registry, SITE_HEALTH, "1 for the site's current health status, 0 for the others"),
                gauge(registry, SITE_VMS, "VMs of the site by power state"),
                gauge(registry, SITE_VMS_HA, "VMs of the site by HA protection"),
                gauge(registry, SITE_HA_HOSTS, "HA hosts of the site by state"),
                gauge(registry, SITE_CLUSTERS_CAPACITY_LOST, "HA clusters of the site with failover capacity 0"),
                gauge(registry, SITE_CLUSTERS_WITHOUT_QUORUM, "HA clusters of the site without quorum"),
                gauge(registry, SITE_REPLICATION_ITEMS, "Replicated items of the site by replication state"),
                gauge(registry, SITE_REPLICATION_BY_HEALTH, "Replicated items of the site by replication health"),
                gauge(registry, SITE_OUTSIDE_RPO, "Replicated items of the site outside their RPO"),
                gauge(registry, SITE_WORST_LAG, "Age of the oldest last recovery point among the site's replicated items"),
                gauge(registry, SITE_COLLECTORS_STALE, "Collector endpoints of the site without a recent heartbeat"),
                gauge(registry, ITEM_OUTSIDE_RPO_LAG, "Lag of a replicated item outside its RPO (capped number of items)"),
                gauge(registry, SITE_LOCATION, "Always 1; labels say where the site runs: cloud provider (or "
                        + ON_PREMISES + ") and region"));
    }

    @Override
    public boolean refresh() {
        Instant now = clock.instant();
        List<SiteSummary> summaries;
        List<SiteAggregate> aggregates;
        try {
            summaries = sites.sites(now);
            aggregates = sites.aggregates();
        } catch (NotReadyException e) {
            return false;
        }
        GaugeRows rows = new GaugeRows();
        for (SiteSummary s : summaries) {
            siteRows(s, rows);
        }
        outsideRpoItems(aggregates, now, rows);
        rows.registerInto(gauges);
        return true;
    }

    private static void siteRows(SiteSummary s, GaugeRows rows) {
        String site = s.site();
        for (HealthStatus status : HealthStatus.values()) {
            rows.add(SITE_HEALTH, Tags.of("site", site, "status", status.name()), s.status() == status ? 1 : 0);
        }
        SiteHealthView.Counts c = s.counts();
        c.vms().byPower().forEach((power, n) -> rows.add(SITE_VMS, Tags.of("site", site, "power", power), n));
        rows.add(SITE_VMS_HA, Tags.of("site", site, "protection", "PROTECTED"), c.vms().haProtected());
        rows.add(SITE_VMS_HA, Tags.of("site", site, "protection", "UNPROTECTED"), c.vms().haUnprotected());
        rows.add(SITE_VMS_HA, Tags.of("site", site, "protection", "UNKNOWN"), c.vms().haUnknown());
        c.haHosts().byState().forEach((state, n) -> rows.add(SITE_HA_HOSTS, Tags.of("site", site, "state", state), n));
        rows.add(SITE_CLUSTERS_CAPACITY_LOST, Tags.of("site", site), c.haClusters().failoverCapacityLost());
        rows.add(SITE_CLUSTERS_WITHOUT_QUORUM, Tags.of("site", site), c.haClusters().withoutQuorum());
        c.replication().byState().forEach((state, n) -> rows.add(SITE_REPLICATION_ITEMS, Tags.of("site", site, "state", state), n));
        c.replication().byHealth().forEach((health, n) ->
                rows.add(SITE_REPLICATION_BY_HEALTH, Tags.of("site", site, "health", health), n));
        rows.add(SITE_OUTSIDE_RPO, Tags.of("site", site), c.replication().outsideRpo());
        if (c.replication().worstLagSeconds() != null) {
            rows.add(SITE_WORST_LAG, Tags.of("site", site), c.replication().worstLagSeconds());
        }
        rows.add(SITE_COLLECTORS_STALE, Tags.of("site", site), s.collectors().stream().filter(SiteHealthView.Collector::stale).count());
        SiteLocation location = s.location();
        String cloud = location == null || location.onPremises() ? ON_PREMISES : location.cloud();
        String region = location == null || location.region() == null ? "" : location.region();
        rows.add(SITE_LOCATION, Tags.of("site", site, "cloud", cloud, "region", region), 1);
    }

    /** Items outside their RPO, worst first, within the caps. */
    private void outsideRpoItems(List<SiteAggregate> aggregates, Instant now, GaugeRows rows) {
        int total = 0;
        for (SiteAggregate agg : aggregates) {
            List<Problem> outside = agg.problems().values().stream()
                    .filter(p -> p.kind() == EntityKind.REPLICATION && Boolean.TRUE.equals(p.outsideRpo()) && p.lastRecoveryPoint() != null)
                    .sorted(Comparator.comparing(Problem::lastRecoveryPoint).thenComparing(Problem::entityId))
                    .limit(perSiteCap)
                    .toList();
            for (Problem p : outside) {
                if (total++ >= totalCap) {
                    return;
                }
                rows.add(ITEM_OUTSIDE_RPO_LAG, Tags.of("site", agg.site(), "item", p.entityId()),
                        Math.max(0, Duration.between(p.lastRecoveryPoint(), now).toSeconds()));
            }
        }
    }

    private static Map.Entry<String, MultiGauge> gauge(MeterRegistry registry, String name, String description) {
        return Map.entry(name, MultiGauge.builder(name).description(description).register(registry));
    }
}
