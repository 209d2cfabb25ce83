package org.sitewatch.streams.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sitewatch.streams.fold.HealthStatus;
import org.sitewatch.streams.query.NotReadyException;
import org.sitewatch.streams.query.SiteQueryService;
import org.sitewatch.streams.query.SiteViews.SiteSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Per-site domain meters, recomputed from the site views on a fixed interval (never one series per
 * entity: labels are the site and an enum value):
 * <ul>
 *   <li>{@code sitewatch_site_health{site,status}}: one-hot, 1 for the site's current status</li>
 *   <li>{@code sitewatch_site_replication_items{site,state}}: replicated items by state</li>
 *   <li>{@code sitewatch_site_vms{site,power}}: VMs by power state</li>
 * </ul>
 * While the views are not ready the last values stay. Known limit: values lag by up to the refresh
 * interval.
 */
public final class SiteMeters implements SmartLifecycle {

    public static final String SITE_HEALTH = "sitewatch.site.health";
    public static final String SITE_REPLICATION_ITEMS = "sitewatch.site.replication.items";
    public static final String SITE_VMS = "sitewatch.site.vms";

    private static final Logger log = LoggerFactory.getLogger(SiteMeters.class);

    private final SiteQueryService query;
    private final Duration interval;
    private final MultiGauge health;
    private final MultiGauge replicationItems;
    private final MultiGauge vms;
    private ScheduledExecutorService scheduler;

    public SiteMeters(MeterRegistry registry, SiteQueryService query, Duration interval) {
        this.query = query;
        this.interval = interval;
        this.health = MultiGauge.builder(SITE_HEALTH)
                .description("1 for the site's current health status, 0 for the others").register(registry);
        this.replicationItems = MultiGauge.builder(SITE_REPLICATION_ITEMS)
                .description("Replicated items of the site by replication state").register(registry);
        this.vms = MultiGauge.builder(SITE_VMS).description("VMs of the site by power state").register(registry);
    }

    /** Recomputes every row; returns false when the views were not ready (values kept). */
    public boolean refresh() {
        List<SiteSummary> sites;
        try {
            sites = query.sites().sites();
        } catch (NotReadyException e) {
            return false;
        }
        List<MultiGauge.Row<?>> healthRows = new ArrayList<>();
        List<MultiGauge.Row<?>> replicationRows = new ArrayList<>();
        List<MultiGauge.Row<?>> vmRows = new ArrayList<>();
        for (SiteSummary s : sites) {
            for (HealthStatus status : HealthStatus.values()) {
                healthRows.add(MultiGauge.Row.of(Tags.of("site", s.site(), "status", status.name()), s.status() == status ? 1 : 0));
            }
            s.counts().replication().byState().forEach((state, n) ->
                    replicationRows.add(MultiGauge.Row.of(Tags.of("site", s.site(), "state", state), n)));
            s.counts().vms().byPower().forEach((power, n) ->
                    vmRows.add(MultiGauge.Row.of(Tags.of("site", s.site(), "power", power), n)));
        }
        health.register(healthRows, true);
        replicationItems.register(replicationRows, true);
        vms.register(vmRows, true);
        return true;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sitewatch-site-meters");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::refreshSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    private void refreshSafely() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // An exception would cancel the schedule; the next run may well succeed.
            log.warn("could not refresh the per-site meters", e);
        }
    }
}
