package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.testsupport.AlertmanagerProcess;

/**
 * Issue 4 end to end on real parts: Proxmox simulator -> collector -> real KRaft broker -> streams app
 * (alert rules, exactly-once) -> {@code sitewatch.alerts} -> alert dispatcher -> a REAL Alertmanager.
 * A scripted replication failure must appear in Alertmanager as {@code ReplicationFailed} with the
 * right labels, then resolve.
 */
class AlertmanagerEndToEndIT {

    private static final String SCENARIO = """
            sites:
              - name: am-a
                cluster: am-a
                token: "am@pve!sitewatch=11111111-2222-4333-8444-555555555555"
                nodes: [ { name: pve-a1 }, { name: pve-a2 }, { name: pve-a3 } ]
                vms:
                  - { vmid: 100, name: a-app, node: pve-a1, ha: true }
                  - { vmid: 101, name: a-db, node: pve-a2, ha: true }
                replication:
                  - { guest: 100, target: pve-a2, schedule: "*/1", syncEverySeconds: 2, syncDuration: 300ms, retryUnitSeconds: 1 }
                  - { guest: 101, target: pve-a3, schedule: "*/1", syncEverySeconds: 2, syncDuration: 300ms, retryUnitSeconds: 1 }
            timeline:
              - { at: 15s, site: am-a, action: replication-fail, job: 100-0, error: "command 'zfs recv' failed: exit code 1" }
              - { at: 45s, site: am-a, action: replication-recover, job: 100-0 }
            """;

    @TempDir
    Path dataDir;

    private EmbeddedStack stack;
    private AlertmanagerProcess alertmanager;

    @AfterEach
    void stop() throws InterruptedException {
        if (stack != null) {
            stack.close();
        }
        if (alertmanager != null) {
            alertmanager.close();
        }
    }

    @Test
    void replicationFailedReachesAlertmanagerWithItsLabelsAndResolves() throws Exception {
        alertmanager = AlertmanagerProcess.start(dataDir.resolve("alertmanager"));
        stack = FastStack.start(dataDir.resolve("stack"), SCENARIO, Map.of(
                        "sitewatch.alerting.alertmanager.urls[0]", alertmanager.url().toString(),
                        "sitewatch.alerting.alertmanager.resend-interval", "1s",
                        "sitewatch.alerting.poll-interval", "100ms"));

        JsonNode firing = await("ReplicationFailed in Alertmanager").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> first(alertmanager.alerts("ReplicationFailed", "am-a")), a -> a != null);
        JsonNode labels = firing.path("labels");
        assertThat(labels.path("alertname").asText()).isEqualTo("ReplicationFailed");
        assertThat(labels.path("severity").asText()).isEqualTo("critical");
        assertThat(labels.path("site").asText()).isEqualTo("am-a");
        assertThat(labels.path("item").asText()).isEqualTo("100-0");
        assertThat(labels.path("platform").asText()).isEqualTo("proxmox");
        assertThat(firing.path("annotations").path("description").asText()).contains("zfs recv");
        assertThat(firing.path("annotations").path("runbook_url").asText())
                .isEqualTo("/runbooks#replicationfailed"); // port 0: the relative link to the app's own runbooks
        assertThat(firing.path("generatorURL").asText()).contains("/api/replication/items?site=am-a");
        assertThat(firing.path("status").path("state").asText()).isEqualTo("active");

        Instant firingSeen = Instant.now();

        // Recovered (the recover step is 30 s after the failure): gone from the active alerts, or its endsAt
        // in the past. One firing episode only: the job's retries in between must not resolve and re-fire it.
        Set<String> episodes = new HashSet<>();
        episodes.add(firing.path("startsAt").asText());
        await("ReplicationFailed resolved in Alertmanager").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    List<JsonNode> now = alertmanager.alerts("ReplicationFailed", "am-a");
                    now.forEach(a -> episodes.add(a.path("startsAt").asText()));
                    return resolved(now);
                });
        assertThat(Duration.between(firingSeen, Instant.now())).as("resolved only after the recover step")
                .isGreaterThan(Duration.ofSeconds(15));
        assertThat(episodes).as("startsAt of every firing episode seen").hasSize(1);
    }

    private static JsonNode first(List<JsonNode> alerts) {
        return alerts.isEmpty() ? null : alerts.get(0);
    }

    private static boolean resolved(List<JsonNode> alerts) {
        return alerts.stream().allMatch(a -> !a.path("endsAt").asText("").isEmpty()
                && Instant.parse(a.path("endsAt").asText()).isBefore(Instant.now()));
    }
}
