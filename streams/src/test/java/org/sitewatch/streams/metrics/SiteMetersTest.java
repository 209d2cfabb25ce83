package org.sitewatch.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.streams.support.TestEvents.PARIS;
import static org.sitewatch.streams.support.TestEvents.T0;
import static org.sitewatch.streams.support.TestEvents.heartbeatOk;
import static org.sitewatch.streams.support.TestEvents.replication;
import static org.sitewatch.streams.support.TestEvents.vm;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.streams.support.DriverStoreProvider;
import org.sitewatch.streams.support.MutableClock;
import org.sitewatch.streams.support.TopologyFixture;
import org.sitewatch.streams.support.ViewsTestApp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** Per-site meters computed from the aggregates: one series per site and enum value, never per entity. */
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

    private double gauge(String name, String tag, String value) {
        return registry.get(name).tags("site", PARIS, tag, value).gauge().value();
    }
}
