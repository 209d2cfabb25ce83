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
 * oVirt / RHV end to end on one stack: the simulator's engine (SSO tokens, REST API v4, the event list), the real
 * oVirt collector (inventory per poll, the events as its checkpointed history, the storage-domain DR pair), the
 * broker, the streams views and the alerts. Engine rhv-a: three hosts in data center dc-rhv-a (site rhv-a) and a
 * standby host in dc-rhv-b (site rhv-b) holding the replica of db01's data domain, so the pair rhv-a -> rhv-b. The
 * scenario plays once, after the stack has read the site: host rhv-a2 goes non responsive at 27 s (HaHostFailed,
 * the site no longer OK), the engine fences it and restarts its HA VM web01 on another host of the cluster (a
 * RESTART from the engine's 506 event), the array reports the replication of db01's domain broken at 27 s
 * (ReplicationFailed) until 30 s, and the host returns at 33 s: everything resolves. About 40 s; the site is read
 * about 20 s into the scenario, hence the incidents at 27 s.
 */
class OvirtEndToEndIT {

    private static final String SCENARIO = """
            clusters:
              - name: rhv-a
                platform: ovirt
                site: rhv-a
                cluster: rhv-a
                password: "rhv-a-simulated"
                typing: strings
                ha: { fenceDelay: 3s, recoveryDelay: 2s, crmRound: 1s }
                nodes:
                  - { name: rhv-a1 }
                  - { name: rhv-a2 }
                  - { name: rhv-a3 }
                  - { name: rhv-b1, site: rhv-b }
                vms:
                  - { vmid: 100, name: db01, node: rhv-a1, ha: true, maxcpu: 4, maxmem: 8G }
                  - { vmid: 101, name: web01, node: rhv-a2, ha: true }
                  - { vmid: 102, name: app01, node: rhv-a3, ha: true }
                  - { vmid: 103, name: old01, node: rhv-a3, status: stopped }
                replication:
                  - { guest: 100, target: rhv-b1, syncEverySeconds: 3, syncDuration: 1s, retryUnitSeconds: 1 }
            timeline:
              - { at: 27s, cluster: rhv-a, action: node-offline, node: rhv-a2 }
              - { at: 27s, cluster: rhv-a, action: replication-fail, job: 100-0, error: "remote mirror suspended" }
              - { at: 30s, cluster: rhv-a, action: replication-recover, job: 100-0 }
              - { at: 33s, cluster: rhv-a, action: node-online, node: rhv-a2 }
            """;
    private static final String SITE = "rhv-a";
    private static final String PAIR = "/api/site-pairs/rhv-a/rhv-b";

    @TempDir
    static Path dataDir;

    private static EmbeddedStack stack;
    private static SitesApi api;

    @BeforeAll
    static void start() {
        // The engine shows no test failover of a storage domain pair: not the point here.
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
    void aNonResponsiveHostFailsOverItsHaVmTheDrPairFailsAndEverythingResolves() {
        until("rhv-a's four VMs, three hosts and the DR pair read, the site OK", Duration.ofSeconds(26),
                () -> host("db01").equals("rhv-a1") && host("web01").equals("rhv-a2") && power("old01").equals("STOPPED")
                        && count("haHosts") == 3 && count("replication") == 1
                        && api.siteStatus(SITE).equals(Optional.of("OK")));
        JsonNode item = api.get("/api/replication/items?site=" + SITE).orElseThrow().path("items").get(0);
        assertThat(item.path("name").asText()).as("%s", item).isEqualTo("data-db01 -> data-db01-dr");
        assertThat(item.path("targetSite").asText()).as("%s", item).isEqualTo("rhv-b");
        assertThat(item.path("technology").asText()).as("%s", item).isEqualTo("ovirt-storage-dr");
        assertThat(firing()).doesNotContain("HaHostFailed");

        until("HaHostFailed for rhv-a2 and the site no longer OK", Duration.ofSeconds(20),
                () -> firing().contains("HaHostFailed") && firing().contains("rhv-a2")
                        && !api.siteStatus(SITE).equals(Optional.of("OK")));
        until("ReplicationFailed for the DR pair", Duration.ofSeconds(15), () -> firing().contains("ReplicationFailed"));
        until("web01 restarted by the engine: a RESTART", Duration.ofSeconds(15),
                () -> recentActions().contains("\"RESTART\""));
        assertThat(recentActions()).contains("\"vendorState\":\"506 VDS_INITIATED_RUN_VM (normal)\"");
        until("web01 running again on rhv-a1 or rhv-a3, never on the standby rhv-b1", Duration.ofSeconds(10),
                () -> host("web01").equals("rhv-a1") || host("web01").equals("rhv-a3"));

        until("rhv-a2 back and the pair replicating: both alerts resolved, the site OK", Duration.ofSeconds(25),
                () -> !firing().contains("HaHostFailed") && !firing().contains("ReplicationFailed")
                        && api.siteStatus(SITE).equals(Optional.of("OK")));
        JsonNode pair = api.get(PAIR).orElseThrow();
        assertThat(pair.path("items").path("total").asLong()).isEqualTo(1);
        // the engine shows no recovery points for array-replicated domains: the pair is not held "never synced"
        assertThat(pair.has("reasons")).as("%s", pair).isTrue();
        assertThat(pair.path("reasons").toString()).as("%s", pair).doesNotContain("never synced");
    }

    /** Awaits the condition; on time-out the failure shows the site, its pair and the firing alerts as they were. */
    private static void until(String alias, Duration atMost, Callable<Boolean> condition) {
        try {
            await(alias).atMost(atMost).pollInterval(Duration.ofMillis(250)).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(alias + " did not happen within " + atMost + "; site: " + api.site(SITE).orElse(null)
                    + "; pair: " + api.get(PAIR).orElse(null) + "; firing: " + api.get("/api/alerts?state=firing").orElse(null), e);
        }
    }

    private static long count(String what) {
        return api.site(SITE).map(s -> s.path("counts").path(what).path("total").asLong()).orElse(0L);
    }

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
