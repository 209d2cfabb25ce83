package org.sitewatch.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.T0;
import static org.sitewatch.testsupport.TestEvents.heartbeatOk;
import static org.sitewatch.testsupport.TestEvents.replication;
import static org.sitewatch.testsupport.TestEvents.vm;
import static org.sitewatch.testsupport.TestEvents.LONDON;
import static org.sitewatch.testsupport.TestEvents.replicated;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.SiteLocation;
import org.sitewatch.streams.support.DriverStoreProvider;
import org.sitewatch.streams.support.TopologyFixture;
import org.sitewatch.streams.support.ViewsTestApp;
import org.sitewatch.testsupport.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * Per-site and per-pair meters computed from the aggregates: one series per site (or pair) and enum value,
 * never per entity; only items outside their RPO get their own series, capped.
 */
@SpringBootTest(classes = ViewsTestApp.class, properties = "sitewatch.views.metrics-refresh-interval=1h")
@AutoConfigureMockMvc // same configuration as SitesApiTest, so Spring reuses its context
class SiteMetersTest {

    @TempDir
    Path stateDir;

    @Autowired
    DriverStoreProvider stores;

    @Autowired
    MutableClock clock;

    @Autowired
    SiteMeters meters;

    @Autowired
    PairMeters pairMeters;

    @Autowired
    MeterRegistry registry;

    private TopologyFixture fx;

    @BeforeEach
    void fillStores() {
        fx = new TopologyFixture(stateDir);
        stores.use(fx.driver);
        clock.set(T0.plusSeconds(5));
    }

    @AfterEach
    void closeDriver() {
        fx.close();
    }

    @Test
    void shouldPublishOneHotHealthAndCountsPerSite() {
        fx.pipe(heartbeatOk(PARIS), T0);
        fx.pipe(vm(PARIS, "100", PowerState.RUNNING), T0);
        fx.pipe(vm(PARIS, "101", PowerState.RUNNING), T0);
        fx.pipe(replication(PARIS, "100-0", ReplicationState.FAILED, ReplicationHealth.CRITICAL, 900L, T0), T0);

        assertThat(meters.refresh()).isTrue();

        assertThat(gauge(SiteMeters.SITE_HEALTH, "status", "CRITICAL")).isEqualTo(1.0);
        assertThat(gauge(SiteMeters.SITE_HEALTH, "status", "OK")).isEqualTo(0.0);
        assertThat(gauge(SiteMeters.SITE_VMS, "power", "RUNNING")).isEqualTo(2.0);
        assertThat(gauge(SiteMeters.SITE_REPLICATION_ITEMS, "state", "FAILED")).isEqualTo(1.0);
        assertThat(registry.find(SiteMeters.SITE_HEALTH).gauges()).hasSize(4);
    }

