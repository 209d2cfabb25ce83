package org.sitewatch.streams.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.sitewatch.testsupport.TestEvents.LONDON;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.T0;
import static org.sitewatch.testsupport.TestEvents.cluster;
import static org.sitewatch.testsupport.TestEvents.heartbeatOk;
import static org.sitewatch.testsupport.TestEvents.host;
import static org.sitewatch.testsupport.TestEvents.replicated;
import static org.sitewatch.testsupport.TestEvents.vm;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.VmState;
import org.sitewatch.streams.support.DriverStoreProvider;
import org.sitewatch.streams.support.TopologyFixture;
import org.sitewatch.streams.support.ViewsTestApp;
import org.sitewatch.testsupport.MutableClock;
import org.sitewatch.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The pair, entity-list and filter endpoints over stores filled by the topology in a TopologyTestDriver. */
@SpringBootTest(classes = ViewsTestApp.class, properties = "sitewatch.views.metrics-refresh-interval=1h")
@AutoConfigureMockMvc
class ViewsApiTest {

    @TempDir
    Path stateDir;

    @Autowired
    MockMvc mvc;

    @Autowired
    DriverStoreProvider stores;

    @Autowired
    MutableClock clock;

    private TopologyFixture fx;

    @BeforeEach
    void fillStores() {
        fx = new TopologyFixture(stateDir);
        stores.use(fx.driver);
        clock.set(T0.plusSeconds(30));
        fx.pipe(heartbeatOk(PARIS), T0);
        fx.pipe(heartbeatOk(LONDON), T0);
        fx.pipe(vm(PARIS, "100", PowerState.RUNNING), T0);
        fx.pipe(vm(PARIS, "101", PowerState.RUNNING), T0);
        fx.pipe(vm(PARIS, "102", PowerState.STOPPED), T0);
        fx.pipe(new VmState(PARIS, Platform.PROXMOX, "103", "vm-103", "pve1", "paris", PowerState.RUNNING, "running",
                false, null, false), T0);
        fx.pipe(host(PARIS, "pve1", "paris", HaHostState.HEALTHY), T0);
        fx.pipe(host(PARIS, "pve2", "paris", HaHostState.FAILED), T0);
        fx.pipe(cluster(PARIS, "paris", 0, true), T0);
        fx.pipe(replicated(PARIS, "100-0", PARIS, LONDON, ReplicationState.REPLICATING, ReplicationHealth.OK, 900L,
                T0.minusSeconds(60), T0.minus(Duration.ofDays(7))), T0);
        fx.pipe(replicated(PARIS, "101-0", PARIS, LONDON, ReplicationState.REPLICATING, ReplicationHealth.OK, 900L,
                T0.minusSeconds(1200), T0.minus(Duration.ofDays(7))), T0);
        fx.pipe(replicated(PARIS, "102-0", PARIS, PARIS, ReplicationState.REPLICATING, ReplicationHealth.OK, 900L,
                T0.minusSeconds(10), T0.minus(Duration.ofDays(1))), T0);
    }

    @AfterEach
    void closeDriver() {
        fx.close();
    }

    @Test
    void shouldListSitePairsWithLagAndDrReadiness() throws Exception {
        mvc.perform(get("/api/site-pairs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pairs", hasSize(2)))
                .andExpect(jsonPath("$.pairs[0].pair").value("paris-dc1->london-dr"))
                .andExpect(jsonPath("$.pairs[0].readiness").value("AT_RISK"))
                .andExpect(jsonPath("$.pairs[0].reasons", contains("1 replicated item outside its RPO")))
                .andExpect(jsonPath("$.pairs[0].items.total").value(2))
                .andExpect(jsonPath("$.pairs[0].items.inRpo").value(1))
                .andExpect(jsonPath("$.pairs[0].items.outsideRpo").value(1))
                .andExpect(jsonPath("$.pairs[0].items.worstLagSeconds").value(1230))
                .andExpect(jsonPath("$.pairs[0].p95LagSeconds").value(1230))
                .andExpect(jsonPath("$.pairs[0].lastTestFailover").value("2024-12-31T10:00:00Z"))
                .andExpect(jsonPath("$.pairs[0].targetStatus").value("OK"))
                .andExpect(jsonPath("$.pairs[1].pair").value("paris-dc1->paris-dc1"))
                .andExpect(jsonPath("$.pairs[1].readiness").value("NOT_READY"))
                .andExpect(jsonPath("$.pairs[1].reasons", contains("target site paris-dc1 is CRITICAL")));
    }

