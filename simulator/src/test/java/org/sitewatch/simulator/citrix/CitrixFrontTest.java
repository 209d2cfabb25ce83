package org.sitewatch.simulator.citrix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;

/**
 * The Citrix DaaS front over HTTP: the token endpoint, the Monitor Service's Machines in OData v4
 * (integers for enums, $select/$expand/$filter, pages joined by @odata.nextLink), machines of a
 * hosting server that goes offline unregistered with ContactLost, a stopped machine powered off,
 * one query per customer at a time (a parallel one answered 429), and the engine's api faults.
 */
class CitrixFrontTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The embedded default's Citrix estate block (see the issue 13 report), as delivered, with its timeline. */
    static final String DEFAULT_ESTATE = """
            clusters:
              # Citrix DaaS (cloud Monitor Service): zone ctx-ams, two delivery groups of VDI machines on three
              # hosting servers; the collector reads Machines and shows each group's registered share as HA
              - name: ctx-ams
                platform: citrix
                site: amsterdam-dc9
                cluster: ctx-ams
                customer-id: sitewatchams
                domain: AMS
                registered-threshold: 80
                delivery-groups: "AMS Office Desktops=ams-vdi-01,ams-vdi-02,ams-vdi-03,ams-vdi-04,ams-vdi-05; AMS Call Center=ams-cc-01,ams-cc-02,ams-cc-03"
                nodes:
                  - { name: ams-hv-1, ip: 10.130.0.11 }
                  - { name: ams-hv-2, ip: 10.130.0.12 }
                  - { name: ams-hv-3, ip: 10.130.0.13 }
                vms:
                  - { vmid: 900, name: ams-vdi-01, node: ams-hv-1 }
                  - { vmid: 901, name: ams-vdi-02, node: ams-hv-1 }
                  - { vmid: 902, name: ams-vdi-03, node: ams-hv-2 }
                  - { vmid: 903, name: ams-vdi-04, node: ams-hv-2 }
                  - { vmid: 904, name: ams-vdi-05, node: ams-hv-3 }
                  - { vmid: 905, name: ams-cc-01, node: ams-hv-3 }
                  - { vmid: 906, name: ams-cc-02, node: ams-hv-3 }
                  - { vmid: 907, name: ams-cc-03, node: ams-hv-1 }
            timeline:
              # amsterdam: hosting server ams-hv-3 is lost at 45 s (its machines unregister, ContactLost: the
              # call center group falls to 1 of 3 registered, under its 80 % threshold, and the site degrades)
              # and returns at 125 s; ams-vdi-02 is shut down at 165 s (powered off, not counted against its
              # group) and started again at 225 s
              - { at: 45s, cluster: ctx-ams, action: node-offline, node: ams-hv-3 }
              - { at: 125s, cluster: ctx-ams, action: node-online, node: ams-hv-3 }
              - { at: 165s, cluster: ctx-ams, action: vm-stop, vmid: 901 }
              - { at: 225s, cluster: ctx-ams, action: vm-start, vmid: 901 }
            """;
    private static final String MACHINES = "/monitorodata/Machines?$filter=LifecycleState%20eq%200"
            + "&$select=Id,Name,HostingServerName,CurrentRegistrationState,CurrentPowerState,FaultState,"
            + "LastDeregisteredCode,DesktopGroupId&$expand=DesktopGroup($select=Id,Name)";

    private final ManualClock clock = new ManualClock(T0);
    private final HttpClient http = HttpClient.newBuilder().build();
    private Simulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void theDefaultEstateUnregistersTheLostHostsMachinesAndPowersOffTheStoppedOneEachLoop() throws Exception {
        start("loop: 4m\n" + DEFAULT_ESTATE);
        String token = token("ctx-ams");

        List<JsonNode> atStart = machines("ctx-ams", token);
        assertThat(atStart).hasSize(8).allSatisfy(m -> {
            assertThat(m.get("CurrentRegistrationState").asInt()).isEqualTo(1);
            assertThat(m.get("CurrentPowerState").asInt()).isEqualTo(3);
            assertThat(m.get("FaultState").asInt()).isEqualTo(1);
            assertThat(m.get("LastDeregisteredCode").isNull()).isTrue();
            assertThat(m.has("AgentVersion")).as("not selected").isFalse();
        });
        assertThat(machine(atStart, "AMS\\ams-cc-01").get("DesktopGroup").get("Name").asText()).isEqualTo("AMS Call Center");
        assertThat(machine(atStart, "AMS\\ams-cc-01").get("DesktopGroup").has("IsRemotePC")).isFalse();

        clock.set(T0.plusSeconds(80));
        List<JsonNode> hostLost = machines("ctx-ams", token);
        for (String name : List.of("AMS\\ams-vdi-05", "AMS\\ams-cc-01", "AMS\\ams-cc-02")) {
            JsonNode m = machine(hostLost, name);
            assertThat(m.get("HostingServerName").asText()).isEqualTo("ams-hv-3");
            assertThat(m.get("CurrentRegistrationState").asInt()).as(name).isEqualTo(2);
            assertThat(m.get("FaultState").asInt()).isEqualTo(4);
            assertThat(m.get("LastDeregisteredCode").asInt()).isEqualTo(207);
            assertThat(m.get("CurrentPowerState").asInt()).isEqualTo(0);
        }
        assertThat(machine(hostLost, "AMS\\ams-vdi-02").get("CurrentRegistrationState").asInt()).isEqualTo(1);

        clock.set(T0.plusSeconds(170));
        List<JsonNode> oneStopped = machines("ctx-ams", token);
        assertThat(oneStopped).filteredOn(m -> m.get("CurrentRegistrationState").asInt() == 2).hasSize(1);
        JsonNode stopped = machine(oneStopped, "AMS\\ams-vdi-02");
        assertThat(stopped.get("CurrentPowerState").asInt()).isEqualTo(2);
        assertThat(stopped.get("CurrentRegistrationState").asInt()).isEqualTo(2);
        assertThat(stopped.get("LastDeregisteredCode").asInt()).isEqualTo(200);
        assertThat(stopped.get("FaultState").asInt()).isEqualTo(1);

        clock.set(T0.plusSeconds(235));
        assertThat(machines("ctx-ams", token)).allSatisfy(m ->
                assertThat(m.get("CurrentRegistrationState").asInt()).isEqualTo(1));

        clock.set(T0.plusSeconds(240 + 80));
        assertThat(machines("ctx-ams", token)).as("the next loop loses ams-hv-3 again")
                .filteredOn(m -> m.get("FaultState").asInt() == 4).hasSize(3);
        clock.set(T0.plusSeconds(240 + 130));
        assertThat(machines("ctx-ams", token)).allSatisfy(m ->
                assertThat(m.get("CurrentRegistrationState").asInt()).isEqualTo(1));
    }

    @Test
    void pagesOfAHundredAreJoinedByNextLinksAndNumbersMayBeStrings() throws Exception {
        StringBuilder vms = new StringBuilder();
        for (int i = 0; i < 230; i++) {
            vms.append("      - { vmid: ").append(1000 + i).append(", name: vdi-").append(i).append(", node: h1 }\n");
        }
        start("""
                clusters:
                  - name: big
                    platform: citrix
                    site: s1
                    customer-id: bigcustomer
                    numbers-as-strings: true
                    nodes:
                      - { name: h1 }
                    vms:
                """ + vms);
        String token = token("big");
        JsonNode first = get("big", MACHINES, token).json();
        assertThat(first.get("value")).hasSize(100);
        String next = first.get("@odata.nextLink").asText();
        assertThat(next).contains("$skip=100").contains("$filter=LifecycleState%20eq%200");
        assertThat(first.get("value").get(0).get("CurrentRegistrationState").isTextual()).isTrue();

        List<JsonNode> all = machines("big", token);
        assertThat(all).hasSize(230);
        assertThat(all.stream().map(m -> m.get("Id").asText()).distinct()).hasSize(230);
    }

    @Test
    void aQueryArrivingWhileAnotherIsAnsweredGets429() throws Exception {
        start("""
                clusters:
                  - name: slow
                    platform: citrix
                    site: s1
                    customer-id: slowcustomer
                    query-delay: 600ms
                    retry-after: 3s
                    nodes:
                      - { name: h1 }
                    vms:
                      - { vmid: 100, name: vdi-1, node: h1 }
                """);
        String token = token("slow");
        CompletableFuture<Reply> first = CompletableFuture.supplyAsync(() -> get("slow", MACHINES, token));
        Thread.sleep(200);
        Reply second = get("slow", MACHINES, token);
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.retryAfter()).isEqualTo("3");
        assertThat(first.get().status()).isEqualTo(200);
        assertThat(get("slow", MACHINES, token).status()).as("alone again").isEqualTo(200);
    }

    @Test
    void refusesWrongCredentialsTokensAndCustomers() throws Exception {
        start(DEFAULT_ESTATE);
        Reply wrongSecret = post("ctx-ams", CitrixFront.TOKEN_PATH,
                "grant_type=client_credentials&client_id=" + DaasSettings.DEFAULT_CLIENT_ID + "&client_secret=nope");
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.json().get("error").asText()).isEqualTo("invalid_client");

        assertThat(get("ctx-ams", MACHINES, "forged").status()).isEqualTo(401);
        HttpRequest otherCustomer = HttpRequest.newBuilder(URI.create(simulator.baseUrl("ctx-ams") + MACHINES))
                .header("Authorization", "CWSAuth bearer=" + token("ctx-ams")).header("Citrix-CustomerId", "someoneelse")
                .build();
        assertThat(http.send(otherCustomer, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(get("ctx-ams", "/monitorodata/Machines?$filter=Name%20ne%20null", token("ctx-ams")).status())
                .isEqualTo(400);
    }

    @Test
    void apiFaultsOfTheEngineShowAsHttpAnswers() throws Exception {
        start(DEFAULT_ESTATE.replace("timeline:\n", """
                timeline:
                  - { at: 10s, cluster: ctx-ams, action: api-fault, kind: http500, path: /monitorodata, duration: 10s }
                  - { at: 20s, cluster: ctx-ams, action: api-fault, kind: http429, path: /monitorodata, duration: 10s }
                  - { at: 30s, cluster: ctx-ams, action: api-fault, kind: auth, duration: 5s }
                  - { at: 35s, cluster: ctx-ams, action: api-fault, kind: malformed, path: /monitorodata, duration: 5s }
                  - { at: 41s, cluster: ctx-ams, action: api-fault, kind: timeout, path: /monitorodata, duration: 2s }
                """));
        String token = token("ctx-ams");
        clock.set(T0.plusSeconds(12));
        assertThat(get("ctx-ams", MACHINES, token).status()).isEqualTo(500);
        clock.set(T0.plusSeconds(22));
        Reply throttled = get("ctx-ams", MACHINES, token);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.retryAfter()).isEqualTo("2");
        clock.set(T0.plusSeconds(32));
        assertThat(get("ctx-ams", MACHINES, token).status()).isEqualTo(401);
        assertThat(post("ctx-ams", CitrixFront.TOKEN_PATH, "grant_type=client_credentials").status()).isEqualTo(401);
        clock.set(T0.plusSeconds(37));
        Reply malformed = get("ctx-ams", MACHINES, token);
        assertThat(malformed.status()).isEqualTo(200);
        assertThat(malformed.body()).startsWith("{\"@odata.context\"").doesNotEndWith("}");
        clock.set(T0.plusSeconds(42));
        HttpRequest held = HttpRequest.newBuilder(URI.create(simulator.baseUrl("ctx-ams") + MACHINES))
                .timeout(Duration.ofMillis(300)).header("Authorization", "CWSAuth bearer=" + token)
                .header("Citrix-CustomerId", "sitewatchams").build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.send(held, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        clock.set(T0.plusSeconds(50));
        assertThat(get("ctx-ams", MACHINES, token).status()).isEqualTo(200);
    }

    @Test
    void theEndpointCarriesTheCloudLogin() {
        start(DEFAULT_ESTATE);
        SimulatedEndpoint e = simulator.endpoints().get(0);
        assertThat(e.vendorProperties()).containsEntry("url", simulator.baseUrl("ctx-ams"))
                .containsEntry("customer-id", "sitewatchams").containsEntry("registered-threshold", "80")
                .containsEntry("token-url", simulator.baseUrl("ctx-ams") + CitrixFront.TOKEN_PATH)
                .containsKeys("client-id", "client-secret");
    }

    private void start(String scenario) {
        simulator = Simulator.builder(Scenario.parse(scenario)).clock(clock).tickInterval(null)
                .faultHold(Duration.ofMillis(800)).build().start();
    }

    private String token(String cluster) {
        Reply reply = post(cluster, CitrixFront.TOKEN_PATH, "grant_type=client_credentials&client_id="
                + DaasSettings.DEFAULT_CLIENT_ID + "&client_secret=" + DaasSettings.DEFAULT_CLIENT_SECRET);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("expires_in").isTextual()).isTrue();
        return reply.json().get("access_token").asText();
    }

    /** Every machine, following next links verbatim. */
    private List<JsonNode> machines(String cluster, String token) {
        List<JsonNode> out = new ArrayList<>();
        String next = simulator.baseUrl(cluster) + MACHINES;
        while (next != null) {
            Reply page = send(HttpRequest.newBuilder(URI.create(next)).header("Authorization", "CWSAuth bearer=" + token)
                    .header("Citrix-CustomerId", customer(cluster)).build());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("value").forEach(out::add);
            JsonNode link = page.json().get("@odata.nextLink");
            next = link == null ? null : link.asText();
        }
        return out;
    }

    private static JsonNode machine(List<JsonNode> machines, String name) {
        return machines.stream().filter(m -> m.get("Name").asText().equals(name)).findFirst().orElseThrow();
    }

    private String customer(String cluster) {
        return simulator.endpoints().stream().filter(e -> e.id().equals(cluster)).findFirst().orElseThrow().settings()
                .get("customer-id");
    }

    private Reply get(String cluster, String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(simulator.baseUrl(cluster) + path))
                .header("Authorization", "CWSAuth bearer=" + token).header("Citrix-CustomerId", customer(cluster)).build());
    }

    private Reply post(String cluster, String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(simulator.baseUrl(cluster) + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Retry-After").orElse(null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Reply(int status, String body, String retryAfter) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException(body, e);
            }
        }
    }
}
