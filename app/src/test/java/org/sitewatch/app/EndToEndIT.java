package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole vertical slice on real parts: Proxmox simulator -> Proxmox collector -> real KRaft
 * broker -> streams app -> GET /api/sites, through {@link EmbeddedStack} exactly as {@code sitewatch run}
 * starts it. A scripted replication failure must turn the site unhealthy and then recover.
 */
class EndToEndIT {

    /** Loops, so the failure is seen whatever the start-up time of the app was. */
    private static final String SCENARIO = """
            loop: 40s
            sites:
              - name: e2e-a
                cluster: e2e-a
                token: "e2e@pve!sitewatch=11111111-2222-4333-8444-555555555555"
                nodes: [ { name: pve-a1 }, { name: pve-a2 }, { name: pve-a3 } ]
                vms:
                  - { vmid: 100, name: a-app, node: pve-a1, ha: true }
                  - { vmid: 101, name: a-db, node: pve-a2, ha: true }
                replication:
                  - { guest: 100, target: pve-a2, schedule: "*/1", syncEverySeconds: 2, syncDuration: 300ms, retryUnitSeconds: 1 }
                  - { guest: 101, target: pve-a3, schedule: "*/1", syncEverySeconds: 2, syncDuration: 300ms, retryUnitSeconds: 1 }
              - name: e2e-b
                cluster: e2e-b
                token: "e2e@pve!sitewatch=66666666-7777-4888-9999-000000000000"
                nodes: [ { name: pve-b1 }, { name: pve-b2 }, { name: pve-b3 } ]
                vms:
                  - { vmid: 200, name: b-app, node: pve-b1, ha: true }
                replication:
                  - { guest: 200, target: pve-b2, schedule: "*/1", syncEverySeconds: 2, syncDuration: 300ms, retryUnitSeconds: 1 }
            timeline:
              - { at: 8s, site: e2e-a, action: replication-fail, job: 100-0, error: "command 'zfs recv' failed: exit code 1" }
              - { at: 20s, site: e2e-a, action: replication-recover, job: 100-0 }
            """;

    @TempDir
    Path dataDir;

    private EmbeddedStack stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldShowAScriptedReplicationFailureAndItsRecoveryInTheSiteView() throws Exception {
        stack = FastStack.start(dataDir, SCENARIO, Map.of());
        SitesApi api = new SitesApi(stack.httpPort());

        await("both sites listed").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/api/sites").map(n -> n.path("sites").size()).orElse(0) == 2);

        await("e2e-a unhealthy").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.siteStatus("e2e-a").filter(s -> s.equals("DEGRADED") || s.equals("CRITICAL")).isPresent());
        JsonNode failing = api.site("e2e-a").orElseThrow();
        assertThat(failing.path("reasons").toString()).contains("replicated item");
        assertThat(failing.path("problems").toString()).contains("100-0").contains("zfs recv");
        JsonNode other = api.site("e2e-b").orElseThrow();
        assertThat(other.path("status").asText()).as("e2e-b stays healthy: %s", other).isEqualTo("OK");

        // The alerting module answers on the same port.
        assertThat(api.get("/api/alerts")).isPresent();

        await("e2e-a recovered").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.siteStatus("e2e-a").equals(Optional.of("OK")));
    }
}
