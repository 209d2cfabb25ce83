package org.sitewatch.simulator.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sitewatch.simulator.proxmox.PveClient.find;
import static org.sitewatch.simulator.proxmox.TestSites.E;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.simulator.ManualClock;

/** Envelope, booleans, auth, routing and the fields of every endpoint, over real HTTP. */
class ProxmoxApiTest {

    private final ManualClock clock = new ManualClock(TestSites.T0);
    private ProxmoxSimulator sim;
    private PveClient client;

    @BeforeEach
    void start() {
        sim = TestSites.start(TestSites.scenario(""), clock);
        client = new PveClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void exposesSitesTokensAndBaseUrls() {
        assertThat(sim.sites()).containsExactly("alpha", "beta");
        assertThat(sim.port()).isPositive();
        assertThat(sim.baseUrl("alpha")).isEqualTo("http://127.0.0.1:" + sim.port() + "/alpha/api2/json");
        assertThat(sim.apiToken("alpha")).isEqualTo("monitor@pve!collector=secret-a");
        assertThatThrownBy(() -> sim.baseUrl("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void envelopeWithIntegerBooleans() {
        PveClient.Reply r = client.get("alpha", "/cluster/status");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).startsWith("{\"data\":[");
        JsonNode cluster = find(r.json().get("data"), "type", "cluster");
        assertThat(cluster.get("quorate").isInt()).isTrue();
        assertThat(cluster.get("quorate").asInt()).isEqualTo(1);
        assertThat(cluster.get("name").asText()).isEqualTo("alpha-cluster");
        assertThat(cluster.get("nodes").asInt()).isEqualTo(3);
        JsonNode n1 = find(r.json().get("data"), "id", "node/n1");
        assertThat(n1.get("online").asInt()).isEqualTo(1);
        assertThat(n1.get("local").asInt()).isEqualTo(1);
        assertThat(find(r.json().get("data"), "id", "node/n2").get("local").asInt()).isZero();
        assertThat(n1.get("nodeid").asInt()).isEqualTo(1);
        assertThat(n1.get("ip").asText()).isEqualTo("10.0.0.1");
        assertThat(n1.get("level").asText()).isEmpty();
    }

    @Test
    void jsonBooleanSite() {
        JsonNode data = client.data("beta", "/cluster/status");
        assertThat(find(data, "type", "cluster").get("quorate").isBoolean()).isTrue();
        assertThat(find(data, "id", "node/b1").get("online").asBoolean()).isTrue();
        assertThat(find(data, "type", "cluster").get("name").asText()).isEqualTo("beta");
    }

    @Test
    void tokenIsChecked() {
        assertThat(client.get("alpha", "/version").status()).isEqualTo(200);
        for (String bad : new String[] {null, "PVEAPIToken=monitor@pve!collector=wrong",
                sim.authorizationHeader("beta"), "Bearer x"}) {
            PveClient.Reply r = client.get("alpha", "/version", bad);
            assertThat(r.status()).as(String.valueOf(bad)).isEqualTo(401);
            assertThat(r.body()).isEqualTo("{\"data\":null,\"message\":\"authentication failure\\n\"}");
        }
    }

    @Test
    void version() {
        JsonNode v = client.data("alpha", "/version");
        assertThat(v.get("version").asText()).isEqualTo("8.2.4");
        assertThat(v.get("release").asText()).isEqualTo("8.2");
        assertThat(v.has("repoid")).isTrue();
    }

    @Test
    void guestResources() {
        clock.advance(Duration.ofSeconds(42));
        JsonNode vms = client.data("alpha", "/cluster/resources?type=vm");
        assertThat(vms).hasSize(5);
        JsonNode app = find(vms, "id", "qemu/100");
        assertThat(app.get("vmid").asInt()).isEqualTo(100);
        assertThat(app.get("node").asText()).isEqualTo("n1");
        assertThat(app.get("type").asText()).isEqualTo("qemu");
        assertThat(app.get("name").asText()).isEqualTo("app");
        assertThat(app.get("status").asText()).isEqualTo("running");
        assertThat(app.get("uptime").asLong()).isEqualTo(42);
        assertThat(app.get("template").asInt()).isZero();
        assertThat(app.get("cpu").asDouble()).isBetween(0.0, 1.0);
        assertThat(app.get("maxcpu").asInt()).isEqualTo(4);
        assertThat(app.get("maxmem").asLong()).isEqualTo(8L << 30);
        assertThat(app.get("mem").asLong()).isBetween(1L, 8L << 30);
        assertThat(app.get("hastate").asText()).isEqualTo("started");
        JsonNode ct = find(vms, "id", "lxc/102");
        assertThat(ct.get("type").asText()).isEqualTo("lxc");
        assertThat(ct.has("hastate")).isFalse();
        assertThat(find(vms, "id", "qemu/103").get("status").asText()).isEqualTo("stopped");
        assertThat(find(vms, "id", "qemu/103").get("uptime").asLong()).isZero();
        assertThat(find(vms, "id", "qemu/9000").get("template").asInt()).isEqualTo(1);
    }

    @Test
    void nodeResourcesAndUnfilteredList() {
        JsonNode nodes = client.data("alpha", "/cluster/resources?type=node");
        assertThat(nodes).hasSize(3);
        JsonNode n1 = find(nodes, "id", "node/n1");
        assertThat(n1.get("type").asText()).isEqualTo("node");
        assertThat(n1.get("status").asText()).isEqualTo("online");
        assertThat(n1.get("hastate").asText()).isEqualTo("online");
        assertThat(n1.get("maxcpu").asInt()).isEqualTo(16);
        assertThat(client.data("alpha", "/cluster/resources")).hasSize(8);
        assertThat(client.data("alpha", "/cluster/resources?type=storage")).isEmpty();
        PveClient.Reply bad = client.get("alpha", "/cluster/resources?type=bogus");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get("type").asText()).contains("bogus");
        assertThat(bad.json().get("data").isNull()).isTrue();
    }

    @Test
    void haStatusAndResources() {
        JsonNode status = client.data("alpha", "/cluster/ha/status/current");
        JsonNode quorum = find(status, "id", "quorum");
        assertThat(quorum.get("type").asText()).isEqualTo("quorum");
        assertThat(quorum.get("status").asText()).isEqualTo("OK");
        assertThat(quorum.get("quorate").asInt()).isEqualTo(1);
        JsonNode master = find(status, "id", "master");
        assertThat(master.get("node").asText()).isEqualTo("n1");
        assertThat(master.get("timestamp").asLong()).isEqualTo(E);
        JsonNode lrm = find(status, "id", "lrm:n2");
        assertThat(lrm.get("type").asText()).isEqualTo("lrm");
        assertThat(lrm.get("timestamp").asLong()).isEqualTo(E);
        assertThat(find(status, "id", "lrm:n1").get("status").asText()).startsWith("n1 (active, Tue Jan  7 10:00:00 2025");
        JsonNode svc = find(status, "id", "service:vm:100");
        assertThat(svc.get("type").asText()).isEqualTo("service");
        assertThat(svc.get("sid").asText()).isEqualTo("vm:100");
        assertThat(svc.get("node").asText()).isEqualTo("n1");
        assertThat(svc.get("crm_state").asText()).isEqualTo("started");
        assertThat(svc.get("state").asText()).isEqualTo("started");
        assertThat(svc.get("request_state").asText()).isEqualTo("started");
        assertThat(svc.get("max_restart").asInt()).isEqualTo(1);
        assertThat(svc.get("max_relocate").asInt()).isEqualTo(1);
        assertThat(svc.get("status").asText()).isEqualTo("vm:100 (n1, started)");
        assertThat(status).hasSize(2 + 3 + 2);

        JsonNode resources = client.data("alpha", "/cluster/ha/resources");
        assertThat(resources).hasSize(2);
        JsonNode r = find(resources, "sid", "vm:101");
        assertThat(r.get("type").asText()).isEqualTo("vm");
        assertThat(r.get("state").asText()).isEqualTo("started");
        assertThat(r.get("digest").asText()).hasSize(40);
        assertThat(client.data("alpha", "/cluster/ha/resources?type=ct")).isEmpty();
    }

    @Test
    void replicationConfigAndStatus() {
        JsonNode config = client.data("alpha", "/cluster/replication");
        assertThat(config).hasSize(2);
        JsonNode j = find(config, "id", "100-0");
        assertThat(j.get("type").asText()).isEqualTo("local");
        assertThat(j.get("guest").asInt()).isEqualTo(100);
        assertThat(j.get("jobnum").asInt()).isZero();
        assertThat(j.get("target").asText()).isEqualTo("n2");
        assertThat(j.get("source").asText()).isEqualTo("n1");
        assertThat(j.get("schedule").asText()).isEqualTo("*/1");
        assertThat(find(config, "id", "101-0").has("schedule")).as("default schedule not sent").isFalse();

        JsonNode onN1 = client.data("alpha", "/nodes/n1/replication");
        assertThat(onN1).hasSize(2);
        JsonNode s = find(onN1, "id", "101-0");
        assertThat(s.get("vmtype").asText()).isEqualTo("qemu");
        assertThat(s.get("last_sync").asLong()).isEqualTo(E);
        assertThat(s.get("last_try").asLong()).isEqualTo(E);
        assertThat(s.get("next_sync").asLong()).isEqualTo(E + 15 * 60);
        assertThat(s.get("fail_count").asInt()).isZero();
        assertThat(s.get("duration").isDouble()).isTrue();
        assertThat(s.has("error")).isFalse();
        assertThat(s.has("pid")).isFalse();
        assertThat(client.data("alpha", "/nodes/n1/replication?guest=100")).hasSize(1);
        assertThat(client.data("alpha", "/nodes/n2/replication")).isEmpty();
        assertThat(client.data("alpha", "/nodes/n1/replication/100-0/status").get("id").asText()).isEqualTo("100-0");
        assertThat(client.get("alpha", "/nodes/n2/replication/100-0/status").status()).isEqualTo(500);
    }

    @Test
    void unknownPathsAndMethods() {
        PveClient.Reply r = client.get("alpha", "/cluster/nonsense");
        assertThat(r.status()).isEqualTo(501);
        assertThat(r.json().get("message").asText()).isEqualTo("Method 'GET /cluster/nonsense' not implemented\n");
        assertThat(client.get("alpha", "/nodes/n1/qemu").status()).isEqualTo(501);
        assertThat(client.get("alpha", "/nodes/zz/replication").status()).isEqualTo(500);
    }

    @Test
    void unknownSiteIs404() throws Exception {
        String origin = sim.baseUrl("alpha").replace("/alpha/api2/json", "");
        for (String path : new String[] {"/nowhere/api2/json/version", "/alpha/other", "/"}) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(origin + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void postIsNotImplemented() throws Exception {
        HttpRequest post = HttpRequest.newBuilder(URI.create(sim.baseUrl("alpha") + "/cluster/replication"))
                .header("Authorization", sim.authorizationHeader("alpha"))
                .POST(HttpRequest.BodyPublishers.ofString("id=100-1")).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(501);
        assertThat(r.body()).contains("Method 'POST /cluster/replication' not implemented");
    }

    @Test
    void nodesList() {
        JsonNode nodes = client.data("alpha", "/nodes");
        assertThat(find(nodes, "node", "n3").get("status").asText()).isEqualTo("online");
    }
}
