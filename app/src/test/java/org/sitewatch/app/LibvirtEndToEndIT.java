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
 * libvirt with DRBD end to end on one stack: the simulator mirrors the KVM host kvm-a1 onto libvirt's real
 * in-process {@code test:///default} driver (native libvirt0) and writes each node's {@code drbdsetup status
 * --json}; the real libvirt collector reads the domains with their lifecycle events and the DRBD status through
 * its scripted command ({@code cat} of that file), then the broker, the streams views and the alerts. The host's
 * database replicates with DRBD to its peer kvm-b1 standing in site dr-b (a small Proxmox VE cluster's site): the
 * pair {@code kvm-a -> dr-b}. The scenario plays once, its steps after the stack has read every site (about
 * 10 s): a guest is stopped at 20 s, the DRBD link fails at 25 s and recovers at 35 s, resyncing at its next retry.
 */
class LibvirtEndToEndIT {

    private static final String SCENARIO = """
            clusters:
              - name: kvm-a
                platform: libvirt
                site: kvm-a
                nodes:
                  - { name: kvm-a1 }
                  - { name: kvm-b1, site: dr-b }
                vms:
                  - { vmid: 100, name: kvm-a-db, node: kvm-a1, maxcpu: 4, maxmem: 8G }
                  - { vmid: 101, name: kvm-a-web, node: kvm-a1 }
                  - { vmid: 102, name: kvm-a-old, node: kvm-a1, status: stopped }
                replication:
                  - { guest: 100, target: kvm-b1, syncEverySeconds: 5, syncDuration: 1s, retryUnitSeconds: 1 }
              - name: dr-b
                platform: proxmox
                site: dr-b
                token: "sitewatch@pve!monitor=00000000-0000-4000-8000-000000000001"
                nodes: [ { name: pve-b1 } ]
                vms:
                  - { vmid: 200, name: dr-b-web, node: pve-b1 }
            timeline:
              - { at: 20s, cluster: kvm-a, action: vm-stop, vmid: 101 }
              - { at: 25s, cluster: kvm-a, action: replication-fail, job: 100-0, error: "Connection to peer kvm-b1 lost" }
              - { at: 35s, cluster: kvm-a, action: replication-recover, job: 100-0 }
            """;
    private static final String PAIR = "/api/site-pairs/kvm-a/dr-b";

    @TempDir
    static Path dataDir;

    private static EmbeddedStack stack;
    private static SitesApi api;

    @BeforeAll
    static void start() {
        // DRBD has no test failover to report: not the point here.
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
    void theHostsGuestsAndTheirDrbdLinkReachTheViewsAndAFailedLinkRaisesReplicationFailedUntilItRecovers() {
        until("kvm-a's three domains with their power states", Duration.ofSeconds(14),
                () -> power("kvm-a", "kvm-a-db").equals("RUNNING") && power("kvm-a", "kvm-a-web").equals("RUNNING")
                        && power("kvm-a", "kvm-a-old").equals("STOPPED"));
        assertThat(api.get("/api/sites/kvm-a/vms").orElseThrow().path("items")).hasSize(3);
        until("the DRBD pair kvm-a -> dr-b READY", Duration.ofSeconds(14),
                () -> api.get(PAIR).map(p -> p.path("readiness").asText()).equals(Optional.of("READY")));
        JsonNode item = api.get("/api/replication/items?site=kvm-a").orElseThrow().path("items").get(0);
        assertThat(item.path("targetSite").asText()).as("%s", item).isEqualTo("dr-b");
        assertThat(item.path("technology").asText()).as("%s", item).isEqualTo("drbd");

        until("vm-stop: kvm-a-web STOPPED", Duration.ofSeconds(20), () -> power("kvm-a", "kvm-a-web").equals("STOPPED"));

        until("the failed DRBD link: kvm-a -> dr-b NOT_READY", Duration.ofSeconds(20),
                () -> api.get(PAIR).filter(p -> p.path("readiness").asText().equals("NOT_READY")
                        && p.path("reasons").toString().contains("1 replicated item FAILED")).isPresent());
        until("ReplicationFailed for kvm-a", Duration.ofSeconds(15), () -> firing("kvm-a").contains("ReplicationFailed"));

        until("the link resyncs after replication-recover: kvm-a -> dr-b READY", Duration.ofSeconds(30),
                () -> api.get(PAIR).map(p -> p.path("readiness").asText()).equals(Optional.of("READY")));
        until("ReplicationFailed resolved", Duration.ofSeconds(15), () -> !firing("kvm-a").contains("ReplicationFailed"));
        assertThat(power("kvm-a", "kvm-a-db")).isEqualTo("RUNNING");
    }

    /** Awaits the condition; on time-out the failure shows the sites, pairs and firing alerts as they were. */
    private static void until(String alias, Duration atMost, Callable<Boolean> condition) {
        try {
            await(alias).atMost(atMost).pollInterval(Duration.ofMillis(250)).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(alias + " did not happen within " + atMost + "; sites: "
                    + api.get("/api/sites").orElse(null) + "; vms: " + api.get("/api/sites/kvm-a/vms").orElse(null)
                    + "; pairs: " + api.get("/api/site-pairs").orElse(null) + "; items: "
                    + api.get("/api/replication/items?site=kvm-a").orElse(null) + "; firing: "
                    + api.get("/api/alerts?state=firing").orElse(null), e);
        }
    }

    /** The power state of a VM of the site as its VM list shows it; empty when not listed. */
    private static String power(String site, String vmName) {
        return api.get("/api/sites/" + site + "/vms")
                .flatMap(page -> StreamSupport.stream(page.path("items").spliterator(), false)
                        .filter(v -> v.path("name").asText().equals(vmName)).findFirst())
                .map(v -> v.path("power").asText()).orElse("");
    }

    private static String firing(String site) {
        // Firing ones only: a resolved alert stays listed for a while.
        return api.get("/api/alerts?state=firing&site=" + site).map(JsonNode::toString).orElse("");
    }
}