    @Test
    void shouldKeepSeriesBoundedWithManyVmsAndItems() {
        fx.pipe(heartbeatOk(PARIS), T0);
        // 25 items outside their RPO (never more than 20 get their own series) and 5 inside.
        for (int i = 0; i < 30; i++) {
            Instant lrp = i < 25 ? T0.minusSeconds(3600 + i) : T0;
            fx.pipe(replicated(PARIS, i + "-0", PARIS, LONDON, ReplicationState.REPLICATING, ReplicationHealth.OK, 900L, lrp, null), T0);
        }
        addVms(0, 20);
        assertThat(meters.refresh()).isTrue();
        assertThat(pairMeters.refresh()).isTrue();
        long seriesWith20Vms = sitewatchSeries();

        addVms(20, 60);
        assertThat(meters.refresh()).isTrue();
        assertThat(pairMeters.refresh()).isTrue();

        assertThat(sitewatchSeries()).isEqualTo(seriesWith20Vms).isLessThan(120);
        assertThat(registry.find(SiteMeters.ITEM_OUTSIDE_RPO_LAG).gauges()).hasSize(20);
        assertThat(registry.get(SiteMeters.ITEM_OUTSIDE_RPO_LAG).tags("site", PARIS, "item", "24-0").gauge().value())
                .isEqualTo(3629.0);
        assertThat(registry.get(SiteMeters.SITE_OUTSIDE_RPO).tags("site", PARIS).gauge().value()).isEqualTo(25.0);
        assertThat(registry.get(SiteMeters.SITE_WORST_LAG).tags("site", PARIS).gauge().value()).isEqualTo(3629.0);
        assertThat(registry.get(SiteMeters.SITE_VMS).tags("site", PARIS, "power", "RUNNING").gauge().value()).isEqualTo(60.0);
        assertThat(registry.get(PairMeters.PAIR_READINESS).tags("source", PARIS, "target", LONDON, "readiness", "NOT_READY")
                .gauge().value()).isEqualTo(1.0);
        assertThat(registry.get(PairMeters.PAIR_OUTSIDE_RPO).tags("source", PARIS, "target", LONDON).gauge().value())
                .isEqualTo(25.0);
        // Nearest rank over 30 lags: the 2nd oldest.
        assertThat(registry.get(PairMeters.PAIR_P95_LAG).tags("source", PARIS, "target", LONDON).gauge().value())
                .isEqualTo(3628.0);
    }

    @Test
    void shouldPublishOneLocationSeriesPerSiteAndReplaceItWhenTheLocationChanges() {
        fx.pipe(heartbeatOk(PARIS), T0);
        fx.pipe(sddcHeartbeat(new SiteLocation("aws", "eu-central-1")), T0);
        assertThat(meters.refresh()).isTrue();

        assertThat(registry.find(SiteMeters.SITE_LOCATION).gauges()).hasSize(2);
        assertThat(registry.get(SiteMeters.SITE_LOCATION).tags("site", PARIS, "cloud", "on-premises", "region", "")
                .gauge().value()).isEqualTo(1.0);
        assertThat(registry.get(SiteMeters.SITE_LOCATION).tags("site", "vmc-frankfurt", "cloud", "aws",
                "region", "eu-central-1").gauge().value()).isEqualTo(1.0);
        assertThat(((PrometheusMeterRegistry) registry).scrape()).contains(
                "sitewatch_site_location{cloud=\"aws\",region=\"eu-central-1\",site=\"vmc-frankfurt\"} 1");

        fx.pipe(sddcHeartbeat(new SiteLocation("aws", "eu-west-1")), T0.plusSeconds(1));
        assertThat(meters.refresh()).isTrue();

        assertThat(registry.find(SiteMeters.SITE_LOCATION).tags("site", "vmc-frankfurt").gauges())
                .singleElement().satisfies(g -> assertThat(g.getId().getTag("region")).isEqualTo("eu-west-1"));
    }

    private static CollectorHeartbeat sddcHeartbeat(SiteLocation location) {
        return new CollectorHeartbeat("vmc-frankfurt", Platform.VSPHERE, "vmc-frankfurt", "https://vc.vmc.example/sdk",
                CollectorStatus.OK, null, null, 80L, null, 15, null, List.of(), location);
    }

    private void addVms(int from, int to) {
        for (int i = from; i < to; i++) {
            fx.pipe(vm(PARIS, Integer.toString(1000 + i), PowerState.RUNNING), T0);
        }
    }

    /**
     * Series of the site and pair meters. The DLQ counters are left out: they are process-wide, one per topic
     * and reason, and other test classes in the same JVM add to them.
     */
    private long sitewatchSeries() {
        return registry.getMeters().stream().map(m -> m.getId().getName())
                .filter(name -> name.startsWith("sitewatch.") && !name.startsWith("sitewatch.dlq.")).count();
    }

    private double gauge(String name, String tag, String value) {
        return registry.get(name).tags("site", PARIS, tag, value).gauge().value();
    }
}
