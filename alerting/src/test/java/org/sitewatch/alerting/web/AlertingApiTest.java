package org.sitewatch.alerting.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.sitewatch.alerting.support.TestAlerts.T0;
import static org.sitewatch.alerting.support.TestAlerts.firing;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.alerting.state.ActiveAlerts;
import org.sitewatch.events.Alert;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /api/alerts} and {@code /api/maintenance} over in-memory state (no Kafka). */
@SpringBootTest(classes = ApiTestApp.class, properties = "sitewatch.alerting.enabled=false")
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class AlertingApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ActiveAlerts alerts;

    private final Alert parisCritical = firing("ReplicationFailed", "paris", "critical", T0, Map.of("item", "100-0"));
    private final Alert parisWarning = firing("CollectorErrors", "paris", "warning", T0);
    private final Alert niceCritical = firing("HaHostFailed", "nice", "critical", T0, Map.of("host", "pve1"));

    @BeforeEach
    void fill() {
        Set<String> targets = Set.of("alertmanager");
        alerts.apply(parisCritical.fingerprint(), parisCritical, 0, 1, targets, ApiTestApp.NOW);
        alerts.apply(parisWarning.fingerprint(), parisWarning, 0, 2, targets, ApiTestApp.NOW);
        alerts.apply(niceCritical.fingerprint(), niceCritical, 0, 3, targets, ApiTestApp.NOW);
        Alert resolved = parisWarning.resolved(ApiTestApp.NOW, null);
        alerts.apply(parisWarning.fingerprint(), resolved, 0, 4, targets, ApiTestApp.NOW);
    }

    @Test
    void shouldListFiringAndRecentlyResolvedAlertsWithTheirSuppressedFlag() throws Exception {
        mvc.perform(get("/api/alerts"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[0].state").value("FIRING"))
                .andExpect(jsonPath("$[2].state").value("RESOLVED"))
                .andExpect(jsonPath("$[2].endsAt").value("2026-01-01T00:10:00Z"));
        mvc.perform(get("/api/alerts").param("site", "nice"))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].fingerprint").value(niceCritical.fingerprint()))
                .andExpect(jsonPath("$[0].labels.host").value("pve1"))
                .andExpect(jsonPath("$[0].suppressed").value(true))
                .andExpect(jsonPath("$[0].suppressedBy[0]").value("config-0"))
                .andExpect(jsonPath("$[0].startsAt").value("2026-01-01T00:00:00Z"));
        mvc.perform(get("/api/alerts").param("site", "paris").param("severity", "critical").param("state", "firing"))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].suppressed").value(false))
                .andExpect(jsonPath("$[0].pendingTargets[0]").value("alertmanager"))
                .andExpect(jsonPath("$[0].annotations.runbook_url").value(startsWith("https://")));
        mvc.perform(get("/api/alerts").param("state", "resolved"))
                .andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void shouldRejectAnUnknownStateFilter() throws Exception {
        mvc.perform(get("/api/alerts").param("state", "open"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("firing, resolved or all")));
    }

    @Test
    void shouldCreateListAndDeleteMaintenanceWindows() throws Exception {
        mvc.perform(post("/api/maintenance").contentType(MediaType.APPLICATION_JSON).principal(() -> "alice")
                        .content("{\"id\":\"paris-ups\",\"site\":\"paris\",\"duration\":\"PT2H\",\"reason\":\"UPS\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/maintenance/paris-ups"))
                .andExpect(jsonPath("$.createdBy").value("alice"))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.source").value("api"))
                .andExpect(jsonPath("$.endsAt").value("2026-01-01T02:10:00Z"));

        mvc.perform(get("/api/alerts").param("site", "paris").param("state", "firing"))
                .andExpect(jsonPath("$[0].suppressed").value(true))
                .andExpect(jsonPath("$[0].suppressedBy[0]").value("paris-ups"));
        mvc.perform(get("/api/maintenance"))
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].id").value("config-0"))
                .andExpect(jsonPath("$[0].source").value("config"));
        mvc.perform(get("/api/maintenance/paris-ups")).andExpect(jsonPath("$.reason").value("UPS"));

        mvc.perform(delete("/api/maintenance/paris-ups")).andExpect(status().isNoContent());
        mvc.perform(get("/api/alerts").param("site", "paris").param("state", "firing"))
                .andExpect(jsonPath("$[0].suppressed").value(false));
        mvc.perform(get("/api/maintenance/paris-ups")).andExpect(status().isNotFound());
    }

    @Test
    void shouldExplainBadMaintenanceRequests() throws Exception {
        mvc.perform(post("/api/maintenance").contentType(MediaType.APPLICATION_JSON).content("{\"duration\":\"PT1H\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("at least one of site, cluster, host, item, vm")));
        mvc.perform(post("/api/maintenance").contentType(MediaType.APPLICATION_JSON).content("{\"site\":\"x\",\"endsAt\":\"soon\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid request"));
        mvc.perform(delete("/api/maintenance/config-0")).andExpect(status().isConflict());
        mvc.perform(delete("/api/maintenance/nope")).andExpect(status().isNotFound());
    }

    @Test
    void shouldTakeTheCreatorFromThePrincipalAndRefuseItInTheBody() throws Exception {
        mvc.perform(post("/api/maintenance").contentType(MediaType.APPLICATION_JSON).principal(() -> "bob")
                        .content("{\"site\":\"paris\",\"duration\":\"PT1H\",\"createdBy\":\"mallory\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("createdBy is not accepted in the body")));
        mvc.perform(get("/api/maintenance")).andExpect(jsonPath("$", hasSize(1)));
        // no authentication at all in this application: recorded as such, never as a name from the body
        mvc.perform(post("/api/maintenance").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"site\":\"paris\",\"duration\":\"PT1H\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.createdBy").value(MaintenanceController.UNAUTHENTICATED));
    }

    @Test
    void shouldRefuseWindowsOverTheLimitsNamingThem() throws Exception {
        mvc.perform(post("/api/maintenance").contentType(MediaType.APPLICATION_JSON).principal(() -> "alice")
                        .content("{\"site\":\"paris\",\"duration\":\"P3650D\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("3650 days, longer than the maximum of 1 day")))
                .andExpect(jsonPath("$.detail").value(containsString("sitewatch.alerting.maintenance-limits.max-duration")));
        for (int i = 0; i < ApiTestApp.LIMITS.maxWindows(); i++) {
            mvc.perform(post("/api/maintenance").contentType(MediaType.APPLICATION_JSON).principal(() -> "alice")
                    .content("{\"site\":\"s" + i + "\",\"duration\":\"PT1H\"}")).andExpect(status().isCreated());
        }
        mvc.perform(post("/api/maintenance").contentType(MediaType.APPLICATION_JSON).principal(() -> "alice")
                        .content("{\"site\":\"one-too-many\",\"duration\":\"PT1H\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("already 3 active or future maintenance windows")))
                .andExpect(jsonPath("$.detail").value(containsString("sitewatch.alerting.maintenance-limits.max-windows")));
    }
}
