package org.sitewatch.simulator.vsphere;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.simulator.SimulatedEndpoint;

/**
 * The vSphere Replication and SRM views over HTTP: the session, paging, statuses worded from the
 * engine's links, a failing link, a test failover in SRM's history, a scenario fault on the VR
 * path, and the replication block the front hands the collector.
 */
class VsphereReplicationViewsTest {

    static final String SCENARIO = """
            name: vsphere-replication-test
            clusters:
              - name: berlin-vc
                platform: vsphere
                cluster: CL-Berlin
                site: berlin-dc3
                username: monitor@vsphere.local
                password: "s3cret&<x>"
                nodes:
                  - { name: esx-ber-1 }
                  - { name: esx-ber-2 }
                  - { name: esx-mad-1, site: madrid-dr }
                vms:
                  - { vmid: 100, name: ber-web, node: esx-ber-1, ha: true }
                  - { vmid: 101, name: ber-db, node: esx-ber-2, ha: true }
                  - { vmid: 102, name: ber-app, node: esx-ber-1 }
                replication:
                  - { guest: 100, target: esx-ber-2, schedule: "*/5" }
                  - { guest: 101, target: esx-mad-1, syncEverySeconds: 15, syncDuration: 2s, retryUnitSeconds: 1 }
                  - { guest: 102, target: esx-mad-1, syncEverySeconds: 20, syncDuration: 2s, retryUnitSeconds: 1 }
            timeline:
              - { at: 30s, cluster: berlin-vc, action: replication-fail, job: 101-0, error: "disk write failed" }
              - { at: 50s, cluster: berlin-vc, action: test-failover, job: 102-0 }
              - { at: 60s, cluster: berlin-vc, action: api-fault, kind: http500, path: /api/rest/vr, duration: 20s }
              - { at: 100s, cluster: berlin-vc, action: replication-failover, job: 102-0 }
              - { at: 130s, cluster: berlin-vc, action: replication-failback, job: 102-0 }
            """;
    private static final String USER = "monitor@vsphere.local";
    private static final String PASSWORD = "s3cret&<x>";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private TestVcenter vcenter;

    @AfterEach
    void stop() {
        if (vcenter != null) {
            vcenter.close();
        }
    }

    private String base() {
        vcenter = vcenter != null ? vcenter : new TestVcenter(SCENARIO);
        return vcenter.simulator.baseUrl("berlin-vc") + "/api/rest/";
    }

    @Test
    void theSessionNeedsTheVcenterLoginAndIsAskedForOnEveryCall() throws Exception {
        String vr = base() + "vr/v2";
        assertThat(login(vr, USER, "wrong").statusCode()).isEqualTo(401);
        assertThat(get(vr + "/pairings", null).statusCode()).isEqualTo(401);
        assertThat(get(vr + "/pairings", "not-a-session").statusCode()).isEqualTo(401);

        String session = session(vr);
        HttpResponse<String> pairings = get(vr + "/pairings", session);
        assertThat(pairings.statusCode()).isEqualTo(200);
        assertThat(get(base() + "srm/v2/protection-groups", session).statusCode())
                .as("SRM keeps its own sessions").isEqualTo(401);
        assertThat(get(vr + "/nothing-here", session).statusCode()).isEqualTo(404);
    }

    @Test
    void pairingsAndReplicationsComeFromTheLinksWithPaging() throws Exception {
        String vr = base() + "vr/v2";
        String session = session(vr);
        JsonNode pairings = json(get(vr + "/pairings", session));
        assertThat(pairings.path("_meta").path("total").asInt()).isEqualTo(2);
        assertThat(names(pairings.path("list"), "remote_vc_server")).containsExactly("berlin-vc", "madrid-dr");
        String local = pairings.path("list").get(0).path("pairing_id").asText();
        String madrid = pairings.path("list").get(1).path("pairing_id").asText();

        JsonNode toMadrid = json(get(vr + "/pairings/" + madrid + "/replications", session));
        assertThat(toMadrid.path("_meta").path("total").asInt()).isEqualTo(2);
        JsonNode db = toMadrid.path("list").get(0);
        assertThat(db.path("vm_id").asText()).isEqualTo("vm-101");
        assertThat(db.path("name").asText()).isEqualTo("ber-db");
        assertThat(db.path("id").asText()).startsWith("GID-");
        assertThat(db.path("target_site_name").asText()).isEqualTo("madrid-dr");
        assertThat(db.path("status").path("status").asText()).isIn("OK", "SYNC");
        assertThat(db.path("rpo").asInt()).isEqualTo(1);
        assertThat(db.path("last_sync_time").asLong()).isPositive();
        assertThat(db.path("replication_server_name").asText()).isEqualTo("esx-mad-1");

        JsonNode firstPage = json(get(vr + "/pairings/" + madrid + "/replications?limit=1&offset=0", session));
        JsonNode secondPage = json(get(vr + "/pairings/" + madrid + "/replications?limit=1&offset=1", session));
        assertThat(firstPage.path("list")).hasSize(1);
        assertThat(secondPage.path("list").get(0).path("vm_id").asText()).isEqualTo("vm-102");
        assertThat(secondPage.path("_meta").path("offset").asInt()).isEqualTo(1);
        assertThat(secondPage.path("_meta").path("limit").asInt()).isEqualTo(1);

        JsonNode inside = json(get(vr + "/pairings/" + local + "/replications", session));
        assertThat(inside.path("list").get(0).path("rpo").asInt()).as("*/5").isEqualTo(5);
        assertThat(inside.path("list").get(0).path("target_site_name").asText()).isEqualTo("berlin-vc");
        assertThat(get(vr + "/pairings/no-such/replications", session).statusCode()).isEqualTo(404);
    }

