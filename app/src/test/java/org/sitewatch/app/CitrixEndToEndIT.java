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
 * Citrix DaaS end to end on one stack: the simulator's Citrix front (token endpoint and Monitor
 * Service OData under the simulator's HTTP port), the real Citrix collector, the broker, the streams
 * views and the alerts. One customer in site ctx-a: two delivery groups of VDI machines on three
 * hosting servers, threshold 80 %. The scenario plays once, its steps after the stack has read the
 * site: hosting server hs-3 is lost at 24 s (its machines unregister with ContactLost; the call
 * center group falls to 1 of 3 registered), so the group's ha.cluster loses its failover capacity,
 * the site degrades and HaFailoverCapacityLost fires; hs-3 returns at 32 s and both resolve.
 */
class CitrixEndToEndIT {

    private static final String SCENARIO = """
            clusters:
              - name: ctx-a
                platform: citrix
                site: ctx-a
                customer-id: ctxcustomera
                domain: CTXA
                registered-threshold: 80
                delivery-groups: "Office=vdi-01,vdi-02,vdi-03,vdi-04; Call Center=cc-01,cc-02,cc-03"
                nodes:
                  - { name: hs-1 }
                  - { name: hs-2 }
                  - { name: hs-3 }
                vms:
                  - { vmid: 100, name: vdi-01, node: hs-1 }
                  - { vmid: 101, name: vdi-02, node: hs-1 }
                  - { vmid: 102, name: vdi-03, node: hs-2 }
                  - { vmid: 103, name: vdi-04, node: hs-2 }
                  - { vmid: 104, name: cc-01, node: hs-3 }
                  - { vmid: 105, name: cc-02, node: hs-3 }
                  - { vmid: 106, name: cc-03, node: hs-1 }
            timeline:
              - { at: 24s, cluster: ctx-a, action: node-offline, node: hs-3 }
              - { at: 32s, cluster: ctx-a, action: node-online, node: hs-3 }
            """;
    private static final String SITE = "ctx-a";
    private static final String ALERT = "HaFailoverCapacityLost";

    @TempDir
    static Path dataDir;

    private static EmbeddedStack stack;
    private static SitesApi api;

    @BeforeAll
    static void start() {
        // VDI machines are not replicated, so there is no test failover to report: not the point.
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
    void aLostHostingServerTakesTheCallCenterUnderItsThresholdDegradingTheSiteUntilItReturns() {
        // Read before the loss, the usual case; a slow start may read the site only after it.
        until("ctx-a's seven machines on their hosting servers, the site OK (or already degraded)",
                Duration.ofSeconds(30), () -> vms().size() == 7 && hostOf("cc-01").equals("hs-3")
                        && hostOf("vdi-01").equals("hs-1") && (api.siteStatus(SITE).orElse("").equals("OK")
                        && host("cc-01").equals("hs-3") || firing().contains(ALERT)));

        until("the call center's capacity lost: the site DEGRADED and " + ALERT + " firing", Duration.ofSeconds(20),
                () -> api.siteStatus(SITE).orElse("").equals("DEGRADED") && firing().contains(ALERT));
        assertThat(firing()).contains("Call Center").doesNotContain("Office");
        assertThat(vm("cc-01").map(v -> v.path("power").asText())).hasValue("UNKNOWN");
        assertThat(vm("cc-01").map(v -> v.path("vendorState").asText()).orElse(""))
                .contains("Unregistered: ContactLost (207)");
        assertThat(host("vdi-01")).isEqualTo("hs-1");

        until("hs-3 back: the site OK and " + ALERT + " resolved", Duration.ofSeconds(20),
                () -> api.siteStatus(SITE).orElse("").equals("OK") && !firing().contains(ALERT));
        assertThat(host("cc-01")).isEqualTo("hs-3");
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

    private static java.util.List<JsonNode> vms() {
        return api.get("/api/sites/" + SITE + "/vms").map(page -> StreamSupport.stream(page.path("items").spliterator(),
                false).toList()).orElse(java.util.List.of());
    }

    /** The machine as the site's VM list shows it (its name is DOMAIN\host); empty when not listed. */
    private static Optional<JsonNode> vm(String name) {
        return vms().stream().filter(v -> v.path("name").asText().equals("CTXA\\" + name)).findFirst();
    }

    private static String hostOf(String name) {
        return vm(name).map(v -> v.path("host").asText()).orElse("");
    }

    /** The hosting server of a running machine; empty when it is not running. */
    private static String host(String name) {
        return vm(name).filter(v -> v.path("power").asText().equals("RUNNING")).map(v -> v.path("host").asText())
                .orElse("");
    }

    private static String firing() {
        // Firing ones only: a resolved alert stays listed for a while.
        return api.get("/api/alerts?state=firing&site=" + SITE).map(JsonNode::toString).orElse("");
    }
}
