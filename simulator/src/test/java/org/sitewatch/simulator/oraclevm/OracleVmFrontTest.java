package org.sitewatch.simulator.oraclevm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;

/**
 * The Oracle VM front spoken to over HTTP as the manager's REST clients do: the estate delivered for
 * the embedded default scenario (this exact block) played through one loop and into the next, the
 * Basic login and its session cookie, the wire shapes (bare arrays, ID objects on the request's
 * base), the faults, and the settings' checks.
 */
class OracleVmFrontTest {

    /** The Zurich estate of the embedded default scenario, as delivered (cluster block and timeline). */
    static final String ESTATE = """
            name: oraclevm-estate
            loop: 4m
            sites: [zurich-dc8]
            clusters:
              # An Oracle VM Manager 3.4, ovmm-zurich (site zurich-dc8), with one clustered server pool,
              # ovm-pool-zrh, of three Oracle VM Servers: when a server stops, the pool's HA restarts its
              # HA VMs on the other servers. No replication: Oracle VM's disaster recovery is storage
              # replication run with Site Guard, which the Manager's API does not show.
              - name: ovmm-zurich
                platform: oraclevm
                site: zurich-dc8
                cluster: ovmm-zurich
                poolName: ovm-pool-zrh
                username: admin
                password: "sitewatch-simulated-ovmm"
                ha: { fenceDelay: 15s, recoveryDelay: 10s, crmRound: 3s }
                nodes:
                  - { name: ovs-zrh-1, ip: 10.120.0.11 }
                  - { name: ovs-zrh-2, ip: 10.120.0.12 }
                  - { name: ovs-zrh-3, ip: 10.120.0.13 }
                vms:
                  - { vmid: 960, name: zrh-erp-app, node: ovs-zrh-2, ha: true, maxcpu: 4, maxmem: 16G }
                  - { vmid: 961, name: zrh-erp-db, node: ovs-zrh-2, ha: true, maxcpu: 8, maxmem: 32G }
                  - { vmid: 962, name: zrh-web-1, node: ovs-zrh-1, ha: true, maxcpu: 2, maxmem: 4G }
                  - { vmid: 963, name: zrh-report, node: ovs-zrh-3, maxcpu: 4, maxmem: 8G }
                  - { vmid: 964, name: zrh-legacy, node: ovs-zrh-3, status: stopped }
                  - { vmid: 9960, name: ol8-template, node: ovs-zrh-1, status: stopped, template: true }
            timeline:
              # zurich: Oracle VM Server ovs-zrh-2 stops at 45 s (HaHostFailed); the pool restarts its two HA
              # VMs on ovs-zrh-1 and ovs-zrh-3 (about 70 s: RESTART); it returns at 135 s and the VMs are
              # live-migrated back at 195 s and 225 s (MIGRATE), so the next loop repeats the story
              - { at: 45s, cluster: ovmm-zurich, action: node-offline, node: ovs-zrh-2 }
              - { at: 135s, cluster: ovmm-zurich, action: node-online, node: ovs-zrh-2 }
              - { at: 195s, cluster: ovmm-zurich, action: ha-migrate, sid: "vm:960", node: ovs-zrh-2 }
              - { at: 225s, cluster: ovmm-zurich, action: ha-migrate, sid: "vm:961", node: ovs-zrh-2 }
            """;
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ManualClock clock = new ManualClock(T0);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Simulator simulator;
    private String base;
    private String cookie;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private void start(String yaml) {
        simulator = Simulator.builder(Scenario.parse(yaml)).clock(clock).tickInterval(null)
                .faultHold(Duration.ofMillis(200)).build().start();
        base = simulator.baseUrl(simulator.clusters().get(0));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** One GET with the given Authorization (or none) and the session cookie when one is kept. */
    private HttpResponse<String> get(String path, String authorization, boolean withCookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5))
                .header("Accept", "application/json").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (withCookie && cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        response.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
        return response;
    }

