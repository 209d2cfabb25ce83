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
 * A partial read on the whole slice: one node's replication status answers HTTP 500 and the HA
 * status endpoint answers 501 (as a PVE version without it). The site must turn DEGRADED with both
 * scopes named in its reasons, not UNKNOWN, while the rest of the site keeps being published; once
 * the API answers again the site is OK.
 */
class PartialReadIT {

    /** Loops, so the faults are seen whatever the start-up time of the app was. */
    private static final String SCENARIO = """
            loop: 40s
            clusters:
              - name: part-a
                token: "part@pve!sitewatch=11111111-2222-4333-8444-555555555555"
                nodes: [ { name: pa1 }, { name: pa2 }, { name: pa3 } ]
                vms:
                  - { vmid: 100, name: a-app, node: pa1, ha: true }
                  - { vmid: 101, name: a-db, node: pa2, ha: true }
                replication:
                  - { guest: 100, target: pa2, schedule: "*/1", syncEverySeconds: 2, syncDuration: 300ms, retryUnitSeconds: 1 }
                  - { guest: 101, target: pa3, schedule: "*/1", syncEverySeconds: 2, syncDuration: 300ms, retryUnitSeconds: 1 }
            timeline:
              - { at: 15s, cluster: part-a, action: api-fault, kind: http500, path: /nodes/pa1/replication }
              - { at: 15s, cluster: part-a, action: api-fault, kind: http501, path: /cluster/ha/status/current }
              - { at: 35s, cluster: part-a, action: api-ok }
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
    void shouldShowTheSiteDegradedWithTheUnreadableScopesAndThenRecover() throws Exception {
        stack = FastStack.start(dataDir, SCENARIO, Map.of());
        SitesApi api = new SitesApi(stack.httpPort());

        // The scenario's clock runs from the stack's start; the faults begin at 15 s, so both jobs must
        // have been read once before (with two ITs starting at a time, the first poll can come late).
        await("both jobs published before the faults begin").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api.site("part-a").map(s -> s.path("counts").path("replication").path("total").asLong())
                        .orElse(0L) == 2);
        await("part-a degraded by the partial read").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.site("part-a").map(s -> s.path("reasons").toString()).orElse("")
                        .contains("not readable"));
        JsonNode degraded = api.site("part-a").orElseThrow();
        assertThat(degraded.path("status").asText()).as("%s", degraded).isEqualTo("DEGRADED");
        assertThat(degraded.path("reasons").toString()).as("both scopes named")
                .contains("pa1").contains("not readable").contains("HA");
        assertThat(degraded.path("counts").path("vms").path("total").asLong()).as("the VMs are still published: %s", degraded)
                .isEqualTo(2);
        assertThat(degraded.path("counts").path("replication").path("total").asLong()).as("both jobs still published: %s", degraded)
                .isEqualTo(2);

        await("part-a OK once the API answers again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.siteStatus("part-a").equals(Optional.of("OK")));
    }
}