    @Test
    void aFailingLinkIsAnErrorUntilItRecoversAndAFaultAnswers500() throws Exception {
        String vr = base() + "vr/v2";
        String session = session(vr);
        vcenter.advance(Duration.ofSeconds(50));
        String madrid = json(get(vr + "/pairings", session)).path("list").get(1).path("pairing_id").asText();
        JsonNode db = json(get(vr + "/pairings/" + madrid + "/replications", session)).path("list").get(0);
        assertThat(db.path("status").path("status").asText()).startsWith("ERROR");
        assertThat(db.path("last_group_error").path("message").asText()).isEqualTo("disk write failed");

        vcenter.advance(Duration.ofSeconds(20));
        HttpResponse<String> fault = get(vr + "/pairings", session);
        assertThat(fault.statusCode()).isEqualTo(500);
        assertThat(json(fault).path("error_code").asText()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(get(base() + "srm/v2/protection-groups", session(base() + "srm/v2")).statusCode())
                .as("SRM is another path").isEqualTo(200);
    }

    @Test
    void aFailedOverLinkIsRecoveredUntilItFailsBack() throws Exception {
        String vr = base() + "vr/v2";
        String session = session(vr);
        vcenter.advance(Duration.ofSeconds(110));
        String madrid = json(get(vr + "/pairings", session)).path("list").get(1).path("pairing_id").asText();
        JsonNode app = json(get(vr + "/pairings/" + madrid + "/replications", session)).path("list").get(1);
        assertThat(app.path("vm_id").asText()).isEqualTo("vm-102");
        assertThat(app.path("status").path("status").asText()).isEqualTo("RECOVERED");
        assertThat(app.path("status").path("rpo_violation").asBoolean()).isFalse();

        vcenter.advance(Duration.ofSeconds(150));
        JsonNode back = json(get(vr + "/pairings/" + madrid + "/replications", session)).path("list").get(1);
        assertThat(back.path("status").path("status").asText()).isIn("OK", "SYNC");
    }

    @Test
    void srmHasAGroupAndPlanPerRemoteTargetWithTheTestFailoversAsHistory() throws Exception {
        String srm = base() + "srm/v2";
        String session = session(srm);
        JsonNode groups = json(get(srm + "/protection-groups", session)).path("list");
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).path("protected_site_name").asText()).isEqualTo("berlin-dc3");
        assertThat(groups.get(0).path("recovery_site_name").asText()).isEqualTo("madrid-dr");
        String group = groups.get(0).path("id").asText();
        JsonNode vms = json(get(srm + "/protection-groups/" + group + "/virtual-machines", session)).path("list");
        List<String> ids = new ArrayList<>();
        vms.forEach(v -> ids.add(v.path("id").asText()));
        assertThat(ids).containsExactly("vm-101", "vm-102");

        JsonNode plan = json(get(srm + "/recovery-plans", session)).path("list").get(0);
        assertThat(plan.path("protection_groups").get(0).asText()).isEqualTo(group);
        String history = srm + "/recovery-plans/" + plan.path("id").asText() + "/history";
        assertThat(json(get(history, session)).path("list")).isEmpty();

        vcenter.advance(Duration.ofSeconds(55));
        JsonNode runs = json(get(history, session)).path("list");
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).path("operation").asText()).isEqualTo("TEST");
        assertThat(runs.get(0).path("result").asText()).isEqualTo("SUCCESS");
        assertThat(runs.get(0).path("end_time").asText()).isEqualTo(TestVcenter.T0.plusSeconds(50).toString());
    }

    @Test
    void theCollectorSettingsNameTheGatewaysAndEveryTargetSite() {
        base();
        SimulatedEndpoint endpoint = vcenter.simulator.endpoints().get(0);
        Map<String, String> settings = endpoint.settings();
        assertThat(settings).containsEntry("replication.url", endpoint.url())
                .containsEntry("replication.srm-url", endpoint.url())
                .containsEntry("replication.sites[berlin-vc]", "berlin-dc3")
                .containsEntry("replication.sites[madrid-dr]", "madrid-dr")
                .containsEntry("login.username", USER);
    }

    @Test
    void aTargetSiteWithItsOwnVcenterIsNamedByThatVcenter() throws Exception {
        vcenter = new TestVcenter(SCENARIO.replace("\ntimeline:", """

                  - name: madrid-vc
                    platform: vsphere
                    site: madrid-dr
                    nodes: [ { name: esx-mad-9 } ]
                timeline:"""));
        String vr = base() + "vr/v2";
        JsonNode pairings = json(get(vr + "/pairings", session(vr))).path("list");
        assertThat(names(pairings, "remote_vc_server")).containsExactly("berlin-vc", "madrid-vc");
        assertThat(pairings.get(1).path("remote_vc_server").path("id").asText())
                .isEqualTo(Vcenter.instanceUuidOf(vcenter.simulator.scenario().cluster("madrid-vc")));
        assertThat(vcenter.simulator.endpoints().get(0).settings()).containsEntry("replication.sites[madrid-vc]", "madrid-dr")
                .doesNotContainKey("replication.sites[madrid-dr]");
    }

    private HttpResponse<String> login(String api, String user, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(api + "/session")).header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String session(String api) throws Exception {
        HttpResponse<String> answer = login(api, USER, PASSWORD);
        assertThat(answer.statusCode()).isEqualTo(200);
        return json(answer).path("session_id").asText();
    }

    private HttpResponse<String> get(String url, String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (session != null) {
            request.header(DrGateway.SESSION_HEADER, session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static List<String> names(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(item -> out.add(item.path(field).path("name").asText()));
        return out;
    }
}