    @Test
    void shouldShowOnePairAnd404ForAnUnknownOne() throws Exception {
        mvc.perform(get("/api/site-pairs/{source}/{target}", PARIS, LONDON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value(PARIS))
                .andExpect(jsonPath("$.target").value(LONDON))
                .andExpect(jsonPath("$.testFailoverMaxAgeDays").value(180))
                .andExpect(jsonPath("$.readiness").value("AT_RISK"));
        mvc.perform(get("/api/site-pairs/{source}/{target}", LONDON, PARIS))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("unknown site pair 'london-dr->paris-dc1'")));
    }

    @Test
    void shouldListTheVmsOfASiteFilteredAndPaged() throws Exception {
        mvc.perform(get("/api/sites/{site}/vms", PARIS).param("power", "RUNNING").param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[*].vmId", contains("100", "101")));
        mvc.perform(get("/api/sites/{site}/vms", PARIS).param("power", "RUNNING").param("offset", "2").param("limit", "2"))
                .andExpect(jsonPath("$.items[*].vmId", contains("103")));
        mvc.perform(get("/api/sites/{site}/vms", PARIS).param("protection", "UNPROTECTED"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].haProtected").value(false));
        mvc.perform(get("/api/sites/{site}", PARIS))
                .andExpect(jsonPath("$.counts.vms.haProtected").value(3))
                .andExpect(jsonPath("$.counts.vms.haUnprotected").value(1));
    }

    @Test
    void shouldDropAVmRemovedAtTheVendorAndKeepAnOlderEventFromBringingItBack() throws Exception {
        fx.pipe(TestEvents.vmRemoved(PARIS, "101"), T0.plusSeconds(5));
        fx.pipe(vm(PARIS, "101", PowerState.RUNNING), T0.plusSeconds(1));

        mvc.perform(get("/api/sites/{site}/vms", PARIS))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[*].vmId", contains("100", "102", "103")));
        mvc.perform(get("/api/sites/{site}", PARIS))
                .andExpect(jsonPath("$.counts.vms.total").value(3));
    }

    @Test
    void shouldListReplicatedItemsByLagAndFilterThoseOutsideTheirRpo() throws Exception {
        mvc.perform(get("/api/replication/items").param("site", PARIS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[*].itemId", contains("101-0", "100-0", "102-0")))
                .andExpect(jsonPath("$.items[0].lagSeconds").value(1230))
                .andExpect(jsonPath("$.items[0].outsideRpo").value(true))
                .andExpect(jsonPath("$.items[0].pair").value("paris-dc1->london-dr"));
        mvc.perform(get("/api/replication/items").param("outsideRpo", "true"))
                .andExpect(jsonPath("$.items[*].itemId", contains("101-0")));
        mvc.perform(get("/api/replication/items").param("source", PARIS).param("target", PARIS).param("sort", "ID"))
                .andExpect(jsonPath("$.items[*].itemId", contains("102-0")));
    }

    @Test
    void shouldListHaClustersHostsAndCollectors() throws Exception {
        mvc.perform(get("/api/ha/clusters").param("site", PARIS))
                .andExpect(jsonPath("$.items[0].clusterId").value("paris"))
                .andExpect(jsonPath("$.items[0].failoverCapacityLost").value(true));
        mvc.perform(get("/api/ha/hosts").param("state", "FAILED"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].hostId").value("pve2"));
        mvc.perform(get("/api/collectors"))
                .andExpect(jsonPath("$.items[*].site", contains(LONDON, PARIS)))
                .andExpect(jsonPath("$.items[0].stale").value(false));
    }

    @Test
    void shouldAnswer400ForABadFilterOrPage() throws Exception {
        mvc.perform(get("/api/replication/items").param("state", "BROKEN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("parameter 'state': 'BROKEN' is not accepted; give one of")));
        mvc.perform(get("/api/ha/hosts").param("limit", "5000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("limit must be between 1 and 1000")));
    }
}
