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
 * Two vCenters of the project's own simulator (its vSphere front, no Go needed) in the embedded stack, one site each,
 * with faults isolated to one site at a time: one of vs-a's two ESXi hosts dies (vSphere HA reports it and the
 * cluster can tolerate no further host failure: the site turns CRITICAL naming the host and HaHostFailed fires) while vs-b's vCenter answers HTTP 500 (its site says so); each
 * fault shows only on its own site, and both sites are OK again once the host is back and the API answers. The scenario
 * loops, so the faults are seen whatever the start-up time.
 */
class VsphereSitesIT {

    private static final String SCENARIO = """
            loop: 50s
            clusters:
              - name: vs-a
                platform: vsphere
                site: vs-a
                cluster: CL-A
                ha: { fenceDelay: 2s, recoveryDelay: 2s }
                nodes: [ { name: esx-a1 }, { name: esx-a2 } ]
                vms:
                  - { vmid: 100, name: a-web, node: esx-a1, ha: true }
                  - { vmid: 101, name: a-db, node: esx-a2, ha: true }
              - name: vs-b
                platform: vsphere
                site: vs-b
                cluster: CL-B
                nodes: [ { name: esx-b1 }, { name: esx-b2 } ]
                vms:
                  - { vmid: 200, name: b-app, node: esx-b1, ha: true }
            timeline:
              - { at: 10s, cluster: vs-a, action: node-offline, node: esx-a2 }
              - { at: 10s, cluster: vs-b, action: api-fault, kind: http500 }
              - { at: 30s, cluster: vs-b, action: api-ok }
              - { at: 30s, cluster: vs-a, action: node-online, node: esx-a2 }
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
    void aHostFailureAndAVcenterAnswering500ShowOnlyOnTheirOwnSitesAndBothRecover() throws Exception {
        stack = FastStack.start(dataDir, SCENARIO, Map.of());
        SitesApi api = new SitesApi(stack.httpPort());

        await("vs-a listed with its VMs").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.site("vs-a").map(s -> s.path("counts").path("vms").path("total").asLong()).orElse(0L) == 2);

        await("vs-a unhealthy by its failed host").atMost(Duration.ofSeconds(70)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.site("vs-a").map(s -> s.path("reasons").toString()).orElse("").contains("HA host"));
        JsonNode a = api.site("vs-a").orElseThrow();
        // docs/health-rules.md: a FAILED host in a cluster left with failover capacity 0 is CRITICAL
        await("vs-a CRITICAL: its cluster cannot tolerate another host failure").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api.siteStatus("vs-a").equals(Optional.of("CRITICAL")));
        a = api.site("vs-a").orElseThrow();
        assertThat(a.path("reasons").toString()).as("%s", a).contains("failover capacity 0");
        assertThat(a.path("reasons").toString()).as("%s", a).doesNotContain("HTTP_5XX");
        await("HaHostFailed for vs-a").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/api/alerts?state=firing&site=vs-a").map(JsonNode::toString).orElse("")
                        .contains("HaHostFailed"));

        await("vs-b names its failing vCenter").atMost(Duration.ofSeconds(70)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.site("vs-b").map(s -> s.path("reasons").toString()).orElse("").contains("HTTP_5XX"));
        JsonNode b = api.site("vs-b").orElseThrow();
        assertThat(b.path("status").asText()).as("%s", b).isNotEqualTo("OK");
        assertThat(b.path("reasons").toString()).as("%s", b).doesNotContain("HA host");

        await("both sites OK again").atMost(Duration.ofSeconds(70)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.siteStatus("vs-a").equals(Optional.of("OK")) && api.siteStatus("vs-b").equals(Optional.of("OK")));
    }
}
