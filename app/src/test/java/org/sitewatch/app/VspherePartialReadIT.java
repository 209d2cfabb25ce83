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
 * Partial reads of two vCenters of the project's simulator at the same time, on the whole slice: on vs-a one
 * ESXi host's properties become unreadable (the monitoring role lost its read privilege there: vCenter lists them
 * in the PropertyCollector's missingSet with NoPermission), while vs-b's vSphere Replication appliance answers
 * HTTP 500. Each site turns DEGRADED, not CRITICAL or UNKNOWN (docs/health-rules.md), with a reason naming its own
 * unreadable scope and nothing of the other's; each keeps what it could not read (vs-a its hosts and VMs, vs-b its
 * replicated item) and both are OK again once the faults end. The scenario loops, so the faults are seen whatever
 * the start-up time; its faults come late enough in the first round (the simulator starts some 15 s before the
 * collectors) for the sites to be read before them.
 */
class VspherePartialReadIT {

    private static final String SCENARIO = """
            loop: 40s
            clusters:
              - name: vs-a
                platform: vsphere
                site: vs-a
                cluster: CL-A
                nodes: [ { name: esx-a1 }, { name: esx-a2 }, { name: esx-a3 } ]
                vms:
                  - { vmid: 100, name: a-web, node: esx-a1, ha: true }
                  - { vmid: 101, name: a-db, node: esx-a2, ha: true }
              - name: vs-b
                platform: vsphere
                site: vs-b
                cluster: CL-B
                nodes: [ { name: esx-b1 }, { name: esx-b2 } ]
                vms:
                  - { vmid: 200, name: b-app, node: esx-b1 }
                replication:
                  - { guest: 200, target: esx-b2, syncEverySeconds: 10, syncDuration: 1s }
            timeline:
              - { at: 25s, cluster: vs-a, action: api-fault, kind: auth, path: /inventory/host/esx-a2, duration: 10s }
              - { at: 25s, cluster: vs-b, action: api-fault, kind: http500, path: /api/rest/vr, duration: 10s }
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
    void anUnreadableHostAndAFailingReplicationApplianceEachDegradeOnlyTheirOwnSiteAndBothRecover() throws Exception {
        stack = FastStack.start(dataDir, SCENARIO, Map.of());
        SitesApi api = new SitesApi(stack.httpPort());

        await("both sites listed with what they hold").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> count(api, "vs-a", "vms") == 2 && count(api, "vs-a", "haHosts") == 3
                        && count(api, "vs-b", "replication") == 1);

        await("both partial reads at once").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> reasons(api, "vs-a").contains("not readable") && reasons(api, "vs-b").contains("not readable"));
        JsonNode a = api.site("vs-a").orElseThrow();
        JsonNode b = api.site("vs-b").orElseThrow();

        assertThat(a.path("status").asText()).as("%s", a).isEqualTo("DEGRADED");
        assertThat(a.path("reasons").toString()).as("%s", a).contains("host esx-a2: NoPermission on ")
                .doesNotContain("vsphere-replication");
        assertThat(a.path("counts").path("vms").path("total").asLong()).as("the VMs are kept: %s", a).isEqualTo(2);
        assertThat(a.path("counts").path("haHosts").path("total").asLong()).as("the host is kept: %s", a).isEqualTo(3);
        assertThat(a.path("counts").path("haHosts").path("byState").path("HEALTHY").asLong()).as("as last read: %s", a)
                .isEqualTo(3);

        assertThat(b.path("status").asText()).as("%s", b).isEqualTo("DEGRADED");
        assertThat(b.path("reasons").toString()).as("%s", b).contains("replication of endpoint vsphere-replication not readable").contains("HTTP 500")
                .doesNotContain("NoPermission").doesNotContain("esx-a2");
        assertThat(b.path("counts").path("replication").path("total").asLong()).as("the item is kept: %s", b).isEqualTo(1);

        await("both sites OK again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.siteStatus("vs-a").equals(Optional.of("OK")) && api.siteStatus("vs-b").equals(Optional.of("OK")));
        assertThat(count(api, "vs-a", "haHosts")).isEqualTo(3);
        assertThat(count(api, "vs-b", "replication")).isEqualTo(1);
    }

    private static long count(SitesApi api, String site, String what) {
        return api.site(site).map(s -> s.path("counts").path(what).path("total").asLong()).orElse(0L);
    }

    private static String reasons(SitesApi api, String site) {
        return api.site(site).map(s -> s.path("reasons").toString()).orElse("");
    }
}