    /** A GET in the session (logging in with Basic first when there is none). */
    private JsonNode read(String path) throws Exception {
        if (cookie == null) {
            assertThat(get("/Manager", basic("admin", "sitewatch-simulated-ovmm"), false).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> response = get(path, null, true);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private void at(int seconds) {
        clock.set(T0.plusSeconds(seconds));
    }

    /** VM name → "RUN_STATE@server" (or "RUN_STATE" without a server). */
    private Map<String, String> vms() throws Exception {
        Map<String, String> out = new HashMap<>();
        for (JsonNode vm : read("/Vm")) {
            JsonNode server = vm.get("serverId");
            out.put(vm.get("name").asText(), vm.get("vmRunState").asText()
                    + (server.isNull() ? "" : "@" + server.get("name").asText()));
        }
        return out;
    }

    private Map<String, String> servers() throws Exception {
        Map<String, String> out = new HashMap<>();
        read("/Server").forEach(s -> out.put(s.get("name").asText(), s.get("serverRunState").asText()));
        return out;
    }

    @Test
    void theEstateLosesAServerRestartsItsHaVmsElsewhereAndRepeatsTheStoryEachLoop() throws Exception {
        start(ESTATE);

        at(10);
        assertThat(servers()).containsOnly(Map.entry("ovs-zrh-1", "RUNNING"), Map.entry("ovs-zrh-2", "RUNNING"),
                Map.entry("ovs-zrh-3", "RUNNING"));
        Map<String, String> initial = vms();
        assertThat(initial).containsOnly(Map.entry("zrh-erp-app", "RUNNING@ovs-zrh-2"),
                Map.entry("zrh-erp-db", "RUNNING@ovs-zrh-2"), Map.entry("zrh-web-1", "RUNNING@ovs-zrh-1"),
                Map.entry("zrh-report", "RUNNING@ovs-zrh-3"), Map.entry("zrh-legacy", "STOPPED"),
                Map.entry("ol8-template", "TEMPLATE"));

        for (int loop = 0; loop < 2; loop++) {
            int t0 = loop * 240;
            at(t0 + 50);
            assertThat(servers()).containsEntry("ovs-zrh-2", "STOPPED");
            assertThat(vms()).containsEntry("zrh-erp-app", "STOPPED").containsEntry("zrh-erp-db", "STOPPED");
            at(t0 + 75);
            Map<String, String> restarted = vms();
            assertThat(restarted.get("zrh-erp-app")).isIn("RUNNING@ovs-zrh-1", "RUNNING@ovs-zrh-3");
            assertThat(restarted.get("zrh-erp-db")).isIn("RUNNING@ovs-zrh-1", "RUNNING@ovs-zrh-3");
            at(t0 + 140);
            assertThat(servers()).containsEntry("ovs-zrh-2", "RUNNING");
            at(t0 + 235);
            assertThat(vms()).as("loop %d ends as it began", loop).isEqualTo(initial);
        }
    }

    @Test
    void answersBareArraysWithIdObjectsOnTheRequestsOwnBase() throws Exception {
        start(ESTATE);

        JsonNode managers = read("/Manager");
        assertThat(managers.isArray()).isTrue();
        assertThat(managers.get(0).get("managerRunState").asText()).isEqualTo("RUNNING");
        JsonNode pools = read("/ServerPool");
        assertThat(pools).hasSize(1);
        JsonNode pool = pools.get(0);
        assertThat(pool.get("name").asText()).isEqualTo("ovm-pool-zrh");
        assertThat(pool.get("serverIds")).hasSize(3);
        assertThat(pool.get("clusterId").get("type").asText()).isEqualTo("com.oracle.ovm.mgr.ws.model.Cluster");
        assertThat(pool.get("masterServerId").get("name").asText()).isEqualTo("ovs-zrh-1");

        JsonNode vm = StreamSupport.stream(read("/Vm").spliterator(), false)
                .filter(v -> v.get("name").asText().equals("zrh-erp-db")).findFirst().orElseThrow();
        JsonNode id = vm.get("id");
        assertThat(id.get("type").asText()).isEqualTo("com.oracle.ovm.mgr.ws.model.Vm");
        assertThat(id.get("value").asText()).matches("0004fb0000060000[0-9a-f]{16}");
        assertThat(id.get("uri").asText()).isEqualTo(base + "/Vm/" + id.get("value").asText());
        assertThat(vm.get("highAvailability").asBoolean()).isTrue();
        assertThat(vm.get("restartActionOnCrash").asText()).isEqualTo("RESTART");
        assertThat(vm.get("serverId").get("value").asText()).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
        assertThat(vm.get("serverPoolId").get("name").asText()).isEqualTo("ovm-pool-zrh");
        assertThat(vm.get("memory").asLong()).isEqualTo(32 * 1024);

        assertThat(read("/Vm/id")).hasSize(6).allSatisfy(i -> assertThat(i.has("uri")).isTrue());
        assertThat(read("/Vm/" + id.get("value").asText()).get("name").asText()).isEqualTo("zrh-erp-db");
        assertThat(get("/Vm/0004fb00000600000000000000000000", null, true).statusCode()).isEqualTo(404);
        assertThat(get("", null, true).statusCode()).as("the base URI alone").isEqualTo(404);
        assertThat(get("/Repository", null, true).statusCode()).isEqualTo(404);
    }

    @Test
    void logsInWithBasicThenServesTheSessionCookieUntilItIdlesOut() throws Exception {
        start(ESTATE.replace("poolName: ovm-pool-zrh", "poolName: ovm-pool-zrh\n    sessionTimeout: 60s"));

        assertThat(get("/Server", null, false).statusCode()).as("no credentials").isEqualTo(401);
        assertThat(get("/Server", basic("admin", "wrong"), false).statusCode()).as("wrong password").isEqualTo(401);
        assertThat(cookie).isNull();
        HttpResponse<String> login = get("/Manager", basic("admin", "sitewatch-simulated-ovmm"), false);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith("JSESSIONID=").contains("Path=/ovmm-zurich/ovm/core/wsapi/rest").contains("HttpOnly");

        at(50);
        assertThat(get("/Server", null, true).statusCode()).as("the cookie alone").isEqualTo(200);
        at(100);
        assertThat(get("/Server", null, true).statusCode()).as("used 50 s ago: still alive").isEqualTo(200);
        at(161);
        assertThat(get("/Server", null, true).statusCode()).as("idle for 61 s: gone").isEqualTo(401);
        assertThat(get("/Server", basic("admin", "sitewatch-simulated-ovmm"), true).statusCode()).isEqualTo(200);
    }

    @Test
    void theAuthFaultRefusesEverythingAndEndsTheSessions() throws Exception {
        start(ESTATE + "  - { at: 20s, cluster: ovmm-zurich, action: api-fault, kind: auth, duration: 10s }\n");
        read("/Vm");

        at(25);
        assertThat(get("/Vm", null, true).statusCode()).isEqualTo(401);
        assertThat(get("/Vm", basic("admin", "sitewatch-simulated-ovmm"), false).statusCode()).isEqualTo(401);
        at(31);
        assertThat(get("/Vm", null, true).statusCode()).as("the old session ended with the fault").isEqualTo(401);
        assertThat(get("/Vm", basic("admin", "sitewatch-simulated-ovmm"), false).statusCode()).isEqualTo(200);
        assertThat(get("/Vm", null, true).statusCode()).as("the new session").isEqualTo(200);
    }

    @Test
    void faultsHitTheirPathOnly() throws Exception {
        start(ESTATE + """
                  - { at: 20s, cluster: ovmm-zurich, action: api-fault, kind: http500, path: /ServerPool, duration: 10s }
                  - { at: 40s, cluster: ovmm-zurich, action: api-fault, kind: malformed, path: /Vm, duration: 10s }
                  - { at: 60s, cluster: ovmm-zurich, action: api-fault, kind: timeout, path: /Server, duration: 10s }
                  - { at: 80s, cluster: ovmm-zurich, action: api-fault, kind: http429, duration: 10s }
                """);
        read("/Manager");

        at(25);
        HttpResponse<String> failed = get("/ServerPool", null, true);
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(failed.body()).get("message").asText()).contains("Internal error");
        assertThat(read("/Vm")).hasSize(6);
        at(45);
        HttpResponse<String> malformed = get("/Vm", null, true);
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> JSON.readTree(malformed.body())).isInstanceOf(java.io.IOException.class);
        at(65);
        assertThatThrownBy(() -> get("/Server", null, true)).isInstanceOf(java.io.IOException.class);
        assertThat(read("/ServerPool")).hasSize(1);
        at(85);
        assertThat(read("/Vm")).as("the manager does not throttle").hasSize(6);
    }

    @Test
    void aManagerNotYetRunningSaysSo() throws Exception {
        start(ESTATE.replace("poolName: ovm-pool-zrh", "poolName: ovm-pool-zrh\n    managerRunState: STARTING"));

        assertThat(read("/Manager").get(0).get("managerRunState").asText()).isEqualTo("STARTING");
    }

    @Test
    void theEndpointCarriesTheRestRootAndTheLogin() {
        start(ESTATE);

        SimulatedEndpoint endpoint = simulator.endpoints().get(0);
        assertThat(endpoint.platform()).isEqualTo("oraclevm");
        assertThat(endpoint.site()).isEqualTo("zurich-dc8");
        assertThat(endpoint.url()).endsWith("/ovmm-zurich/ovm/core/wsapi/rest");
        assertThat(endpoint.vendorProperties()).containsEntry("login.username", "admin")
                .containsEntry("login.password", "sitewatch-simulated-ovmm").containsKey("url");
    }

    @Test
    void badSettingsAreRejectedNamingTheKey() {
        assertThatThrownBy(() -> Scenario.parse(ESTATE.replace("username: admin", "username: \"ad:min\"")))
                .hasMessageContaining("username").hasMessageContaining("':'");
        assertThatThrownBy(() -> Scenario.parse(ESTATE.replace("poolName: ovm-pool-zrh",
                "poolName: ovm-pool-zrh\n    managerRunState: BOOTING")))
                .hasMessageContaining("managerRunState").hasMessageContaining("BOOTING");
        assertThatThrownBy(() -> Scenario.parse(ESTATE.replace("poolName: ovm-pool-zrh",
                "poolName: ovm-pool-zrh\n    sessionTimeout: soon")))
                .hasMessageContaining("sessionTimeout");
    }
}
