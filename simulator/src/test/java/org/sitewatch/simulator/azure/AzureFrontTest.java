package org.sitewatch.simulator.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.sitewatch.simulator.TrustingPem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.ScenarioException;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;

/**
 * The Azure front over its own HTTPS listener with a manual clock, spoken to by a plain JDK client
 * trusting the PEM the simulator wrote: the token endpoint, ARM paging, items made from the
 * engine's links, expired and foreign tokens, faults, and the scenario checks of its settings.
 */
class AzureFrontTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUB = "7d1e0000-0000-4000-8000-000000000001";
    static final String SCENARIO = """
            name: azure-front-test
            clusters:
              - name: rsv-weu
                platform: azure
                site: azure-weu
                cloud: azure
                region: westeurope
                regions: westeurope, northeurope
                subscription: %s
                resource-group: rg-dr
                page-size: 2
                token-lifetime: 1s
                retry-after: 7s
                rpo-threshold: 15m
                providers: "102-0=InMageRcm"
                nodes:
                  - { name: hv-paris, site: paris }
                  - { name: westeurope }
                  - { name: northeurope, site: azure-neu }
                vms:
                  - { vmid: 100, name: app01, node: westeurope }
                  - { vmid: 101, name: sql01, node: hv-paris }
                  - { vmid: 102, name: web01, node: hv-paris }
                replication:
                  - { guest: 100, target: northeurope, syncEverySeconds: 30, syncDuration: 2s, retryUnitSeconds: 1 }
                  - { guest: 101, target: westeurope, syncEverySeconds: 30, syncDuration: 2s, retryUnitSeconds: 1 }
                  - { guest: 102, target: westeurope, syncEverySeconds: 30, syncDuration: 2s, retryUnitSeconds: 1 }
              - name: rsv-neu
                platform: azure
                site: azure-neu
                region: northeurope
                client-secret: another-secret
                nodes:
                  - { name: hv-lyon, site: lyon }
                  - { name: northeurope }
                vms:
                  - { vmid: 200, name: file01, node: hv-lyon }
                replication:
                  - { guest: 200, target: northeurope }
              - name: pve-paris
                site: paris
                token: "root@pam!sw=11111111-2222-4333-8444-555555555555"
                nodes:
                  - { name: pve-1 }
            timeline:
              - { at: 50s, cluster: rsv-weu, action: test-failover, job: 100-0 }
              - { at: 100s, cluster: rsv-weu, action: replication-fail, job: 101-0, error: "log shipping failed" }
              - { at: 200s, cluster: rsv-weu, action: api-fault, kind: http429, path: /subscriptions, duration: 10s }
              - { at: 300s, cluster: rsv-weu, action: api-fault, kind: auth, duration: 10s }
              - { at: 400s, cluster: rsv-weu, action: api-fault, kind: http500, path: /subscriptions/*/providers, duration: 10s }
              - { at: 500s, cluster: rsv-weu, action: api-fault, kind: timeout, duration: 10s }
              - { at: 600s, cluster: rsv-weu, action: node-offline, node: northeurope }
              - { at: 700s, cluster: rsv-weu, action: replication-failover, job: 102-0 }
              - { at: 800s, cluster: rsv-weu, action: replication-failback, job: 102-0 }
            """.formatted(SUB);

    private final ManualClock clock = new ManualClock(T0);
    private Simulator simulator;
    private HttpClient http;
    private String base;

    @BeforeEach
    void start() throws Exception {
        simulator = Simulator.builder(Scenario.parse(SCENARIO)).clock(clock).tickInterval(null)
                .faultHold(Duration.ofMillis(300)).build().start();
        SimulatedEndpoint weu = endpoint("rsv-weu");
        http = HttpClient.newBuilder().sslContext(TrustingPem.context(Path.of(weu.settings().get("ca-file"))))
                .connectTimeout(Duration.ofSeconds(5)).build();
        base = weu.url();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void eachVaultHasItsOwnHttpsListenerAndTheOtherFrontsStayAsTheyWere() {
        SimulatedEndpoint weu = endpoint("rsv-weu");
        SimulatedEndpoint neu = endpoint("rsv-neu");
        assertThat(weu.url()).startsWith("https://127.0.0.1:").isNotEqualTo(neu.url());
        assertThat(weu.cloud()).isEqualTo("azure");
        assertThat(weu.region()).isEqualTo("westeurope");
        assertThat(weu.settings()).containsEntry("authority-host", weu.url() + "/")
                .containsEntry("resource-manager-endpoint", weu.url() + "/")
                .containsEntry("subscription-id", SUB)
                .containsEntry("vaults[0].resource-group", "rg-dr").containsEntry("vaults[0].name", "rsv-weu")
                .containsEntry("sites[hv-paris]", "paris").containsEntry("sites[northeurope]", "azure-neu")
                .containsKeys("tenant-id", "client-id", "client-secret", "ca-file");
        assertThat(Path.of(weu.settings().get("ca-file"))).exists();
        assertThat(weu.toString()).doesNotContain(VaultSettings.DEFAULT_CLIENT_SECRET);
        assertThat(endpoint("pve-paris").url()).isEqualTo("http://127.0.0.1:" + simulator.port() + "/pve-paris/api2/json");
    }

    @Test
    void theTokenEndpointIssuesTokensOnlyForTheVaultsPrincipal() throws Exception {
        HttpResponse<String> wrong = post(base + "/" + VaultSettings.DEFAULT_TENANT + "/oauth2/v2.0/token",
                form(VaultSettings.DEFAULT_CLIENT_ID, "not-the-secret", base + "/.default"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).path("error").asText()).isEqualTo("invalid_client");

        HttpResponse<String> otherTenant = post(base + "/00000000-0000-0000-0000-000000000000/oauth2/v2.0/token",
                form(VaultSettings.DEFAULT_CLIENT_ID, VaultSettings.DEFAULT_CLIENT_SECRET, base + "/.default"));
        assertThat(otherTenant.statusCode()).isEqualTo(401);

        HttpResponse<String> ok = post(base + "/" + VaultSettings.DEFAULT_TENANT + "/oauth2/v2.0/token",
                form(VaultSettings.DEFAULT_CLIENT_ID, VaultSettings.DEFAULT_CLIENT_SECRET, base + "/.default"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).path("token_type").asText()).isEqualTo("Bearer");
        assertThat(json(ok).path("expires_in").asLong()).isEqualTo(1);

        String vaultPath = "/subscriptions/" + SUB + "/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/vaults/rsv-weu";
        assertThat(get(vaultPath + "?api-version=2023-04-01", null).statusCode()).isEqualTo(401);
        // A token of this vault is worthless at the other vault's listener.
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create(endpoint("rsv-neu").url()
                        + "/subscriptions/" + VaultSettings.DEFAULT_SUBSCRIPTION + "/providers/Microsoft.RecoveryServices/vaults"
                        + "?api-version=2023-04-01")).header("Authorization", "Bearer " + json(ok).path("access_token").asText())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(401);
        assertThat(json(foreign).path("error").path("code").asText()).isEqualTo("InvalidAuthenticationToken");
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() throws Exception {
        String token = token();
        String vault = "/subscriptions/" + SUB + "/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/vaults/rsv-weu";
        assertThat(get(vault + "?api-version=2023-04-01", token).statusCode()).isEqualTo(200);
        Thread.sleep(1100);
        HttpResponse<String> expired = get(vault + "?api-version=2023-04-01", token);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(json(expired).path("error").path("code").asText()).isEqualTo("ExpiredAuthenticationToken");
    }

    @Test
    void protectedItemsComeFromTheLinksOverTwoPages() throws Exception {
        // The link fails from 100 s: its attempt of the 120 s slot fails when it ends, at 122 s.
        advance(125);
        String token = token();
        String items = "/subscriptions/" + SUB + "/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/vaults/"
                + "rsv-weu/replicationProtectedItems?api-version=2025-01-01";
        JsonNode first = json(get(items, token));
        assertThat(first.path("value")).hasSize(2);
        String next = first.path("nextLink").asText();
        assertThat(next).startsWith(base + "/subscriptions/").contains("api-version=2025-01-01").endsWith("$skiptoken=2");
        JsonNode second = json(get(next.substring(base.length()), token));
        assertThat(second.path("value")).hasSize(1);
        assertThat(second.has("nextLink")).isFalse();

        JsonNode app = first.path("value").get(0);
        assertThat(app.path("id").asText()).startsWith("/Subscriptions/" + SUB + "/resourceGroups/rg-dr/")
                .contains("/replicationFabrics/asr-a2a-default-westeurope/").endsWith("/app01-100");
        JsonNode a2a = app.path("properties").path("providerSpecificDetails");
        assertThat(a2a.path("instanceType").asText()).isEqualTo("A2A");
        assertThat(a2a.path("primaryFabricLocation").asText()).isEqualTo("westeurope");
        assertThat(a2a.path("recoveryFabricLocation").asText()).isEqualTo("northeurope");
        assertThat(a2a.path("rpoInSeconds").asLong()).isBetween(0L, 32L);
        assertThat(app.path("properties").path("lastSuccessfulTestFailoverTime").asText()).isEqualTo("2026-03-02T08:00:50Z");

        JsonNode sql = first.path("value").get(1).path("properties");
        assertThat(sql.path("providerSpecificDetails").path("instanceType").asText()).isEqualTo("HyperVReplicaAzure");
        assertThat(sql.path("primaryFabricFriendlyName").asText()).isEqualTo("hv-paris");
        assertThat(sql.path("recoveryFabricFriendlyName").asText()).isEqualTo("Microsoft Azure");
        assertThat(sql.path("replicationHealth").asText()).isEqualTo("Critical");
        assertThat(sql.path("healthErrors").get(0).path("errorMessage").asText()).contains("log shipping failed");
        assertThat(sql.path("lastSuccessfulTestFailoverTime").asText()).isEqualTo(ArmViews.NEVER);
        // Failing since 100 s: the newest recovery point is the last sync before it.
        Instant recoveryPoint = Instant.parse(sql.path("providerSpecificDetails").path("lastRecoveryPointReceived").asText());
        assertThat(recoveryPoint).isBetween(T0.plusSeconds(60), T0.plusSeconds(100));
        assertThat(sql.path("providerSpecificDetails").path("rpoInSeconds").asLong())
                .isEqualTo(Duration.between(recoveryPoint, T0.plusSeconds(125)).getSeconds());

        JsonNode web = second.path("value").get(0).path("properties");
        assertThat(web.path("providerSpecificDetails").path("instanceType").asText()).isEqualTo("InMageRcm");
        assertThat(web.path("providerSpecificDetails").has("lastRpoInSeconds")).isTrue();
        assertThat(web.path("replicationHealth").asText()).isEqualTo("Normal");
        assertThat(web.path("healthErrors")).isEmpty();
    }

    @Test
    void replicationPoliciesOnePerProviderInUseOverTwoPagesNamedByTheItems() throws Exception {
        String token = token();
        String vault = "/subscriptions/" + SUB + "/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/vaults/rsv-weu";
        JsonNode first = json(get(vault + "/replicationPolicies?api-version=2025-01-01", token));
        assertThat(first.path("value")).hasSize(2);
        JsonNode second = json(get(first.path("nextLink").asText().substring(base.length()), token));
        assertThat(second.has("nextLink")).isFalse();
        List<JsonNode> policies = new ArrayList<>();
        first.path("value").forEach(policies::add);
        second.path("value").forEach(policies::add);

        assertThat(policies).extracting(p -> p.path("properties").path("providerSpecificDetails").path("instanceType")
                .asText()).containsExactly("A2A", "HyperVReplicaAzure", "InMageRcm");
        assertThat(policies).allSatisfy(p -> assertThat(p.path("id").asText())
                .startsWith("/Subscriptions/" + SUB + "/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/"
                        + "vaults/rsv-weu/replicationPolicies/"));
        JsonNode a2a = policies.get(0).path("properties").path("providerSpecificDetails");
        assertThat(a2a.path("recoveryPointThresholdInMinutes").asLong()).as("the vault's rpo-threshold").isEqualTo(15);
        JsonNode hyperV = policies.get(1).path("properties").path("providerSpecificDetails");
        assertThat(hyperV.has("recoveryPointThresholdInMinutes")).isFalse();
        assertThat(hyperV.path("replicationInterval").asLong()).isIn(30L, 300L, 900L);
        assertThat(policies.get(2).path("properties").path("providerSpecificDetails").has("recoveryPointThresholdInMinutes"))
                .isFalse();

        // Every item names its provider's policy.
        JsonNode items = json(get(vault + "/replicationProtectedItems?api-version=2025-01-01", token));
        for (JsonNode item : items.path("value")) {
            String type = item.path("properties").path("providerSpecificDetails").path("instanceType").asText();
            JsonNode policy = policies.stream().filter(p -> p.path("properties").path("providerSpecificDetails")
                    .path("instanceType").asText().equals(type)).findFirst().orElseThrow();
            assertThat(item.path("properties").path("policyId").asText()).isEqualTo(policy.path("id").asText());
            assertThat(item.path("properties").path("policyFriendlyName").asText())
                    .isEqualTo(policy.path("properties").path("friendlyName").asText());
        }
        // A vault of one on-premises provider has that one policy; its threshold is the default's.
        assertThat(VaultSettings.of(Scenario.parse(SCENARIO).clusters().get(1)).rpoThreshold())
                .isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void aFailedOverItemIsActiveInRecoveryWithItsRecoveryVmRunningUntilItFailsBack() throws Exception {
        String items = "/subscriptions/" + SUB + "/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/vaults/"
                + "rsv-weu/replicationProtectedItems?api-version=2025-01-01&$skiptoken=2";
        advance(705);
        String token = token();
        JsonNode web = json(get(items, token)).path("value").get(0).path("properties");
        assertThat(web.path("friendlyName").asText()).isEqualTo("web01");
        assertThat(web.path("activeLocation").asText()).isEqualTo("Recovery");
        assertThat(web.path("protectionState").asText()).isEqualTo(ArmViews.FAILOVER_COMMITTED);
        assertThat(web.path("replicationHealth").asText()).isEqualTo("Normal");
        assertThat(web.path("allowedOperations")).extracting(JsonNode::asText)
                .containsExactly("ReverseReplicate", "DisableProtection");
        assertThat(web.path("currentScenario").path("scenarioName").asText()).isEqualTo("None");
        assertThat(web.path("lastSuccessfulFailoverTime").asText()).isEqualTo(T0.plusSeconds(700).toString());
        JsonNode recoveryVm = vm(allVms(token), "web01-asr");
        assertThat(recoveryVm.path("properties").path("instanceView").path("statuses").get(1).path("code").asText())
                .isEqualTo("PowerState/running");
        // Nothing replicates while failed over: the recovery point stays the one failed over to.
        long rpoAtFailover = web.path("providerSpecificDetails").path("lastRpoInSeconds").asLong();
        advance(60);
        JsonNode later = json(get(items, token())).path("value").get(0).path("properties");
        assertThat(later.path("providerSpecificDetails").path("lastRpoInSeconds").asLong()).isEqualTo(rpoAtFailover + 60);

        advance(45);
        String fresh = token();
        JsonNode back = json(get(items, fresh)).path("value").get(0).path("properties");
        assertThat(back.path("activeLocation").asText()).isEqualTo("Primary");
        assertThat(back.path("protectionState").asText()).isEqualTo("Protected");
        assertThat(back.path("allowedOperations")).extracting(JsonNode::asText).contains("UnplannedFailover");
        assertThat(back.path("providerSpecificDetails").path("lastRecoveryPointReceived").asText())
                .as("synced at the failback").isEqualTo(T0.plusSeconds(800).toString());
        assertThat(allVms(fresh)).extracting(v -> v.path("name").asText()).doesNotContain("web01-asr");
    }

    /** The subscription's VM list, every page. */
    private List<JsonNode> allVms(String token) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        String next = "/subscriptions/" + SUB + "/providers/Microsoft.Compute/virtualMachines?api-version=2025-11-01";
        while (next != null) {
            JsonNode page = json(get(next, token));
            page.path("value").forEach(out::add);
            next = page.has("nextLink") ? page.path("nextLink").asText().substring(base.length()) : null;
        }
        return out;
    }

    private static JsonNode vm(List<JsonNode> vms, String name) {
        return vms.stream().filter(vm -> vm.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no VM " + name + " in " + vms));
    }

    @Test
    void vmStatusAndResourceHealthAsTheCollectorAsks() throws Exception {
        String token = token();
        JsonNode vms = json(get("/subscriptions/" + SUB + "/providers/Microsoft.Compute/virtualMachines"
                + "?api-version=2025-11-01&statusOnly=true", token));
        assertThat(vms.path("value")).extracting(v -> v.path("name").asText()).containsExactly("app01", "app01-asr");
        assertThat(vms.path("value").get(0).path("properties").path("instanceView").path("statuses").get(1)
                .path("code").asText()).isEqualTo("PowerState/running");
        String vmId = vms.path("value").get(0).path("id").asText();
        JsonNode health = json(get(vmId + "/providers/Microsoft.ResourceHealth/availabilityStatuses/current"
                + "?api-version=2025-04-01", token));
        assertThat(health.path("properties").path("availabilityState").asText()).isEqualTo("Available");
        assertThat(get("/subscriptions/" + SUB + "/providers/Microsoft.Compute/virtualMachines", token).statusCode())
                .as("no api-version").isEqualTo(400);
    }

    @Test
    void aRegionGoingOfflineMakesItsVmsUnavailableInResourceHealth() throws Exception {
        advance(605);
        String token = token();
        String recoveryVm = "/subscriptions/" + SUB + "/resourceGroups/rg-northeurope/providers/Microsoft.Compute/"
                + "virtualMachines/app01-asr/providers/Microsoft.ResourceHealth/availabilityStatuses/current"
                + "?api-version=2025-04-01";
        JsonNode health = json(get(recoveryVm, token));
        assertThat(health.path("properties").path("availabilityState").asText()).as("%s", health).isEqualTo("Unavailable");
        assertThat(health.path("properties").path("reasonType").asText()).isEqualTo("Unplanned");
        JsonNode primary = json(get(recoveryVm.replace("rg-northeurope", "rg-westeurope").replace("app01-asr", "app01"),
                token));
        assertThat(primary.path("properties").path("availabilityState").asText()).isEqualTo("Available");
    }

    @Test
    void faultsByPathFromTheTimeline() throws Exception {
        String token = token();
        String items = "/subscriptions/" + SUB + "/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/vaults/"
                + "rsv-weu/replicationProtectedItems?api-version=2025-01-01";
        advance(205);
        HttpResponse<String> throttled = get(items, token);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("7");
        assertThat(json(throttled).path("error").path("code").asText()).isEqualTo("TooManyRequests");
        // The fault's path is below /subscriptions: the token endpoint still answers.
        assertThat(token()).isNotBlank();

        advance(100);
        HttpResponse<String> refused = post(base + "/" + VaultSettings.DEFAULT_TENANT + "/oauth2/v2.0/token",
                form(VaultSettings.DEFAULT_CLIENT_ID, VaultSettings.DEFAULT_CLIENT_SECRET, base + "/.default"));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).path("error").asText()).isEqualTo("invalid_client");

        advance(100);
        String fresh = token();
        assertThat(get(items, fresh).statusCode()).isEqualTo(200);
        assertThat(get("/subscriptions/" + SUB + "/providers/Microsoft.Compute/virtualMachines?api-version=2025-11-01",
                fresh).statusCode()).isEqualTo(500);

        advance(100);
        assertThatThrownBy(() -> get(items, fresh)).isInstanceOf(IOException.class);
    }

    @Test
    void scenarioSettingsAreChecked() {
        assertThatThrownBy(() -> Scenario.parse(SCENARIO.replace("    region: northeurope\n", "")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("region").hasMessageContaining("required");
        assertThatThrownBy(() -> Scenario.parse(SCENARIO.replace("\"102-0=InMageRcm\"", "\"102-0=Vmm\"")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("providers")
                .hasMessageContaining("[HyperVReplicaAzure, InMageRcm]");
        assertThatThrownBy(() -> Scenario.parse(SCENARIO.replace("cloud: azure", "cloud: aws")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("cloud");
        assertThatThrownBy(() -> Scenario.parse(SCENARIO.replace("page-size: 2", "page-size: 0")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("page-size").hasMessageContaining("at least 1");
        for (String bad : List.of("90s", "0m", "soon")) {
            assertThatThrownBy(() -> Scenario.parse(SCENARIO.replace("rpo-threshold: 15m", "rpo-threshold: " + bad)))
                    .as(bad).isInstanceOf(ScenarioException.class).hasMessageContaining("rpo-threshold")
                    .hasMessageContaining(bad);
        }
    }

    private void advance(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
        simulator.tick();
    }

    private SimulatedEndpoint endpoint(String id) {
        return simulator.endpoints().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    private String token() throws Exception {
        HttpResponse<String> r = post(base + "/" + VaultSettings.DEFAULT_TENANT + "/oauth2/v2.0/token",
                form(VaultSettings.DEFAULT_CLIENT_ID, VaultSettings.DEFAULT_CLIENT_SECRET, base + "/.default"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).path("access_token").asText();
    }

    private static String form(String clientId, String secret, String scope) {
        return Map.of("client_id", clientId, "client_secret", secret, "scope", scope, "grant_type", "client_credentials")
                .entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .reduce((a, b) -> a + "&" + b).orElseThrow();
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(5));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }
}
