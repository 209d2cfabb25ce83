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
 * Oracle VM end to end on one stack: the simulator's Oracle VM Manager (Web Services REST, Basic login and session
 * cookie), the real Oracle VM collector, the broker, the streams views and the alerts. One Manager with one
 * clustered server pool of three servers in site ovm-a; the scenario plays once, its steps after the stack has read
 * the site (the stack's views answer about 20 s after the simulator starts): server ovs-b stops at 26 s (its HA host
 * FAILED, HaHostFailed, the pool's healthy servers 3 → 2; the pool's HA restarts its HA VM on another server about
 * 3 s later, which the collector derives from two polls: a RESTART) and returns at 32 s (the alert resolves, the pool
 * is whole again).
 */
class OracleVmEndToEndIT {

    private static final String SCENARIO = """
            clusters:
              - name: ovmm-a
                platform: oraclevm
                site: ovm-a
                cluster: ovmm-a
                poolName: pool-a
                ha: { fenceDelay: 2s, recoveryDelay: 1s, crmRound: 1s }
                nodes:
                  - { name: ovs-a }
                  - { name: ovs-b }
                  - { name: ovs-c }
                vms:
                  - { vmid: 100, name: erp-db, node: ovs-b, ha: true, maxcpu: 4, maxmem: 16G }
                  - { vmid: 101, name: web-1, node: ovs-a, ha: true }
                  - { vmid: 102, name: batch, node: ovs-c }
                  - { vmid: 103, name: legacy, node: ovs-c, status: stopped }
                  - { vmid: 9000, name: ol8-template, node: ovs-a, status: stopped, template: true }
            timeline:
              - { at: 26s, cluster: ovmm-a, action: node-offline, node: ovs-b }
              - { at: 32s, cluster: ovmm-a, action: node-online, node: ovs-b }
            """;
    private static final String SITE = "ovm-a";

    @TempDir
    static Path dataDir;

    private static EmbeddedStack stack;
    private static SitesApi api;

    @BeforeAll
    static void start() {
        // No replication on Oracle VM, so no test failover to report: not the point.
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
    void aStoppedServerFailsItsHostDegradesThePoolRestartsItsHaVmElsewhereAndAllResolvesWhenItReturns() {
        until("ovm-a's four VMs (the template left out) with their states and servers", Duration.ofSeconds(25),
                () -> host("erp-db").equals("ovs-b") && host("web-1").equals("ovs-a") && host("batch").equals("ovs-c")
                        && power("legacy").equals("STOPPED") && pool().path("hostsHealthy").asInt() == 3);
        assertThat(api.get("/api/sites/" + SITE + "/vms").orElseThrow().path("items")).hasSize(4);
        assertThat(pool().path("haEnabled").asBoolean()).isTrue();
        until("ovm-a OK before the incident", Duration.ofSeconds(10), () -> api.siteStatus(SITE).equals(Optional.of("OK")));

        until("HaHostFailed for ovs-b and the pool down to 2 healthy servers", Duration.ofSeconds(25),
                () -> firing().contains("HaHostFailed") && firing().contains("ovs-b")
                        && pool().path("hostsHealthy").asInt() == 2);
        assertThat(pool().path("hostsTotal").asInt()).isEqualTo(3);
        assertThat(api.siteStatus(SITE)).isPresent().get().isNotEqualTo("OK");

        until("erp-db restarted on another server: a RESTART from ovs-b", Duration.ofSeconds(20),
                () -> recentActions().contains("\"RESTART\""));
        assertThat(recentActions()).containsIgnoringCase("\"fromHost\":\"ovs-b\"").contains("pool-a");
        until("erp-db running on ovs-a or ovs-c", Duration.ofSeconds(10),
                () -> host("erp-db").equals("ovs-a") || host("erp-db").equals("ovs-c"));

        until("ovs-b back: HaHostFailed resolved and the pool whole", Duration.ofSeconds(20),
                () -> !firing().contains("HaHostFailed") && pool().path("hostsHealthy").asInt() == 3);
        until("ovm-a OK", Duration.ofSeconds(15), () -> api.siteStatus(SITE).equals(Optional.of("OK")));
        assertThat(host("batch")).isEqualTo("ovs-c");
    }

    /** Awaits the condition; on time-out the failure shows the site, its VMs, its pool and the firing alerts. */
    private static void until(String alias, Duration atMost, Callable<Boolean> condition) {
        try {
            await(alias).atMost(atMost).pollInterval(Duration.ofMillis(250)).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(alias + " did not happen within " + atMost + "; site: " + api.site(SITE).orElse(null)
                    + "; vms: " + api.get("/api/sites/" + SITE + "/vms").orElse(null) + "; pool: " + pool()
                    + "; firing: " + api.get("/api/alerts?state=firing").orElse(null), e);
        }
    }

    /** The site's one HA cluster (the server pool) as the view shows it; a missing node until read. */
    private static JsonNode pool() {
        return api.get("/api/ha/clusters?site=" + SITE).map(page -> page.path("items").path(0))
                .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
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
