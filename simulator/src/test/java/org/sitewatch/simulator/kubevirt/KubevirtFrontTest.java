package org.sitewatch.simulator.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;

/**
 * The KubeVirt front over its own HTTPS listener with a manual clock, read by a plain JDK client:
 * lists with resource versions, watches following the scenario (a stop, a removal, an HA migration's
 * phases, a node lost and its VM restarted elsewhere), 410 Expired, the token, faults and settings.
 */
class KubevirtFrontTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final String TOKEN = "kv-token-1";
    private static final String VMIS = "/apis/kubevirt.io/v1/namespaces/prod/virtualmachineinstances";
    static final String SCENARIO = """
            name: kubevirt-front-test
            clusters:
              - name: ocp-par
                cluster: ocp-paris
                platform: kubevirt
                site: paris
                namespace: prod
                token: %s
                ha: { fenceDelay: 4s, recoveryDelay: 2s, crmRound: 3s }
                nodes:
                  - { name: worker-1, ip: 10.0.0.11 }
                  - { name: worker-2, ip: 10.0.0.12 }
                  - { name: worker-3, ip: 10.0.0.13, site: lyon }
                vms:
                  - { vmid: 100, name: db01, node: worker-1, ha: true }
                  - { vmid: 101, name: web01, node: worker-2, ha: true }
                  - { vmid: 102, name: Batch_02, node: worker-3 }
              - name: ocp-small
                platform: kubevirt
                site: paris
                watch-history: 2
                nodes:
                  - { name: n1 }
                  - { name: n2 }
                vms:
                  - { vmid: 200, name: a, node: n1 }
                  - { vmid: 201, name: b, node: n1 }
                  - { vmid: 202, name: c, node: n1 }
            timeline:
              - { at: 10s, cluster: ocp-par, action: vm-stop, vmid: 101 }
              - { at: 30s, cluster: ocp-par, action: ha-migrate, sid: "vm:100", node: worker-2 }
              - { at: 60s, cluster: ocp-par, action: node-offline, node: worker-2 }
              - { at: 90s, cluster: ocp-par, action: vm-remove, vmid: 102 }
              - { at: 120s, cluster: ocp-par, action: api-fault, kind: http500, path: /apis/kubevirt.io, duration: 10s }
              - { at: 5s, cluster: ocp-small, action: vm-stop, vmid: 200 }
              - { at: 5s, cluster: ocp-small, action: vm-stop, vmid: 201 }
              - { at: 5s, cluster: ocp-small, action: vm-stop, vmid: 202 }
            """.formatted(TOKEN);

    private final ManualClock clock = new ManualClock(T0);
    private Simulator simulator;
    private JdkKubeClient client;
    private final List<JdkKubeClient.Watch> watches = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        simulator = Simulator.builder(Scenario.parse(SCENARIO)).clock(clock).tickInterval(null)
                .faultHold(Duration.ofMillis(300)).build().start();
        client = new JdkKubeClient(endpoint("ocp-par").url(), simulator.ownListenerCertificate().orElseThrow());
    }

    @AfterEach
    void stop() {
        watches.forEach(JdkKubeClient.Watch::close);
        simulator.close();
    }

    @Test
    void listsCarryResourceVersionsAndTheVendorShapes() throws Exception {
        JsonNode nodes = client.getJson("/api/v1/nodes", TOKEN);
        assertThat(nodes.path("kind").asText()).isEqualTo("NodeList");
        long listVersion = Long.parseLong(nodes.path("metadata").path("resourceVersion").asText());
        assertThat(nodes.path("items")).hasSize(3);
        for (JsonNode n : nodes.path("items")) {
            assertThat(Long.parseLong(n.path("metadata").path("resourceVersion").asText())).isBetween(1L, listVersion);
            assertThat(condition(n, "Ready").path("status").asText()).isEqualTo("True");
        }
        assertThat(nodes.path("items").get(2).path("metadata").path("labels").path("topology.kubernetes.io/zone").asText())
                .isEqualTo("lyon");

        JsonNode vms = client.getJson("/apis/kubevirt.io/v1/namespaces/prod/virtualmachines", TOKEN);
        assertThat(vms.path("kind").asText()).isEqualTo("VirtualMachineList");
        assertThat(vms.path("items")).extracting(v -> v.path("metadata").path("name").asText())
                .containsExactly("db01", "web01", "batch-02");
        assertThat(vms.path("items")).extracting(v -> v.path("spec").path("runStrategy").asText())
                .containsExactly("Always", "Always", "Manual");
        assertThat(vms.path("items")).extracting(v -> v.path("status").path("printableStatus").asText())
                .containsOnly("Running");

        JsonNode vmis = client.getJson("/apis/kubevirt.io/v1/virtualmachineinstances", TOKEN);
        assertThat(vmis.path("items")).extracting(v -> v.path("status").path("nodeName").asText())
                .containsExactly("worker-1", "worker-2", "worker-3");
        JsonNode db01 = vmis.path("items").get(0);
        assertThat(db01.path("status").path("phase").asText()).isEqualTo("Running");
        assertThat(db01.path("status").path("phaseTransitionTimestamps")).extracting(p -> p.path("phase").asText())
                .containsExactly("Pending", "Scheduling", "Scheduled", "Running");
        assertThat(db01.path("metadata").path("ownerReferences").get(0).path("uid").asText())
                .isEqualTo(vms.path("items").get(0).path("metadata").path("uid").asText());

        assertThat(client.getJson("/apis/kubevirt.io/v1/namespaces/other/virtualmachines", TOKEN).path("items")).isEmpty();
        assertThat(client.getJson(VMIS + "/web01", TOKEN).path("status").path("nodeName").asText()).isEqualTo("worker-2");
        assertThat(client.get(VMIS + "/nope", TOKEN).statusCode()).isEqualTo(404);
        assertThat(client.getJson("/version", TOKEN).path("gitVersion").asText()).isEqualTo(KubevirtFront.KUBERNETES_VERSION);
        assertThat(client.getJson("/apis/kubevirt.io/v1", TOKEN).path("resources"))
                .extracting(r -> r.path("name").asText())
                .containsExactly("virtualmachines", "virtualmachineinstances", "virtualmachineinstancemigrations");
        assertThat(client.get("/apis/other.io/v1/things", TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void callsWithoutTheTokenAre401() throws Exception {
        HttpResponse<String> none = client.get("/api/v1/nodes", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(JdkKubeClient.JSON.readTree(none.body()).path("reason").asText()).isEqualTo("Unauthorized");
        assertThat(client.get("/api/v1/nodes", "someone-else").statusCode()).isEqualTo(401);
        assertThat(client.get("/api/v1/nodes", TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void aWatchSeesAStopAndARemoval() throws Exception {
        String version = client.getJson(VMIS, TOKEN).path("metadata").path("resourceVersion").asText();
        JdkKubeClient.Watch watch = watch(VMIS + "?watch=true&resourceVersion=" + version);
        assertThat(watch.status).isEqualTo(200);
        assertThat(watch.poll(300)).isNull();

        clock.set(T0.plusSeconds(11));
        JsonNode stopping = client.getJson("/apis/kubevirt.io/v1/namespaces/prod/virtualmachines/web01", TOKEN);
        assertThat(stopping.path("status").path("printableStatus").asText()).isEqualTo("Stopping");
        assertThat(stopping.path("spec").path("runStrategy").asText()).isEqualTo("Halted");
        clock.set(T0.plusSeconds(14));
        JsonNode succeeded = watch.nextChange();
        assertThat(succeeded.path("type").asText()).isEqualTo("MODIFIED");
        assertThat(succeeded.path("object").path("metadata").path("name").asText()).isEqualTo("web01");
        assertThat(succeeded.path("object").path("status").path("phase").asText()).isEqualTo("Succeeded");
        JsonNode gone = watch.nextChange();
        assertThat(gone.path("type").asText()).isEqualTo("DELETED");
        assertThat(gone.path("object").path("metadata").path("name").asText()).isEqualTo("web01");
        assertThat(version(gone)).isGreaterThan(version(succeeded)).isGreaterThan(Long.parseLong(version));
        assertThat(client.getJson("/apis/kubevirt.io/v1/namespaces/prod/virtualmachines/web01", TOKEN)
                .path("status").path("printableStatus").asText()).isEqualTo("Stopped");

        clock.set(T0.plusSeconds(91)); // the migration and node loss of db01 happen on the way; batch-02 is removed
        JsonNode next;
        do {
            next = watch.nextChange();
        } while (!next.path("object").path("metadata").path("name").asText().equals("batch-02"));
        assertThat(next.path("type").asText()).isEqualTo("DELETED");
        assertThat(client.get("/apis/kubevirt.io/v1/namespaces/prod/virtualmachines/batch-02", TOKEN).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aWatchWithoutAVersionStartsWithEveryObjectAdded() throws Exception {
        JdkKubeClient.Watch watch = watch("/api/v1/nodes?watch=1");
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode e = watch.next();
            assertThat(e.path("type").asText()).isEqualTo("ADDED");
            added.add(e.path("object").path("metadata").path("name").asText());
        }
        assertThat(added).containsExactly("worker-1", "worker-2", "worker-3");
    }

    @Test
    void anHaMigrationWalksThroughItsPhasesAndMovesTheVmi() throws Exception {
        clock.set(T0.plusSeconds(29));
        String path = "/apis/kubevirt.io/v1/virtualmachineinstancemigrations";
        String version = client.getJson(path, TOKEN).path("metadata").path("resourceVersion").asText();
        JdkKubeClient.Watch watch = watch(path + "?watch=true&allowWatchBookmarks=true&resourceVersion=" + version);
        List<String> phases = new ArrayList<>();
        JsonNode last = null;
        for (int halfSeconds = 60; halfSeconds <= 66; halfSeconds++) {
            clock.set(T0.plusMillis(halfSeconds * 500L));
            last = watch.nextChange();
            phases.add(last.path("object").path("status").path("phase").asText());
            // the target node is known once the migration is scheduled, before the switch-over
            JsonNode target = last.path("object").path("status").path("migrationState").path("targetNode");
            if (halfSeconds == 60) {
                assertThat(target.isMissingNode()).as("target of a Pending migration").isTrue();
            } else {
                assertThat(target.asText()).as("target at " + phases.get(phases.size() - 1)).isEqualTo("worker-2");
            }
            if (halfSeconds == 61) {
                JsonNode vmi = client.getJson(VMIS + "/db01", TOKEN);
                assertThat(vmi.path("status").path("nodeName").asText()).isEqualTo("worker-1");
                assertThat(vmi.path("status").path("migrationState").path("targetNode").asText()).isEqualTo("worker-2");
            }
            if (halfSeconds == 60) {
                assertThat(last.path("type").asText()).isEqualTo("ADDED");
                JsonNode vm = client.getJson("/apis/kubevirt.io/v1/namespaces/prod/virtualmachines/db01", TOKEN);
                assertThat(vm.path("status").path("printableStatus").asText()).isEqualTo("Migrating");
            }
        }
        assertThat(phases).containsExactly("Pending", "Scheduling", "Scheduled", "PreparingTarget", "TargetReady",
                "Running", "Succeeded");
        // each phase entered once, in order (a refresh within a phase adds nothing)
        assertThat(last.path("object").path("status").path("phaseTransitionTimestamps").findValuesAsText("phase"))
                .containsExactlyElementsOf(phases);
        JsonNode state = last.path("object").path("status").path("migrationState");
        assertThat(state.path("sourceNode").asText()).isEqualTo("worker-1");
        assertThat(state.path("targetNode").asText()).isEqualTo("worker-2");
        assertThat(state.path("completed").asBoolean()).isTrue();

        JsonNode vmi = client.getJson(VMIS + "/db01", TOKEN);
        assertThat(vmi.path("status").path("nodeName").asText()).isEqualTo("worker-2");
        assertThat(vmi.path("status").path("migrationState").path("migrationUid").asText())
                .isEqualTo(last.path("object").path("metadata").path("uid").asText());
        assertThat(vmi.path("status").path("migrationState").path("endTimestamp").asText()).isEqualTo("2026-03-02T08:00:33Z");
    }

    @Test
    void aLostNodeTurnsItsVmiUnknownThenFailedAndHaRestartsItElsewhereAsANewVmi() throws Exception {
        clock.set(T0.plusSeconds(59)); // db01 has migrated to worker-2
        JsonNode before = client.getJson(VMIS + "/db01", TOKEN);
        assertThat(before.path("status").path("nodeName").asText()).isEqualTo("worker-2");
        String version = client.getJson(VMIS, TOKEN).path("metadata").path("resourceVersion").asText();
        JdkKubeClient.Watch watch = watch(VMIS + "?watch=true&resourceVersion=" + version);
        JdkKubeClient.Watch nodes = watch("/api/v1/nodes?watch=true&resourceVersion=" + version);

        clock.set(T0.plusSeconds(61));
        JsonNode node = nodes.nextChange();
        assertThat(node.path("object").path("metadata").path("name").asText()).isEqualTo("worker-2");
        assertThat(condition(node.path("object"), "Ready").path("status").asText()).isEqualTo("Unknown");
        assertThat(node.path("object").path("spec").path("taints").get(0).path("key").asText())
                .isEqualTo("node.kubernetes.io/unreachable");
        assertThat(phaseOf(watch.nextChange())).isEqualTo("Unknown");

        clock.set(T0.plusSeconds(65)); // fenced after 4 s: recovering
        JsonNode failed = watch.nextChange();
        assertThat(phaseOf(failed)).isEqualTo("Failed");
        assertThat(failed.path("object").path("status").path("reason").asText()).isEqualTo("NodeUnresponsive");

        clock.set(T0.plusSeconds(67)); // recovered after 2 s on another node
        JsonNode deleted = watch.nextChange();
        assertThat(deleted.path("type").asText()).isEqualTo("DELETED");
        JsonNode added = watch.nextChange();
        assertThat(added.path("type").asText()).isEqualTo("ADDED");
        assertThat(phaseOf(added)).isEqualTo("Running");
        assertThat(added.path("object").path("status").path("nodeName").asText()).isNotEqualTo("worker-2");
        assertThat(added.path("object").path("metadata").path("uid").asText())
                .isNotEqualTo(before.path("metadata").path("uid").asText());
        assertThat(deleted.path("object").path("metadata").path("uid").asText()).isEqualTo(before.path("metadata").path("uid").asText());
    }

    @Test
    void aRestartElsewhereThatNoPollSawFailingStillEndsTheOldVmiFailedBeforeTheNewOne() throws Exception {
        clock.set(T0.plusSeconds(59));
        JsonNode before = client.getJson(VMIS + "/db01", TOKEN);
        String version = client.getJson(VMIS, TOKEN).path("metadata").path("resourceVersion").asText();
        JdkKubeClient.Watch watch = watch(VMIS + "?watch=true&resourceVersion=" + version);
        assertThat(watch.poll(300)).isNull();

        clock.set(T0.plusSeconds(80)); // lost, fenced and restarted between two polls
        JsonNode failed = watch.nextChange();
        assertThat(failed.path("type").asText()).isEqualTo("MODIFIED");
        assertThat(phaseOf(failed)).isEqualTo("Failed");
        assertThat(watch.nextChange().path("type").asText()).isEqualTo("DELETED");
        JsonNode added = watch.nextChange();
        assertThat(added.path("type").asText()).isEqualTo("ADDED");
        assertThat(added.path("object").path("metadata").path("uid").asText())
                .isNotEqualTo(before.path("metadata").path("uid").asText());
    }

    @Test
    void aWatchFromAVersionOlderThanTheHistoryIsTold410Expired() throws Exception {
        JdkKubeClient small = new JdkKubeClient(endpoint("ocp-small").url(), simulator.ownListenerCertificate().orElseThrow());
        String token = KubeSettings.DEFAULT_TOKEN;
        String vmis = "/apis/kubevirt.io/v1/virtualmachineinstances";
        String old = small.getJson(vmis, token).path("metadata").path("resourceVersion").asText();
        clock.set(T0.plusSeconds(6)); // three VMIs end and go: six changes, two kept
        String current = small.getJson(vmis, token).path("metadata").path("resourceVersion").asText();

        JdkKubeClient.Watch expired = watch(small, vmis + "?watch=true&resourceVersion=" + old, token);
        JsonNode error = expired.next();
        assertThat(error.path("type").asText()).isEqualTo("ERROR");
        assertThat(error.path("object").path("code").asInt()).isEqualTo(410);
        assertThat(error.path("object").path("reason").asText()).isEqualTo("Expired");

        JdkKubeClient.Watch fresh = watch(small, vmis + "?watch=true&resourceVersion=" + current, token);
        assertThat(fresh.poll(300)).isNull();
        assertThat(fresh.ended()).isFalse();
    }

    @Test
    void aFaultAnswersByPathAndEndsTheWatchesItHits() throws Exception {
        JdkKubeClient.Watch watch = watch(VMIS + "?watch=true");
        clock.set(T0.plusSeconds(121));
        assertThat(client.get(VMIS, TOKEN).statusCode()).isEqualTo(500);
        assertThat(client.get("/api/v1/nodes", TOKEN).statusCode()).isEqualTo(200);
        await("a watch the fault hits ends").atMost(Duration.ofSeconds(3)).until(watch::ended);
        clock.set(T0.plusSeconds(131));
        assertThat(client.get(VMIS, TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void collectorSettingsAreAKubeconfigWithTheListenerCertificateAndToken() throws Exception {
        SimulatedEndpoint ep = endpoint("ocp-par");
        assertThat(ep.url()).startsWith("https://127.0.0.1:");
        assertThat(ep.settings()).containsEntry("cluster-name", "ocp-paris").containsEntry("context", "sitewatch@ocp-par");
        String kubeconfig = Files.readString(Path.of(ep.settings().get("kubeconfig-file")));
        assertThat(kubeconfig).contains("server: \"" + ep.url() + "\"").contains("token: \"" + TOKEN + "\"")
                .contains(simulator.ownListenerCertificate().orElseThrow().toAbsolutePath().toString());
        assertThat(ep.toString()).doesNotContain(TOKEN);
        // the KubeVirt collector has no url key: the kubeconfig carries the address
        assertThat(ep.vendorProperties()).doesNotContainKey("url")
                .containsKeys("kubeconfig-file", "context", "cluster-name");
    }

    @Test
    void badSettingsAreRejectedNamingTheKey() {
        assertThatThrownBy(() -> Scenario.parse(SCENARIO.replace("namespace: prod", "namespace: Prod_1")))
                .hasMessageContaining("namespace").hasMessageContaining("Prod_1");
        assertThatThrownBy(() -> Scenario.parse(SCENARIO.replace("watch-history: 2", "watch-history: 0")))
                .hasMessageContaining("watch-history");
    }

    private JdkKubeClient.Watch watch(String path) throws Exception {
        return watch(client, path, TOKEN);
    }

    private JdkKubeClient.Watch watch(JdkKubeClient c, String path, String token) throws Exception {
        JdkKubeClient.Watch w = c.watch(path, token);
        watches.add(w);
        return w;
    }

    private SimulatedEndpoint endpoint(String name) {
        return simulator.endpoints().stream().filter(e -> e.id().equals(name)).findFirst().orElseThrow();
    }

    private static JsonNode condition(JsonNode object, String type) {
        for (JsonNode c : object.path("status").path("conditions")) {
            if (c.path("type").asText().equals(type)) {
                return c;
            }
        }
        throw new AssertionError("no condition " + type + " in " + object);
    }

    private static String phaseOf(JsonNode event) {
        return event.path("object").path("status").path("phase").asText();
    }

    private static long version(JsonNode event) {
        return Long.parseLong(event.path("object").path("metadata").path("resourceVersion").asText());
    }
}
