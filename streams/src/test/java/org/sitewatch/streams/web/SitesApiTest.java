package org.sitewatch.streams.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.sitewatch.testsupport.TestEvents.LYON;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.T0;
import static org.sitewatch.testsupport.TestEvents.action;
import static org.sitewatch.testsupport.TestEvents.cluster;
import static org.sitewatch.testsupport.TestEvents.heartbeat;
import static org.sitewatch.testsupport.TestEvents.heartbeatOk;
import static org.sitewatch.testsupport.TestEvents.replicating;
import static org.sitewatch.testsupport.TestEvents.replication;
import static org.sitewatch.testsupport.TestEvents.vm;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.SiteLocation;
import org.sitewatch.streams.query.Readiness;
import org.sitewatch.streams.support.DriverStoreProvider;
import org.sitewatch.streams.support.TopologyFixture;
import org.sitewatch.streams.support.ViewsTestApp;
import org.sitewatch.testsupport.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The REST views over real stores filled by the topology in a TopologyTestDriver. */
@SpringBootTest(classes = ViewsTestApp.class, properties = "sitewatch.views.metrics-refresh-interval=1h")
@AutoConfigureMockMvc
class SitesApiTest {

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
        fx.pipe(vm(PARIS, "100", PowerState.RUNNING), T0);
        fx.pipe(cluster(PARIS, "paris", 1, true), T0);
        fx.pipe(replication(PARIS, "100-0", ReplicationState.FAILED, ReplicationHealth.CRITICAL, 900L, T0.minusSeconds(600)), T0);
        fx.pipe(replicating(PARIS, "101-0", 900, T0), T0);
        fx.pipe(action(PARIS, "vm:100@1", "100", HaActionKind.RESTART), T0);
        fx.pipe(heartbeat(LYON, CollectorStatus.ERROR, CollectorErrorKind.HTTP_5XX, "HTTP 500 from /cluster/status"), T0);
    }

    @AfterEach
    void closeDriver() {
        fx.close();
    }

    @Test
    void shouldListEverySiteWithStatusReasonsAndCounts() throws Exception {
        mvc.perform(get("/api/sites"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2025-01-07T10:00:30Z"))
                .andExpect(jsonPath("$.sites", hasSize(2)))
                .andExpect(jsonPath("$.sites[0].site").value(LYON))
                .andExpect(jsonPath("$.sites[0].status").value("UNKNOWN"))
                .andExpect(jsonPath("$.sites[0].reasons", contains(
                        "collector lyon-dc2 (proxmox): HTTP_5XX: HTTP 500 from /cluster/status")))
                .andExpect(jsonPath("$.sites[0].collectors[0].error").value("HTTP 500 from /cluster/status"))
                .andExpect(jsonPath("$.sites[1].site").value(PARIS))
                .andExpect(jsonPath("$.sites[1].status").value("CRITICAL"))
                .andExpect(jsonPath("$.sites[1].counts.vms.total").value(1))
                .andExpect(jsonPath("$.sites[1].counts.vms.byPower.RUNNING").value(1))
                .andExpect(jsonPath("$.sites[1].counts.vms.byPower.CRASHED").value(0))
                .andExpect(jsonPath("$.sites[1].counts.haClusters.byFailoverCapacity.1").value(1))
                .andExpect(jsonPath("$.sites[1].counts.replication.total").value(2))
                .andExpect(jsonPath("$.sites[1].counts.replication.byState.FAILED").value(1))
                .andExpect(jsonPath("$.sites[1].counts.replication.byHealth.OK").value(1))
                .andExpect(jsonPath("$.sites[1].counts.replication.outsideRpo").value(0))
                .andExpect(jsonPath("$.sites[1].counts.replication.worstLagSeconds").value(630))
                .andExpect(jsonPath("$.sites[1].collectors[0].lastHeartbeat").value("2025-01-07T10:00:00Z"))
                .andExpect(jsonPath("$.sites[1].collectors[0].stale").value(false));
    }

    @Test
    void shouldShowWhereASiteRunsWhenItsCollectorIsConfiguredWithALocation() throws Exception {
        fx.pipe(new CollectorHeartbeat(PARIS, Platform.VSPHERE, "paris-vc", "https://vc.paris.example/sdk",
                CollectorStatus.OK, null, null, 80L, T0, 15, null, List.of(), new SiteLocation(null, "Paris DC1")), T0);

        mvc.perform(get("/api/sites/{site}", PARIS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.location.region").value("Paris DC1"))
                .andExpect(jsonPath("$.location.cloud").doesNotExist());
        mvc.perform(get("/api/sites"))
                .andExpect(jsonPath("$.sites[0].site").value(LYON))
                .andExpect(jsonPath("$.sites[0].location").doesNotExist())
                .andExpect(jsonPath("$.sites[1].location.region").value("Paris DC1"));
        mvc.perform(get("/api/collectors").param("site", PARIS))
                .andExpect(jsonPath("$.items[?(@.collectorId == 'paris-vc')].location.region", contains("Paris DC1")))
                .andExpect(jsonPath("$.items[?(@.collectorId == 'paris-dc1')].location", hasSize(0)));
    }

    @Test
    void shouldShowOneSiteWithItsProblemsAndRecentHaActions() throws Exception {
        mvc.perform(get("/api/sites/{site}", PARIS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.site").value(PARIS))
                .andExpect(jsonPath("$.status").value("CRITICAL"))
                .andExpect(jsonPath("$.reasons", contains("1 replicated item FAILED", "1 replicated item with health CRITICAL")))
                .andExpect(jsonPath("$.problems", hasSize(1)))
                .andExpect(jsonPath("$.problems[0].subject").value("replication/paris-dc1/100-0"))
                .andExpect(jsonPath("$.problems[0].severity").value("CRITICAL"))
                .andExpect(jsonPath("$.problems[0].reason").value(containsString("zfs recv")))
                .andExpect(jsonPath("$.problems[0].lagSeconds").value(630))
                .andExpect(jsonPath("$.problemsNotListed").value(0))
                .andExpect(jsonPath("$.recentHaActions", hasSize(1)))
                .andExpect(jsonPath("$.recentHaActions[0].action").value("RESTART"));
    }

    @Test
    void shouldAnswer404WithJsonForAnUnknownSite() throws Exception {
        mvc.perform(get("/api/sites/{site}", "atlantis"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value(containsString("unknown site 'atlantis'")));
    }

    @Test
    void shouldAnswer503WithRetryAfterWhileStreamsIsNotRunning() throws Exception {
        stores.setReadiness(Readiness.notReady("REBALANCING", "partitions are being assigned and state restored"));

        mvc.perform(get("/api/sites"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.streamsState").value("REBALANCING"))
                .andExpect(jsonPath("$.detail").value(containsString("partitions are being assigned")));
        mvc.perform(get("/api/sites/{site}", PARIS))
                .andExpect(status().isServiceUnavailable());
    }
}
