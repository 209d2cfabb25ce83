package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hyper-V end to end on one stack: the simulator's WinRM listeners, the real Hyper-V collector (one endpoint per
 * failover cluster, read node by node), the broker, the streams views and the alerts. Four clusters, one site each;
 * the scenario plays once and its incidents start 40 s in, after every site has been read:
 * <ul>
 *   <li>hv-a (HVC-A) replicates hv-a-db with Hyper-V Replica to the replica server hv-r1 standing in hv-b, so the
 *       pair {@code hv-a -> hv-b}. The link goes to Error ({@code replication-fail}): the pair is NOT_READY and
 *       ReplicationFailed fires; after {@code replication-recover} the next retry replicates again, the alert
 *       resolves and the pair is READY.</li>
 *   <li>At the same time hv-a2 goes Down: HaHostFailed fires for it, its VM role is restarted (a RESTART from hv-a2
 *       in the site's recent HA actions, and HaVmRestarted) on another node of its cluster, never on the replica
 *       server hv-r1 in hv-b; the node comes back and the alert resolves.</li>
 *   <li>Failure isolation: hv-c's listeners refuse the login (CollectorAuthFailed for hv-c only) and hv-d's node
 *       hv-d2 times out (hv-d DEGRADED by a partial read naming the node, its other node still read), while the
 *       replication target hv-b sees nothing of any of it.</li>
 * </ul>
 * A host that does not answer costs the collector a request time-out: WS-Management's OperationTimeout plus 5 s
 * (the embedded simulator holds such a request for a minute). hv-a (whose Down node is asked once more before the
 * cluster says it is Down) and hv-d get a 1 s OperationTimeout, so that is about 6 s instead of 25 s, and poll every
 * 5 s: a poll that long at the tests' 0.5 s interval would leave the collector without heartbeats long enough to be
 * judged stale (3 intervals), and the site UNKNOWN instead of showing its partial read.
 * hv-d2's fault lasts 25 s: a poll already past its Create shell when the fault begins loses its ~6 s on the
 * Delete shell, and the next one starts 5 s after it ends, so a 15 s fault could fall between two polls' reads.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HypervEndToEndIT {

    private static final String SCENARIO = """
            clusters:
              - name: hv-a
                platform: hyperv
                site: hv-a
                cluster: HVC-A
                ha: { fenceDelay: 3s, recoveryDelay: 2s, crmRound: 1s }
                nodes:
                  - { name: hv-a1 }
                  - { name: hv-a2 }
                  - { name: hv-a3 }
                  - { name: hv-r1, site: hv-b }
                vms:
                  - { vmid: 100, name: hv-a-web, node: hv-a2, ha: true }
                  - { vmid: 101, name: hv-a-db, node: hv-a1, ha: true }
                  - { vmid: 102, name: hv-a-app, node: hv-a3, ha: true }
                replication:
                  - { guest: 101, target: hv-r1, syncEverySeconds: 5, syncDuration: 1s, retryUnitSeconds: 1 }
              - name: hv-b
                platform: hyperv
                site: hv-b
                cluster: HVC-B
                nodes: [ { name: hv-b1 }, { name: hv-b2 }, { name: hv-b3 } ]
                vms:
                  - { vmid: 200, name: hv-b-web, node: hv-b1, ha: true }
              - name: hv-c
                platform: hyperv
                site: hv-c
                cluster: HVC-C
                nodes: [ { name: hv-c1 }, { name: hv-c2 }, { name: hv-c3 } ]
                vms:
                  - { vmid: 300, name: hv-c-web, node: hv-c1, ha: true }
              - name: hv-d
                platform: hyperv
                site: hv-d
                cluster: HVC-D
                nodes: [ { name: hv-d1 }, { name: hv-d2 }, { name: hv-d3 } ]
                vms:
                  - { vmid: 400, name: hv-d-web, node: hv-d1 }
                  - { vmid: 401, name: hv-d-app, node: hv-d2 }
            timeline:
              - { at: 40s, cluster: hv-a, action: replication-fail, job: 101-0,
                  error: "Hyper-V failed to replicate changes for virtual machine 'hv-a-db'" }
              - { at: 40s, cluster: hv-a, action: node-offline, node: hv-a2 }
              - { at: 40s, cluster: hv-c, action: api-fault, kind: auth, path: /wsman, duration: 15s }
              - { at: 40s, cluster: hv-d, action: api-fault, kind: timeout, path: /hv-d2, duration: 25s }
              - { at: 50s, cluster: hv-a, action: replication-recover, job: 101-0 }
              - { at: 60s, cluster: hv-a, action: node-online, node: hv-a2 }
            """;
    private static final String PAIR = "/api/site-pairs/hv-a/hv-b";
    /** hv-a and hv-d are the first and the fourth cluster, so endpoints 0 and 3. */
    private static final String HV_A = "sitewatch.collectors.endpoints[0].";
    private static final String HV_D = "sitewatch.collectors.endpoints[3].";

    @TempDir
    static Path dataDir;

    private static EmbeddedStack stack;
    private static SitesApi api;
    private static Recorder recorder;

    @BeforeAll
    static void start() {
        stack = FastStack.start(dataDir, SCENARIO, Map.of(
                // The replica server is no endpoint of its own here, so no test failover is seen: not the point.
                "sitewatch.health.require-test-failover", "false",
                HV_A + "poll-interval", "5s",
                HV_A + "poll-deadline", "20s",
                HV_A + "hyperv.operation-timeout", "1s",
                HV_D + "poll-interval", "5s",
                HV_D + "poll-deadline", "20s",
                HV_D + "hyperv.operation-timeout", "1s"));
        api = new SitesApi(stack.httpPort());
        recorder = new Recorder();
        recorder.start();
        until("every site read before the incidents", Duration.ofSeconds(60), () -> count("hv-a", "vms") == 3
                && count("hv-a", "haHosts") == 3 && count("hv-a", "replication") == 1 && count("hv-b", "vms") == 1
                && count("hv-b", "haHosts") == 3 && count("hv-c", "vms") == 1 && count("hv-d", "vms") == 2
                && api.siteStatus("hv-b").equals(Optional.of("OK")));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (recorder != null) {
            recorder.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aReplicaLinkInErrorMakesThePairNotReadyAndAFailedNodeRestartsItsRoleAndBothRecover() {
        JsonNode before = api.get(PAIR).orElseThrow();
        assertThat(before.path("items").path("total").asLong()).as("%s", before).isEqualTo(1);

        until("hv-a -> hv-b NOT_READY for the failed link", Duration.ofSeconds(60),
                () -> api.get(PAIR).filter(p -> p.path("readiness").asText().equals("NOT_READY")
                        && p.path("reasons").toString().contains("1 replicated item FAILED")).isPresent());
        until("ReplicationFailed for hv-a-db", Duration.ofSeconds(30),
                () -> firing("hv-a").contains("ReplicationFailed"));
        JsonNode item = api.get("/api/replication/items?site=hv-a").orElseThrow().path("items").get(0);
        assertThat(item.path("name").asText()).as("%s", item).isEqualTo("hv-a-db");
        assertThat(item.path("targetSite").asText()).as("%s", item).isEqualTo("hv-b");
        assertThat(item.path("technology").asText()).as("%s", item).isEqualTo("hyperv-replica");

        until("HaHostFailed for hv-a2", Duration.ofSeconds(30),
                () -> firing("hv-a").contains("HaHostFailed") && firing("hv-a").contains("hv-a2"));
        until("the cluster restarts hv-a2's VM role elsewhere", Duration.ofSeconds(30),
                () -> recentActions("hv-a").contains("\"RESTART\""));
        assertThat(recentActions("hv-a")).contains("\"cluster\":\"HVC-A\"")
                .containsIgnoringCase("\"fromHost\":\"hv-a2\"");
        // Restarted on another node of the cluster, never on the replica server in hv-b: hv-a still lists it.
        until("hv-a-web running again on hv-a1 or hv-a3", Duration.ofSeconds(30), () -> vmHost("hv-a", "hv-a-web")
                .map(h -> h.equalsIgnoreCase("hv-a1") || h.equalsIgnoreCase("hv-a3")).orElse(false));
        assertThat(count("hv-a", "vms")).isEqualTo(3);
        until("HaVmRestarted for the restarted VM", Duration.ofSeconds(30),
                () -> firing("hv-a").contains("HaVmRestarted") && firing("hv-a").contains("hv-a-web"));

        until("the link replicates again: hv-a -> hv-b READY", Duration.ofSeconds(75),
                () -> api.get(PAIR).map(p -> p.path("readiness").asText()).equals(Optional.of("READY")));
        until("ReplicationFailed and HaHostFailed resolved", Duration.ofSeconds(30),
                () -> !firing("hv-a").contains("ReplicationFailed") && !firing("hv-a").contains("HaHostFailed"));
        until("hv-a OK with its three hosts", Duration.ofSeconds(30),
                () -> api.siteStatus("hv-a").equals(Optional.of("OK")));
        assertThat(api.site("hv-a").orElseThrow().path("counts").path("haHosts").path("byState").path("HEALTHY").asLong())
                .isEqualTo(3);
    }

    @Test
    @Order(2)
    void aRefusedLoginAndAHostTimingOutShowOnlyOnTheirOwnSitesWithTheirReasons() {
        // The faults ran with test 1's incidents; the recorder kept every view the API answered meanwhile.
        until("hv-c and hv-d OK again after their faults", Duration.ofSeconds(45), () -> recorder.sawFault()
                && api.siteStatus("hv-c").equals(Optional.of("OK")) && api.siteStatus("hv-d").equals(Optional.of("OK")));
        // From the first answer that had every site read (before that hv-b is UNKNOWN, not yet OK).
        List<Sample> samples = recorder.samples().stream()
                .dropWhile(s -> !s.site("hv-b").path("status").asText().equals("OK")
                        || s.site("hv-a").path("counts").path("vms").path("total").asLong() < 3)
                .toList();

        assertThat(samples).as("CollectorAuthFailed for hv-c's endpoint, its site naming the refused login")
                .anySatisfy(s -> {
                    assertThat(s.firing("hv-c")).contains("CollectorAuthFailed");
                    assertThat(s.reasons("hv-c")).contains("AUTH");
                });
        assertThat(samples).as("hv-d DEGRADED by a partial read naming hv-d2, its VMs kept").anySatisfy(s -> {
            assertThat(s.site("hv-d").path("status").asText()).isEqualTo("DEGRADED");
            assertThat(s.reasons("hv-d")).containsIgnoringCase("hv-d2").contains("could not be read");
            assertThat(s.site("hv-d").path("counts").path("vms").path("total").asLong()).isEqualTo(2);
        });
        assertThat(samples).as("each fault on its own site only").allSatisfy(s -> {
            for (String site : List.of("hv-a", "hv-b", "hv-d")) {
                assertThat(s.firing(site)).as(site).doesNotContain("CollectorAuthFailed");
                assertThat(s.reasons(site)).as(site).doesNotContain("AUTH");
            }
            for (String site : List.of("hv-a", "hv-b", "hv-c")) {
                assertThat(s.reasons(site)).as(site).doesNotContainIgnoringCase("hv-d2");
            }
            assertThat(s.site("hv-b").path("status").asText()).as("the replication target: %s", s.site("hv-b"))
                    .isEqualTo("OK");
        });
        assertThat(firing("hv-c")).doesNotContain("CollectorAuthFailed");
    }

    /** Awaits the condition; on time-out the failure shows the sites, pairs and firing alerts as they were. */
    private static void until(String alias, Duration atMost, Callable<Boolean> condition) {
        try {
            await(alias).atMost(atMost).pollInterval(Duration.ofMillis(250)).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(alias + " did not happen within " + atMost + "; sites: " + api.get("/api/sites")
                    .orElse(null) + "; pairs: " + api.get("/api/site-pairs").orElse(null) + "; firing: "
                    + api.get("/api/alerts?state=firing").orElse(null) + "; recorder failures: " + (recorder == null ? "none" : recorder.failures), e);
        }
    }

    private static long count(String site, String what) {
        return api.site(site).map(s -> s.path("counts").path(what).path("total").asLong()).orElse(0L);
    }

    private static String firing(String site) {
        // Firing ones only: a resolved alert stays listed for a while.
        return api.get("/api/alerts?state=firing&site=" + site).map(JsonNode::toString).orElse("");
    }

    /** The host a VM of the site runs on, as the site's VM list shows it. */
    private static Optional<String> vmHost(String site, String vmName) {
        List<JsonNode> vms = new ArrayList<>();
        api.get("/api/sites/" + site + "/vms").ifPresent(page -> page.path("items").forEach(vms::add));
        return vms.stream().filter(v -> v.path("name").asText().equals(vmName) && v.path("power").asText().equals("RUNNING"))
                .map(v -> v.path("host").asText()).findFirst();
    }

    private static String recentActions(String site) {
        return api.site(site).map(s -> s.path("recentHaActions").toString()).orElse("");
    }

    /**
     * Samples every site view and the firing alerts every 250 ms from the moment every site was read, so the
     * isolation test can judge each fault while it lasted and everything around it.
     */
    private static final class Recorder extends Thread {

        private final List<Sample> samples = new CopyOnWriteArrayList<>();
        private final List<String> failures = new CopyOnWriteArrayList<>();
        private volatile boolean running = true;

        Recorder() {
            super("hyperv-it-recorder");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                try {
                    Optional<JsonNode> sites = api.get("/api/sites");
                    Optional<JsonNode> alerts = api.get("/api/alerts?state=firing");
                    if (sites.isPresent() && alerts.isPresent()) {
                        samples.add(new Sample(sites.get(), alerts.get()));
                    }
                } catch (RuntimeException e) {
                    failures.add(e.toString());
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        List<Sample> samples() {
            return List.copyOf(samples);
        }

        boolean sawFault() {
            return samples.stream().anyMatch(s -> s.firing("hv-c").contains("CollectorAuthFailed"))
                    && samples.stream().anyMatch(s -> s.reasons("hv-d").contains("could not be read"));
        }

        void close() throws InterruptedException {
            running = false;
            interrupt();
            join(5_000);
        }
    }

    /** One answer of {@code /api/sites} and {@code /api/alerts?state=firing}. */
    private record Sample(JsonNode sites, JsonNode firingAlerts) {

        JsonNode site(String name) {
            for (JsonNode site : sites.path("sites")) {
                if (site.path("site").asText().equals(name)) {
                    return site;
                }
            }
            return MissingNode.getInstance();
        }

        String reasons(String name) {
            return site(name).path("reasons").toString();
        }

        String firing(String name) {
            StringBuilder out = new StringBuilder();
            firingAlerts.forEach(a -> {
                if (a.path("labels").path("site").asText().equals(name)) {
                    out.append(a);
                }
            });
            return out.toString();
        }
    }
}
