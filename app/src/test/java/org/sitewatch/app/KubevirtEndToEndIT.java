package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.StreamSupport;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KubeVirt end to end on one stack: the simulator's Kubernetes API server (its own HTTPS listener, reached
 * through the kubeconfig of the endpoint's settings, no {@code url}), the real KubeVirt collector (fabric8
 * informers on VMs, VMIs, VMIMs and nodes), the broker, the streams views and the alerts. One cluster of three
 * workers in site ocp-a; the scenario plays once, its steps after the stack has read the site: worker-2 goes
 * offline at 25 s (HaHostFailed; its HA VM's VMI fails and the VM is started on another worker as a new VMI: a
 * RESTART), returns at 36 s (the alert resolves), and db01 is live-migrated to worker-3 at 40 s (a MIGRATE).
 */
class KubevirtEndToEndIT {

    private static final String SCENARIO = """
            clusters:
              - name: ocp-a
                platform: kubevirt
                site: ocp-a
                cluster: ocp-a-cluster
                namespace: prod
                ha: { fenceDelay: 3s, recoveryDelay: 2s, crmRound: 1s }
                nodes:
                  - { name: worker-1 }
                  - { name: worker-2 }
                  - { name: worker-3 }
                vms:
                  - { vmid: 100, name: db01, node: worker-1, ha: true, maxcpu: 4, maxmem: 8G }
                  - { vmid: 101, name: web01, node: worker-2, ha: true }
                  - { vmid: 102, name: batch01, node: worker-3 }
                  - { vmid: 103, name: old01, node: worker-3, status: stopped }
            timeline:
              - { at: 25s, cluster: ocp-a, action: node-offline, node: worker-2 }
              - { at: 36s, cluster: ocp-a, action: node-online, node: worker-2 }
              - { at: 40s, cluster: ocp-a, action: ha-migrate, sid: "vm:100", node: worker-3 }
            """;
    private static final String SITE = "ocp-a";

    @TempDir
    static Path dataDir;

    private static EmbeddedStack stack;
    private static SitesApi api;

    @BeforeAll
    static void start() {
        // No replication here, so no test failover to report: not the point.
        stack = FastStack.start(dataDir, SCENARIO, Map.of("sitewatch.health.require-test-failover", "false"));
        api = new SitesApi(stack.httpPort());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aLostWorkerRestartsItsHaVmElsewhereALiveMigrationShowsAndTheAlertResolvesWhenTheWorkerReturns() {
        until("ocp-a's four VMs with their power states and hosts", Duration.ofSeconds(24),
                () -> host("db01").equals("worker-1") && host("web01").equals("worker-2")
                        && host("batch01").equals("worker-3") && power("old01").equals("STOPPED"));
        assertThat(api.get("/api/sites/" + SITE + "/vms").orElseThrow().path("items")).hasSize(4);
        assertThat(firing()).doesNotContain("HaHostFailed");

        until("HaHostFailed for worker-2", Duration.ofSeconds(30),
                () -> firing().contains("HaHostFailed") && firing().contains("worker-2"));
        until("web01 restarted on another worker: a RESTART", Duration.ofSeconds(30),
                () -> recentActions().contains("\"RESTART\""));
        assertThat(recentActions()).containsIgnoringCase("web01");
        until("web01 running again on worker-1 or worker-3", Duration.ofSeconds(15),
                () -> host("web01").equals("worker-1") || host("web01").equals("worker-3"));

        until("worker-2 back: HaHostFailed resolved", Duration.ofSeconds(30),
                () -> !firing().contains("HaHostFailed"));
        until("db01 live-migrated: a MIGRATE", Duration.ofSeconds(30), () -> recentActions().contains("\"MIGRATE\""));
        until("db01 running on worker-3", Duration.ofSeconds(10), () -> host("db01").equals("worker-3"));
        assertThat(power("db01")).isEqualTo("RUNNING");
        assertThat(host("batch01")).isEqualTo("worker-3");
    }

    /** Awaits the condition; on time-out the failure shows the site, its VMs and the firing alerts as they were. */
    private static void until(String alias, Duration atMost, Callable<Boolean> condition) {
        try {
            await(alias).atMost(atMost).pollInterval(Duration.ofMillis(250)).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(alias + " did not happen within " + atMost + "; site: " + api.site(SITE).orElse(null)
                    + "; vms: " + api.get("/api/sites/" + SITE + "/vms").orElse(null) + "; firing: "
                    + api.get("/api/alerts?state=firing").orElse(null), e);
        }
    }

    /** The VM as the site's VM list shows it; empty when not listed. */
    private static Optional<JsonNode> vm(String name) {
        return api.get("/api/sites/" + SITE + "/vms").flatMap(page -> StreamSupport.stream(page.path("items").spliterator(),
                false).filter(v -> v.path("name").asText().equals(name)).findFirst());
    }

    private static String power(String name) {
        return vm(name).map(v -> v.path("power").asText()).orElse("");
    }

    /** The host of a running VM; empty when it is not running. */
    private static String host(String name) {
        return vm(name).filter(v -> v.path("power").asText().equals("RUNNING")).map(v -> v.path("host").asText())
                .orElse("");
    }

    private static String firing() {
        // Firing ones only: a resolved alert stays listed for a while.
        return api.get("/api/alerts?state=firing&site=" + SITE).map(JsonNode::toString).orElse("");
    }

    private static String recentActions() {
        return api.site(SITE).map(s -> s.path("recentHaActions").toString()).orElse("");
    }
}
