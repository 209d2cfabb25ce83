package org.sitewatch.simulator.ovirt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;

/**
 * The oVirt front over the simulator's HTTP port with a manual clock, playing exactly the estate
 * proposed for the default scenario: SSO tokens and their expiry, the collections in the engine's
 * JSON (strings for booleans and numbers), a lost host with its fencing and HA restart events in
 * the event list (increasing indexes, newest first, {@code from} and {@code max}), a storage domain
 * pair failing and recovering, and the API faults.
 */
class OvirtFrontTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ManualClock clock = new ManualClock(T0);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Simulator simulator;
    private SimulatedEndpoint endpoint;

    @BeforeEach
    void start() {
        simulator = Simulator.builder(Scenario.parse(OvirtEstate.SCENARIO)).clock(clock).tickInterval(null)
                .faultHold(Duration.ofMillis(300)).build().start();
        endpoint = simulator.endpoints().get(0);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void theEndpointCarriesTheLoginTheDataCenterSitesAndOneDrMappingPerLink() {
        assertThat(endpoint.url()).isEqualTo("http://127.0.0.1:" + simulator.port() + "/rhv-rome/ovirt-engine");
        assertThat(endpoint.vendorProperties()).containsEntry("url", endpoint.url())
                .containsEntry("login.username", "sitewatch@internal").containsEntry("login.password", "rhv-rome-simulated")
                .containsEntry("data-center-sites[dc-madrid]", "madrid-dr")
                .containsEntry("dr-mappings[0].primary", "data-rom-db-1")
                .containsEntry("dr-mappings[0].secondary", "data-rom-db-1-dr")
                .containsEntry("dr-mappings[0].secondary-site", "madrid-dr")
                .containsEntry("dr-mappings[1].primary", "data-rom-erp-1");
    }

    @Test
    void aTokenIsIssuedOnlyForTheRightLoginWithTheApiScopeAndExpires() throws Exception {
        assertThat(login("sitewatch@internal", "wrong", "ovirt-app-api").statusCode()).isEqualTo(401);
        assertThat(login("sitewatch@internal", "rhv-rome-simulated", "openid").statusCode()).isEqualTo(400);
        HttpResponse<String> ok = login("sitewatch@internal", "rhv-rome-simulated", "ovirt-app-api");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).path("token_type").asText()).isEqualTo("bearer");
        String token = json(ok).path("access_token").asText();

        assertThat(get("/api/vms", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/vms", "forged").statusCode()).isEqualTo(401);
        assertThat(get("/api/vms", token).statusCode()).isEqualTo(200);
        advance(30 * 60);
        assertThat(get("/api/vms", token).statusCode()).as("30 minutes later").isEqualTo(401);
    }

    @Test
    void theCollectionsShowTheEstateInTheEnginesJson() throws Exception {
        String token = token();
        JsonNode dcs = json(get("/api/datacenters", token)).path("data_center");
        assertThat(names(dcs)).containsExactly("dc-rome", "dc-madrid");
        assertThat(dcs.get(0).path("status").asText()).isEqualTo("up");
        JsonNode clusters = json(get("/api/clusters", token)).path("cluster");
        assertThat(names(clusters)).containsExactly("rhv-rome", "dc-madrid-cluster");
        assertThat(clusters.get(1).path("data_center").path("id").asText()).isEqualTo(dcs.get(1).path("id").asText());

        JsonNode hosts = json(get("/api/hosts", token)).path("host");
        assertThat(names(hosts)).containsExactly("rhv-rom-1", "rhv-rom-2", "rhv-rom-3", "rhv-mad-dr1");
        assertThat(hosts.get(0).path("status").asText()).isEqualTo("up");
        assertThat(hosts.get(0).path("spm").path("status").asText()).isEqualTo("spm");
        assertThat(hosts.get(0).path("spm").path("priority").isTextual()).as("typing: strings").isTrue();
        assertThat(hosts.get(3).path("cluster").path("id").asText()).isEqualTo(clusters.get(1).path("id").asText());

        JsonNode vms = json(get("/api/vms", token)).path("vm");
        assertThat(vms).hasSize(6);
        JsonNode web2 = byName(vms, "rom-web-2");
        assertThat(web2.path("status").asText()).isEqualTo("up");
        assertThat(web2.path("host").path("id").asText()).isEqualTo(byName(hosts, "rhv-rom-2").path("id").asText());
        assertThat(web2.path("high_availability").path("enabled").asText()).isEqualTo("true");
        assertThat(web2.path("high_availability").path("enabled").isTextual()).isTrue();

        JsonNode domains = json(get("/api/storagedomains", token)).path("storage_domain");
        assertThat(names(domains)).containsExactly("data-rom-db-1", "data-rom-db-1-dr", "data-rom-erp-1", "data-rom-erp-1-dr");
        assertThat(domains.get(0).path("status").asText()).isEqualTo("active");
        assertThat(domains.get(1).path("status").asText()).isEqualTo("maintenance");
        assertThat(domains.get(1).path("data_centers").path("data_center").get(0).path("id").asText())
                .isEqualTo(dcs.get(1).path("id").asText());
        assertThat(domains.get(0).path("external_status").asText()).isEqualTo("ok");
    }

    @Test
    void aLostHostIsNonResponsiveThenFencedAndItsHaVmsAreRestartedElsewhereWithTheEventsToMatch() throws Exception {
        String token = token();
        assertThat(json(get("/api/events?max=1", token)).path("event")).as("no event before the first change").isEmpty();
        long start = 0;
        advance(50);
        JsonNode hosts = json(get("/api/hosts", token)).path("host");
        assertThat(byName(hosts, "rhv-rom-2").path("status").asText()).isEqualTo("non_responsive");
        assertThat(byName(json(get("/api/vms", token)).path("vm"), "rom-web-2").path("status").asText()).isEqualTo("unknown");

        advance(40); // 90 s: fenced at 65 s, restarted at 75 s
        JsonNode vms = json(get("/api/vms", token)).path("vm");
        JsonNode web2 = byName(vms, "rom-web-2");
        assertThat(web2.path("status").asText()).isEqualTo("up");
        assertThat(web2.path("host").path("id").asText()).isNotEqualTo(byName(hosts, "rhv-rom-2").path("id").asText())
                .isNotEqualTo(byName(hosts, "rhv-mad-dr1").path("id").asText());

        JsonNode events = json(get("/api/events?from=" + start, token)).path("event");
        List<Long> indexes = new ArrayList<>();
        events.forEach(e -> indexes.add(e.path("index").asLong()));
        assertThat(indexes).as("newest first").isSortedAccordingTo((a, b) -> Long.compare(b, a)).allMatch(i -> i > start);
        List<Integer> codes = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            codes.add(events.get(i).path("code").asInt());
        }
        assertThat(codes).containsSubsequence(12, 9017, 539, 9018, 9602, 506).containsSubsequence(9602, 9602, 506, 506);
        JsonNode failed = StreamSupport.stream(events.spliterator(), false).filter(e -> e.path("code").asInt() == 9602)
                .filter(e -> e.path("vm").path("id").asText().equals(web2.path("id").asText())).findFirst().orElseThrow();
        assertThat(failed.path("host").path("id").asText()).isEqualTo(byName(hosts, "rhv-rom-2").path("id").asText());
        assertThat(failed.path("severity").asText()).isEqualTo("error");
        JsonNode restart = StreamSupport.stream(events.spliterator(), false).filter(e -> e.path("code").asInt() == 506)
                .filter(e -> e.path("vm").path("id").asText().equals(web2.path("id").asText())).findFirst().orElseThrow();
        assertThat(restart.path("host").path("id").asText()).isEqualTo(web2.path("host").path("id").asText());
        assertThat(restart.path("time").asLong()).isEqualTo(T0.plusSeconds(75).toEpochMilli());

        // from and max: the two oldest after the start, served newest first; max alone gives the newest.
        JsonNode firstTwo = json(get("/api/events?from=" + start + "&max=2", token)).path("event");
        assertThat(firstTwo).hasSize(2);
        long oldest = indexes.get(indexes.size() - 1);
        assertThat(firstTwo.get(0).path("index").asLong()).isEqualTo(oldest + 1);
        assertThat(firstTwo.get(1).path("index").asLong()).isEqualTo(oldest);
        assertThat(json(get("/api/events?max=1", token)).path("event").get(0).path("index").asLong())
                .isEqualTo(indexes.get(0));

        advance(50); // 140 s: the host is back
        assertThat(byName(json(get("/api/hosts", token)).path("host"), "rhv-rom-2").path("status").asText()).isEqualTo("up");
        advance(51); // 191 s: rom-web-2 migrating back (a 3 s round)
        advance(9); // 200 s: both VMs migrated back
        JsonNode back = json(get("/api/events?from=" + indexes.get(0), token)).path("event");
        assertThat(StreamSupport.stream(back.spliterator(), false).map(e -> e.path("code").asInt()).toList())
                .contains(16, 62, 63);
        assertThat(byName(json(get("/api/vms", token)).path("vm"), "rom-web-2").path("host").path("id").asText())
                .isEqualTo(byName(hosts, "rhv-rom-2").path("id").asText());
    }

    @Test
    void aFailedReplicationShowsAsTheErrorExternalStatusOfThePrimaryDomainUntilItRecovers() throws Exception {
        advance(100);
        String token = token();
        JsonNode failing = json(get("/api/storagedomains", token)).path("storage_domain");
        assertThat(byName(failing, "data-rom-db-1").path("external_status").asText()).isEqualTo("error");
        assertThat(byName(failing, "data-rom-erp-1").path("external_status").asText()).isEqualTo("ok");
        advance(100); // 200 s: recovered at its next retry after 165 s
        JsonNode recovered = json(get("/api/storagedomains", token)).path("storage_domain");
        assertThat(byName(recovered, "data-rom-db-1").path("external_status").asText()).isEqualTo("ok");
    }

    @Test
    void theEstateRepeatsItsStoryEveryFourMinuteLoop() throws Exception {
        String token = token();
        for (int loop = 0; loop < 2; loop++) {
            for (int second = 5; second <= 240; second += 5) {
                advance(5);
                token = token(); // a fresh token each step: the story runs longer than one token's life
                JsonNode hosts = json(get("/api/hosts", token)).path("host");
                JsonNode domains = json(get("/api/storagedomains", token)).path("storage_domain");
                String rom2 = byName(hosts, "rhv-rom-2").path("status").asText();
                String db = byName(domains, "data-rom-db-1").path("external_status").asText();
                String at = "loop " + loop + " at " + second + " s";
                assertThat(rom2).as(at).isEqualTo(second >= 45 && second < 135 ? "non_responsive" : "up");
                if (second >= 80 && second <= 165) {
                    assertThat(db).as(at).isEqualTo("error");
                } else if (second < 75 || second >= 170) {
                    assertThat(db).as(at).isEqualTo("ok");
                }
                assertThat(byName(domains, "data-rom-erp-1").path("external_status").asText()).as(at).isEqualTo("ok");
            }
            JsonNode vms = json(get("/api/vms", token)).path("vm");
            String rom2Id = byName(json(get("/api/hosts", token)).path("host"), "rhv-rom-2").path("id").asText();
            for (String name : List.of("rom-web-2", "rom-mq-1")) {
                assertThat(byName(vms, name).path("host").path("id").asText()).as("%s back home after loop %s", name, loop)
                        .isEqualTo(rom2Id);
            }
        }
        JsonNode events = json(get("/api/events", token)).path("event");
        List<Integer> codes = StreamSupport.stream(events.spliterator(), false).map(e -> e.path("code").asInt()).toList();
        assertThat(codes.stream().filter(c -> c == 506)).as("two HA restarts per loop").hasSize(4);
        assertThat(codes.stream().filter(c -> c == 12)).hasSize(2);
        assertThat(codes.stream().filter(c -> c == 63)).hasSize(4);
    }

    @Test
    void apiFaultsAnswerAsTheEngineWould() throws Exception {
        Scenario faulty = Scenario.parse(OvirtEstate.SCENARIO.replace("timeline:\n", """
                timeline:
                  - { at: 10s, cluster: rhv-rome, action: api-fault, kind: http500, path: /api/events, duration: 10s }
                  - { at: 30s, cluster: rhv-rome, action: api-fault, kind: malformed, path: /api/vms, duration: 10s }
                  - { at: 50s, cluster: rhv-rome, action: api-fault, kind: auth, duration: 10s }
                  - { at: 70s, cluster: rhv-rome, action: api-fault, kind: timeout, path: /api/hosts, duration: 10s }
                """));
        simulator.close();
        simulator = Simulator.builder(faulty).clock(clock).tickInterval(null).faultHold(Duration.ofMillis(300)).build()
                .start();
        endpoint = simulator.endpoints().get(0);
        String token = token();
        advance(10);
        assertThat(get("/api/events", token).statusCode()).isEqualTo(500);
        assertThat(get("/api/vms", token).statusCode()).as("another path").isEqualTo(200);
        advance(20);
        HttpResponse<String> cut = get("/api/vms", token);
        assertThat(cut.statusCode()).isEqualTo(200);
        assertThat(cut.body()).doesNotEndWith("}");
        advance(20);
        assertThat(get("/api/hosts", token).statusCode()).isEqualTo(401);
        assertThat(login("sitewatch@internal", "rhv-rome-simulated", "ovirt-app-api").statusCode()).isEqualTo(401);
        advance(20);
        assertThat(get("/api/datacenters", token).statusCode()).isEqualTo(200);
        try {
            get("/api/hosts", token);
            throw new AssertionError("the held call was answered");
        } catch (IOException e) {
            // dropped without an answer, as the timeout fault does
        }
    }

    private void advance(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
        simulator.tick();
    }

    private String token() throws Exception {
        return json(login("sitewatch@internal", "rhv-rome-simulated", "ovirt-app-api")).path("access_token").asText();
    }

    private HttpResponse<String> login(String user, String password, String scope) throws Exception {
        String form = "grant_type=password&scope=" + scope + "&username=" + user.replace("@", "%40") + "&password=" + password;
        return http.send(HttpRequest.newBuilder(URI.create(endpoint.url() + "/sso/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.url() + path))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(5));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static List<String> names(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(n -> n.path("name").asText()).toList();
    }

    private static JsonNode byName(JsonNode list, String name) {
        return StreamSupport.stream(list.spliterator(), false).filter(n -> n.path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + list));
    }
}
